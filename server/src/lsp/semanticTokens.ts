// Semantic tokens: entity types and dates, the colors an editor reads the article by.
import { type Range, type SemanticTokens, SemanticTokensBuilder, type SemanticTokensLegend } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EntityType, Span } from '../types';
import type { IndexedArticle } from '../workspaceIndex';

// Order matters: the index is the token type id on the wire. Keep in sync with package.json semanticTokenTypes.
export const TOKEN_TYPES = ['person', 'organization', 'location', 'misc', 'date'] as const;
// `annotated`: an editor added, retyped or confirmed the name or date, so a theme can mark what a person checked.
export const TOKEN_MODIFIERS = ['annotated'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };
const ANNOTATED = 1;

const ENTITY_TOKEN: Record<EntityType, number> = { PERSON: 0, ORGANIZATION: 1, LOCATION: 2, MISC: 3 };
const DATE_TOKEN = 4;

export function semanticTokens(article: IndexedArticle, document: TextDocument, range?: Range): SemanticTokens {
  const modifiers = (m: { editor?: unknown }) => (m.editor ? ANNOTATED : 0);
  const spans: (Span & { type: number; modifiers: number })[] = [
    ...article.analysis.entities.map((e) => ({ start: e.start, end: e.end, type: ENTITY_TOKEN[e.type], modifiers: modifiers(e) })),
    ...article.analysis.dates.map((d) => ({ start: d.start, end: d.end, type: DATE_TOKEN, modifiers: modifiers(d) })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const from = range ? document.offsetAt(range.start) : 0;
  const to = range ? document.offsetAt(range.end) : Infinity;
  const builder = new SemanticTokensBuilder();
  let lastEnd = -1;
  for (const span of spans) {
    if (span.start < lastEnd || span.end <= from || span.start >= to) continue; // overlaps are not allowed on the wire
    const start = document.positionAt(span.start);
    const end = document.positionAt(span.end);
    if (start.line !== end.line) continue; // tokens cannot span lines
    builder.push(start.line, start.character, end.character - start.character, span.type, span.modifiers);
    lastEnd = span.end;
  }
  return builder.build();
}
