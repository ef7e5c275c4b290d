// `--format w3c`: a W3C Web Annotation collection (JSON-LD). Every name, date and claim is an annotation, and so is
// every editor's annotation (claim statuses, notes, removals, links, the article's date), with its creator: an editor
// (a Person) or News Annotator (Software). Editors' annotations keep their ids, authors and times, so importing the
// collection into the same articles gives the same collection again.
import * as path from 'node:path';
import type { Annotation, ArticleDateDecision } from './decisions';
import { type ExportOptions, type ExportedArticle, exportJson } from './exportJson';
import { type Selectors, selectorsFor } from './selectors';
import type { EditorMark, Span } from './types';
import type { IndexedArticle, WorkspaceIndex } from './workspaceIndex';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const SOFTWARE = { type: 'Software', name: 'News Annotator' } as const;
/** The tag that marks the annotation holding an article's date, and the one on links. */
export const ARTICLE_DATE_TAG = 'article-date';
export const NOT_ENTITY = 'not-entity';

export interface W3cBody {
  type: 'TextualBody' | 'SpecificResource';
  purpose: string;
  value?: string;
  id?: string;
  source?: string;
  selector?: Selectors;
  format?: string;
}

export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  motivation: string;
  creator: { type: 'Person' | 'Software'; name: string };
  created?: string;
  body: W3cBody[];
  target: { source: string; selector: Selectors };
}

export interface W3cCollection {
  '@context': typeof W3C_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: W3cAnnotation[] };
}

const textual = (purpose: string, value: string): W3cBody => ({ type: 'TextualBody', purpose, value });
const person = (name: string) => ({ type: 'Person' as const, name });

export function exportW3c(index: WorkspaceIndex, ids?: readonly string[], options: ExportOptions = {}): W3cCollection {
  const doc = exportJson(index, ids);
  const authors = options.authors ? new Set(options.authors) : null;
  const byPath = new Map(index.all().map((a) => [a.displayPath, a]));
  const items = doc.articles.flatMap((exported) => articleAnnotations(index, byPath.get(exported.path)!, exported));
  const kept = (authors ? items.filter((a) => a.creator.type === 'Person' && authors.has(a.creator.name)) : items).map(inReadingOrder);
  return {
    '@context': W3C_CONTEXT,
    id: 'urn:news-annotator:export',
    type: 'AnnotationCollection',
    label: 'News Annotator annotations',
    total: kept.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: kept },
  };
}

function articleAnnotations(index: WorkspaceIndex, article: IndexedArticle, exported: ExportedArticle): W3cAnnotation[] {
  const source = exported.path;
  const target = (span: Span) => ({ source, selector: selectorsFor(article.text, span) });
  const automatic = (kind: string, span: Span) => `urn:news-annotator:${encodeURIComponent(source)}:${kind}:${span.start}-${span.end}`;
  const made = (mark: EditorMark | undefined, kind: string, span: Span) =>
    mark ? { id: `urn:uuid:${mark.annotationId}`, creator: person(mark.author), created: mark.created } : { id: automatic(kind, span), creator: SOFTWARE };
  const spanned: { at: Span; annotation: W3cAnnotation }[] = [];
  const add = (at: Span, annotation: W3cAnnotation) => spanned.push({ at, annotation });

  for (const m of exported.entities) {
    // The identifying body names the entity (its canonical name) and carries the export's entity id.
    const canonical = index.entityById(m.entityId)?.canonical ?? m.text;
    const body = [textual('classifying', m.type), { ...textual('identifying', canonical), id: `urn:news-annotator:entity:${m.entityId}` }];
    add(m, { ...made(m.editor, 'entity', m), type: 'Annotation', motivation: 'classifying', body, target: target(m) });
  }
  for (const d of exported.dates) {
    add(d, { ...made(d.editor, 'date', d), type: 'Annotation', motivation: 'classifying', body: [textual('classifying', d.type), textual('describing', d.value)], target: target(d) });
  }
  for (const c of exported.claims) {
    const tags = [c.attributed ? 'attributed' : 'unattributed', ...c.reasons].map((t) => textual('tagging', t));
    add(c, { id: automatic('claim', c), type: 'Annotation', motivation: 'classifying', creator: SOFTWARE, body: [textual('classifying', 'CLAIM'), ...tags], target: target(c) });
  }
  const annotations = article.annotations;
  for (const { annotation, span } of [...(annotations?.claims ?? []), ...(annotations?.notes ?? []), ...(annotations?.removed ?? []), ...(annotations?.links ?? [])]) {
    add(span, editorAnnotation(index, article, source, annotation, target(span)));
  }
  const articleDate = annotations?.file.articleDate;
  if (articleDate) add(article.analysis.title ?? { start: 0, end: 0 }, articleDateAnnotation(source, articleDate, target(article.analysis.title ?? { start: 0, end: 0 })));
  spanned.sort((a, b) => a.at.start - b.at.start || a.at.end - b.at.end || a.annotation.id.localeCompare(b.annotation.id));
  // Annotations that lost their text go last, with the selectors they were saved with.
  const orphans = (annotations?.orphans ?? []).map((a) => orphanAnnotation(index, article, source, a));
  return [...spanned.map((s) => s.annotation), ...orphans];
}

function orphanAnnotation(index: WorkspaceIndex, article: IndexedArticle, source: string, a: Annotation): W3cAnnotation {
  if (a.kind === 'entity') {
    const body = a.entityType === 'DATE' ? [textual('classifying', 'DATE'), ...(a.value ? [textual('describing', a.value)] : [])] : [textual('classifying', a.entityType)];
    return { id: `urn:uuid:${a.id}`, type: 'Annotation', motivation: 'classifying', creator: person(a.author), created: a.created, body, target: { source, selector: a.selector } };
  }
  return editorAnnotation(index, article, source, a, { source, selector: a.selector });
}

/** An editor's annotation that is not a name or date: a claim status, a note, a removal or a link. */
function editorAnnotation(index: WorkspaceIndex, article: IndexedArticle, source: string, a: Annotation, target: W3cAnnotation['target']): W3cAnnotation {
  const common = { id: `urn:uuid:${a.id}`, type: 'Annotation' as const, creator: person(a.author), created: a.created, target };
  switch (a.kind) {
    case 'claim-status':
      return { ...common, motivation: 'assessing', body: [textual('assessing', a.status)] };
    case 'note':
      return { ...common, motivation: 'commenting', body: [{ ...textual('commenting', a.note), format: 'text/plain' }] };
    case 'not-entity':
      return { ...common, motivation: 'editing', body: [textual('editing', NOT_ENTITY)] };
    case 'same-as':
    case 'not-same': {
      const otherSource = linkedSource(index, article, source, a.other.article);
      return { ...common, motivation: 'linking', body: [{ type: 'SpecificResource', purpose: 'linking', source: otherSource, selector: a.other.selector }, textual('tagging', a.kind)] };
    }
    case 'entity':
      throw new Error('names and dates are exported from the analysis');
  }
}

/** The other article of a link as this export names articles: its path in the export, or one beside this one's. */
function linkedSource(index: WorkspaceIndex, article: IndexedArticle, source: string, relative: string): string {
  const otherId = article.annotations?.links.find((l) => l.annotation.other.article === relative)?.otherId;
  const other = otherId ? index.get(otherId) : undefined;
  return other?.displayPath ?? path.posix.normalize(path.posix.join(path.posix.dirname(source), relative));
}

function articleDateAnnotation(source: string, date: ArticleDateDecision, target: W3cAnnotation['target']): W3cAnnotation {
  return {
    id: `urn:news-annotator:${encodeURIComponent(source)}:${ARTICLE_DATE_TAG}`,
    type: 'Annotation',
    motivation: 'describing',
    creator: person(date.author),
    created: date.created,
    body: [textual('tagging', ARTICLE_DATE_TAG), textual('describing', date.date)],
    target,
  };
}

/** The same annotation with its fields in the order people read them: what, why, who, when, saying what, about what. */
function inReadingOrder({ id, type, motivation, creator, created, body, target }: W3cAnnotation): W3cAnnotation {
  return { id, type, motivation, creator, ...(created ? { created } : {}), body, target };
}
