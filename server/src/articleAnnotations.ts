// An article's annotation file anchored to the article's current text: where each annotation applies now, and which
// no longer find their text (orphans: kept in the file and reported, never dropped).
import { type AnalyzeOptions, analyzeArticle } from './analyze';
import type { Annotation, ClaimDecision, DecisionFile, EntityAnnotation, LinkAnnotation, NoteAnnotation, NotEntityAnnotation } from './decisions';
import { anchor } from './selectors';
import type { ArticleAnalysis, Span } from './types';

export interface Anchored<T extends Annotation> {
  annotation: T;
  span: Span;
}

export interface AnchoredLink extends Anchored<LinkAnnotation> {
  /** The other article's id in the index (a URI in the server, a path in the command line). */
  otherId: string;
}

export interface ArticleAnnotations {
  file: DecisionFile;
  entities: Anchored<EntityAnnotation>[];
  removed: Anchored<NotEntityAnnotation>[];
  claims: Anchored<ClaimDecision>[];
  notes: Anchored<NoteAnnotation>[];
  links: AnchoredLink[];
  /** Annotations whose text is no longer in the article. */
  orphans: Annotation[];
}

/** `resolveArticle` turns a link's article path (relative to this article's folder) into an index id. */
export function anchorAnnotations(file: DecisionFile, text: string, resolveArticle: (relativePath: string) => string): ArticleAnnotations {
  const result: ArticleAnnotations = { file, entities: [], removed: [], claims: [], notes: [], links: [], orphans: [] };
  for (const annotation of file.annotations) {
    const span = anchor(text, annotation.selector);
    if (!span) {
      result.orphans.push(annotation);
      continue;
    }
    switch (annotation.kind) {
      case 'entity':
        result.entities.push({ annotation, span });
        break;
      case 'not-entity':
        result.removed.push({ annotation, span });
        break;
      case 'claim-status':
        result.claims.push({ annotation, span });
        break;
      case 'note':
        result.notes.push({ annotation, span });
        break;
      case 'same-as':
      case 'not-same':
        result.links.push({ annotation, span, otherId: resolveArticle(annotation.other.article) });
        break;
    }
  }
  return result;
}

/** The analysis of an article with its editors' annotations (and their article date) applied over what was detected. */
export function analyzeAnnotated(
  text: string,
  file: DecisionFile | null,
  resolveArticle: (relativePath: string) => string,
  options: Omit<AnalyzeOptions, 'articleDate' | 'corrections'> = {},
): { analysis: ArticleAnalysis; annotations?: ArticleAnnotations } {
  const articleDate = file?.articleDate?.date ?? null;
  if (!file) return { analysis: analyzeArticle(text, { ...options, articleDate }) };
  const annotations = anchorAnnotations(file, text, resolveArticle);
  const corrections = {
    entities: annotations.entities.map(({ annotation: a, span }) => ({ ...span, type: a.entityType, value: a.value, annotationId: a.id, author: a.author, created: a.created })),
    removed: annotations.removed.map((r) => r.span),
  };
  return { analysis: analyzeArticle(text, { ...options, articleDate, corrections }), annotations };
}

/**
 * The editor's status of a claim: the decision on its text, or, when the article's claims were split or joined since,
 * the decision that covers most of it.
 */
export function claimDecisionFor(annotations: ArticleAnnotations | undefined, claim: Span): ClaimDecision | undefined {
  let best: { decision: ClaimDecision; overlap: number } | undefined;
  for (const { annotation, span } of annotations?.claims ?? []) {
    const overlap = Math.min(span.end, claim.end) - Math.max(span.start, claim.start);
    if (overlap > 0 && (!best || overlap > best.overlap)) best = { decision: annotation, overlap };
  }
  return best?.decision;
}

/** Claim decisions whose text is there but is no claim any more (reworded into a question, a quote): reported, kept. */
export function strayClaimDecisions(annotations: ArticleAnnotations | undefined, claims: readonly Span[]): Anchored<ClaimDecision>[] {
  return (annotations?.claims ?? []).filter(({ span }) => !claims.some((c) => c.start < span.end && span.start < c.end));
}
