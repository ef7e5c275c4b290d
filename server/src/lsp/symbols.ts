// Outline, Go to Symbol in Workspace and Find All References, all over linked entities.
import { type DocumentSymbol, type Location, type Position, SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver/node';
import type { EntityType } from '../types';
import type { ArticleWorkspace } from './articleWorkspace';

const GROUPS: { type: EntityType; name: string; kind: SymbolKind }[] = [
  { type: 'PERSON', name: 'People', kind: SymbolKind.Class },
  { type: 'ORGANIZATION', name: 'Organizations', kind: SymbolKind.Module },
  { type: 'LOCATION', name: 'Places', kind: SymbolKind.Namespace },
];
const KIND: Record<EntityType, SymbolKind> = { PERSON: SymbolKind.Class, ORGANIZATION: SymbolKind.Module, LOCATION: SymbolKind.Namespace, MISC: SymbolKind.Constant };
const MAX_WORKSPACE_SYMBOLS = 500;

/** The headline, then one group per entity type, each entity once at its first mention. */
export function documentSymbols(workspace: ArticleWorkspace, uri: string): DocumentSymbol[] {
  const article = workspace.article(uri);
  const document = workspace.document(uri);
  if (!article || !document) return [];
  const range = (start: number, end: number) => ({ start: document.positionAt(start), end: document.positionAt(end) });
  const linked = workspace.fresh().entitiesOf(uri);
  const symbols: DocumentSymbol[] = [];
  const { title } = article.analysis;
  if (title) symbols.push({ name: title.text, detail: 'headline', kind: SymbolKind.File, range: range(title.start, title.end), selectionRange: range(title.start, title.end) });
  for (const group of GROUPS) {
    const children: DocumentSymbol[] = [];
    const seen = new Map<string, DocumentSymbol>();
    article.analysis.entities.forEach((mention, i) => {
      if (mention.type !== group.type) return;
      const entity = linked[i];
      const existing = seen.get(entity.id);
      if (existing) {
        existing.range = { start: existing.range.start, end: document.positionAt(Math.max(document.offsetAt(existing.range.end), mention.end)) };
        return;
      }
      const symbol: DocumentSymbol = { name: entity.canonical, detail: entity.aliases.join(', '), kind: group.kind, range: range(mention.start, mention.end), selectionRange: range(mention.start, mention.end) };
      seen.set(entity.id, symbol);
      children.push(symbol);
    });
    if (children.length === 0) continue;
    const first = children[0].range.start;
    const last = children.reduce((end, c) => (c.range.end.line > end.line || (c.range.end.line === end.line && c.range.end.character > end.character) ? c.range.end : end), children[0].range.end);
    symbols.push({ name: group.name, kind: SymbolKind.Namespace, range: { start: first, end: last }, selectionRange: children[0].selectionRange, children });
  }
  return symbols;
}

/** Entities whose name or any other written form contains the query, at their first mention. */
export function workspaceSymbols(workspace: ArticleWorkspace, query: string): WorkspaceSymbol[] {
  const index = workspace.fresh();
  const needle = query.toLowerCase();
  const result: WorkspaceSymbol[] = [];
  for (const entity of index.entities()) {
    if (needle && ![entity.canonical, ...entity.aliases].some((name) => name.toLowerCase().includes(needle))) continue;
    const first = index.mentionsOf(entity)[0];
    const document = workspace.document(first.article.id)!;
    result.push({
      name: entity.canonical,
      kind: KIND[entity.type],
      containerName: `${entity.articles.length} article${entity.articles.length === 1 ? '' : 's'} · ${first.article.displayPath}`,
      location: { uri: first.article.id, range: { start: document.positionAt(first.mention.start), end: document.positionAt(first.mention.end) } },
    });
    if (result.length >= MAX_WORKSPACE_SYMBOLS) break;
  }
  return result;
}

export function references(workspace: ArticleWorkspace, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  const document = workspace.document(uri);
  if (!document || !workspace.article(uri)) return [];
  const index = workspace.fresh();
  const hit = index.entityAt(uri, document.offsetAt(position));
  if (!hit) return [];
  return index
    .mentionsOf(hit.entity)
    .filter((m) => includeDeclaration || m.article.id !== uri || m.mention.start !== hit.mention.start)
    .map((m) => {
      const doc = workspace.document(m.article.id)!;
      return { uri: m.article.id, range: { start: doc.positionAt(m.mention.start), end: doc.positionAt(m.mention.end) } };
    });
}
