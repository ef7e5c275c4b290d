// Inlay hints after relative dates: "Saturday" reads "Saturday = 2016-10-15" once the article's date resolves it; and
// after each claim an editor judged, its status ("✓ verified"), which otherwise leaves no trace in the editor.
import { type InlayHint, InlayHintKind, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClaimStatus } from '../decisions';
import { describeDate } from '../timex';
import type { IndexedArticle } from '../workspaceIndex';
import { STATUS_LABELS, byLine } from './annotationLabels';
import type { ClaimWithStatus } from './articleWorkspace';

const STATUS_MARKS: Record<ClaimStatus, string> = { verified: '✓', 'needs-source': '⚑', false: '✗', ignored: '⊘' };

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

export function claimStatusHints(claims: readonly ClaimWithStatus[], document: TextDocument, range: Range): InlayHint[] {
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  return claims
    .filter(({ claim, decision }) => decision && claim.end >= from && claim.end <= to)
    .map(({ claim, decision }) => ({
      position: document.positionAt(claim.end),
      label: `${STATUS_MARKS[decision!.status]} ${STATUS_LABELS[decision!.status]}`,
      paddingLeft: true,
      tooltip: `Claim ${STATUS_LABELS[decision!.status]}, an editor says ${byLine(decision!)}`,
    }));
}
