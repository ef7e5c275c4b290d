// Inlay hints after relative dates: "Saturday" reads "Saturday = 2016-10-15" once the article's date resolves it.
import { type InlayHint, InlayHintKind, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeDate } from '../timex';
import type { IndexedArticle } from '../workspaceIndex';

export function dateInlayHints(article: IndexedArticle, document: TextDocument, range: Range): InlayHint[] {
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  return article.analysis.dates
    .filter((d) => d.anchor !== 'text' && d.end >= from && d.end <= to && !/X|_REF/.test(d.value))
    .map((d) => ({
      position: document.positionAt(d.end),
      label: `= ${d.value}`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: describeDate(d.value),
    }));
}
