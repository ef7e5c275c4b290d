// `--format conll`: one token per line with its BIO tag (B-PER, I-ORG, B-LOC, B-MISC, B-DATE, B-TIME, B-DURATION,
// B-SET, O), a blank line after each sentence, and a `-DOCSTART- O` line before each article, as in CoNLL-2003.
// Tokens are the project's tokenizer's; a token takes the tag of the name or date it overlaps (names before dates).
import { BRAT_ENTITY_TYPES } from './exportBrat';
import { type ExportOptions, exportJson } from './exportJson';
import { tokenize } from './text';
import type { Span } from './types';
import type { WorkspaceIndex } from './workspaceIndex';

export const DOCSTART = '-DOCSTART- O';

export function exportConll(index: WorkspaceIndex, ids?: readonly string[], options: ExportOptions = {}): string {
  const doc = exportJson(index, ids, options);
  const articles = new Map(index.all().map((a) => [a.displayPath, a]));
  const lines: string[] = [];
  for (const exported of doc.articles) {
    const article = articles.get(exported.path)!;
    const spans: (Span & { label: string })[] = [
      ...exported.entities.map((m) => ({ ...m, label: BRAT_ENTITY_TYPES[m.type] })),
      ...exported.dates.map((d) => ({ ...d, label: d.type })),
    ].sort((a, b) => a.start - b.start);
    lines.push(DOCSTART, '');
    let next = 0; // tokens come in text order: spans ending before the token are done with
    for (const sentence of article.analysis.sentences) {
      let previous: Span | null = null;
      for (const token of tokenize(article.text, sentence)) {
        while (next < spans.length && spans[next].end <= token.start) next++;
        const span = spans.slice(next, next + 4).find((s) => s.start < token.end && token.start < s.end);
        const tag = !span ? 'O' : `${span === previous ? 'I' : 'B'}-${span.label}`;
        previous = span ?? null;
        lines.push(`${token.text} ${tag}`);
      }
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}
