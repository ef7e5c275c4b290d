// The JSON export of ../docs/export-contract.md: one document for a set of indexed articles.
import type { WorkspaceIndex } from './workspaceIndex';
import type { ClaimReason, EntityType, TextSpan, TimexType } from './types';

export const SCHEMA_VERSION = 1;

export interface ExportedArticle {
  path: string;
  title: string | null;
  referenceDate: string | null;
  entities: (TextSpan & { type: EntityType; entityId: string })[];
  dates: (TextSpan & { type: TimexType; value: string })[];
  /** `source.entityId`: who the source is (a pronoun resolved to its referent), when known. */
  attributions: { cue: TextSpan; source: (TextSpan & { entityId?: string }) | null; content: TextSpan }[];
  claims: (TextSpan & { attributed: boolean; reasons: ClaimReason[]; checkWorthiness: number })[];
}

export interface ExportDocument {
  schemaVersion: number;
  articles: ExportedArticle[];
  entities: { entityId: string; canonical: string; type: EntityType; aliases: string[]; articles: string[]; mentions: number }[];
}

const span = ({ start, end, text }: TextSpan): TextSpan => ({ start, end, text });

/** Exports the given articles (all of the index when none are named); entity ids are shared across them. */
export function exportJson(index: WorkspaceIndex, ids?: readonly string[]): ExportDocument {
  const wanted = ids ? new Set(ids) : null;
  const articles = index.all().filter((a) => !wanted || wanted.has(a.id));
  const used = new Set<string>();
  const exported = articles.map((article): ExportedArticle => {
    const linked = index.entitiesOf(article.id);
    const { analysis } = article;
    return {
      path: article.displayPath,
      title: analysis.title?.text ?? null,
      referenceDate: analysis.referenceDate,
      entities: analysis.entities.map((m, i) => {
        used.add(linked[i].id);
        // The linked type: the workspace settles a one-word name the tagger alone could only guess.
        return { ...span(m), type: linked[i].type, entityId: linked[i].id };
      }),
      dates: analysis.dates.map((d) => ({ ...span(d), type: d.type, value: d.value })),
      attributions: analysis.attributions.map((a) => {
        const speaker = index.speakerOf(article.id, a);
        const source = a.source && (speaker ? { ...span(a.source), entityId: speaker.id } : span(a.source));
        return { cue: span(a.cue), source, content: span(a.content) };
      }),
      claims: analysis.claims.map((c) => ({ ...span(c), attributed: c.attributed, reasons: [...c.reasons], checkWorthiness: Math.round(c.checkWorthiness * 1000) / 1000 })),
    };
  });
  const pathOf = new Map(articles.map((a) => [a.id, a.displayPath]));
  const entities = index
    .entities()
    .filter((e) => used.has(e.id))
    .map((e) => {
      const inExport = e.mentions.filter((m) => pathOf.has(m.articleId));
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
