// The JSON export of ../docs/export-contract.md: one document for a set of indexed articles.
import { claimDecisionFor } from './articleAnnotations';
import type { AnnotationKind, ClaimStatus } from './decisions';
import type { WorkspaceIndex } from './workspaceIndex';
import type { ClaimReason, DateAnchor, EditorMark, EntityType, ReferenceDateSource, TextSpan, TimexType } from './types';

export const SCHEMA_VERSION = 1;

export interface ExportedArticle {
  path: string;
  title: string | null;
  referenceDate: string | null;
  /** Where referenceDate comes from: the dateline, the first full date of the text, an editor, or the CLI/setting default. */
  referenceDateSource: ReferenceDateSource | null;
  entities: (TextSpan & { type: EntityType; entityId: string; editor?: EditorMark })[];
  /** `anchor`: what the value was worked out from (the words alone, the article's date, or an earlier date). */
  dates: (TextSpan & { type: TimexType; value: string; anchor: DateAnchor; editor?: EditorMark })[];
  /** `source.entityId`: who the source is (a pronoun resolved to its referent), when known. */
  attributions: { cue: TextSpan; source: (TextSpan & { entityId?: string }) | null; content: TextSpan }[];
  claims: (TextSpan & { attributed: boolean; reasons: ClaimReason[]; checkWorthiness: number; status?: ClaimStatus; editor?: EditorNote })[];
  /** Editors' notes on spans of the article. */
  notes: (TextSpan & { note: string } & EditorNote)[];
  /** Editors' annotations whose text is no longer in the article (kept in its annotation file). */
  unanchored: ({ kind: AnnotationKind; text: string } & EditorNote)[];
}

/** Who made an editor's annotation, and when. */
export interface EditorNote {
  annotationId: string;
  author: string;
  created: string;
}

export interface ExportOptions {
  /** Only editors' annotations by these authors (what they added, retyped, confirmed, judged or noted). */
  authors?: readonly string[];
}

export interface ExportDocument {
  schemaVersion: number;
  articles: ExportedArticle[];
  entities: { entityId: string; canonical: string; type: EntityType; aliases: string[]; articles: string[]; mentions: number }[];
}

const span = ({ start, end, text }: TextSpan): TextSpan => ({ start, end, text });

const by = ({ id, author, created }: { id: string; author: string; created: string }): EditorNote => ({ annotationId: id, author, created });

/**
 * Exports the given articles (all of the index when none are named); entity ids are shared across them. Editors'
 * annotations are already in the analysis (their names, dates and links); who made them comes along.
 */
export function exportJson(index: WorkspaceIndex, ids?: readonly string[], options: ExportOptions = {}): ExportDocument {
  const wanted = ids ? new Set(ids) : null;
  const articles = index.all().filter((a) => !wanted || wanted.has(a.id));
  const authors = options.authors ? new Set(options.authors) : null;
  const keep = (editor: { author: string } | undefined) => !authors || (editor !== undefined && authors.has(editor.author));
  const used = new Set<string>();
  const exported = articles.map((article): ExportedArticle => {
    const linked = index.entitiesOf(article.id);
    const { analysis, annotations, text } = article;
    const entities = analysis.entities.flatMap((m, i) => {
      if (!keep(m.editor)) return [];
      used.add(linked[i].id);
      // The linked type, which settles a one-word name the tagger alone could only guess; an editor's type comes first.
      return [{ ...span(m), type: m.editor ? m.type : linked[i].type, entityId: linked[i].id, ...(m.editor ? { editor: m.editor } : {}) }];
    });
    const claims = analysis.claims.flatMap((c) => {
      const decision = claimDecisionFor(annotations, c);
      if (!keep(decision)) return [];
      return [{ ...span(c), attributed: c.attributed, reasons: [...c.reasons], checkWorthiness: Math.round(c.checkWorthiness * 1000) / 1000, ...(decision ? { status: decision.status, editor: by(decision) } : {}) }];
    });
    return {
      path: article.displayPath,
      title: analysis.title?.text ?? null,
      referenceDate: analysis.referenceDate,
      referenceDateSource: analysis.referenceDateSource,
      entities,
      dates: analysis.dates.filter((d) => keep(d.editor)).map((d) => ({ ...span(d), type: d.type, value: d.value, anchor: d.anchor, ...(d.editor ? { editor: d.editor } : {}) })),
      attributions: authors
        ? []
        : analysis.attributions.map((a) => {
            const speaker = index.speakerOf(article.id, a);
            const source = a.source && (speaker ? { ...span(a.source), entityId: speaker.id } : span(a.source));
            return { cue: span(a.cue), source, content: span(a.content) };
          }),
      claims,
      notes: (annotations?.notes ?? [])
        .filter(({ annotation }) => keep(annotation))
        .map(({ annotation, span: at }) => ({ ...at, text: text.slice(at.start, at.end), note: annotation.note, ...by(annotation) })),
      unanchored: (annotations?.orphans ?? []).filter(keep).map((a) => ({ kind: a.kind, text: a.selector[0].exact, ...by(a) })),
    };
  });
  const pathOf = new Map(articles.map((a) => [a.id, a.displayPath]));
  const exportedMentions = new Set(exported.flatMap((a) => a.entities.map((m) => `${a.path}#${m.start}`)));
  const entities = index
    .entities()
    .filter((e) => used.has(e.id))
    .map((e) => {
      const inExport = e.mentions.filter((m) => pathOf.has(m.articleId) && exportedMentions.has(`${pathOf.get(m.articleId)}#${index.get(m.articleId)!.analysis.entities[m.index].start}`));
      return {
        entityId: e.id,
        canonical: e.canonical,
        type: e.type,
        aliases: e.aliases,
        articles: [...new Set(inExport.map((m) => pathOf.get(m.articleId)!))],
        mentions: inExport.length,
      };
    });
  return { schemaVersion: SCHEMA_VERSION, articles: exported, entities };
}
