// The article's date as an editor sets it: code actions on a date or the article's first lines, and the command that
// stores the choice with the article's annotations. "Set article date..." asks for the date in the client.
import { type CodeAction, CodeActionKind, type CodeActionParams } from 'vscode-languageserver/node';
import { dayKey, describeDate } from '../timex';
import type { ArticleWorkspace } from './articleWorkspace';

/** Server command: [uri, "YYYY-MM-DD" or null to remove the editor's date]. */
export const STORE_ARTICLE_DATE_COMMAND = 'newsAnnotator.storeArticleDate';
/** Client command: [uri, suggested date]; asks for the date, then runs STORE_ARTICLE_DATE_COMMAND. */
export const SET_ARTICLE_DATE_COMMAND = 'newsAnnotator.setArticleDate';

// The headline, dateline and byline: where an editor looks for, and fixes, an article's date.
const LEAD_LINES = 3;

export function articleDateActions(workspace: ArticleWorkspace, params: CodeActionParams): CodeAction[] {
  const uri = params.textDocument.uri;
  const article = workspace.article(uri);
  const document = workspace.document(uri);
  if (!article || !document) return [];
  const from = document.offsetAt(params.range.start);
  const to = document.offsetAt(params.range.end);
  // Dates that depend on the article's date, or could be it; and the first lines when no problem is being fixed there.
  const dates = article.analysis.dates.filter((d) => d.start <= to && from <= d.end && (d.anchor === 'article-date' || dayKey(d.value)));
  const inLead = params.range.start.line < LEAD_LINES && params.context.diagnostics.length === 0;
  if (dates.length === 0 && !inLead) return [];

  const { referenceDate, referenceDateSource } = article.analysis;
  const unresolved = dates.some((d) => d.anchor === 'article-date' && d.value.includes('X'));
  const actions: CodeAction[] = [];
  const offered = new Set<string>();
  for (const date of dates) {
    const day = dayKey(date.value);
    if (!day || day.startsWith('X') || day === referenceDate || offered.has(day)) continue;
    offered.add(day);
    const title = `Use ${describeDate(day)} as the article's date`;
    actions.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: STORE_ARTICLE_DATE_COMMAND, arguments: [uri, day] } });
  }
  const title = 'Set article date...';
  const suggested = referenceDate ?? [...offered][0] ?? null;
  actions.push({ title, kind: CodeActionKind.QuickFix, isPreferred: unresolved, command: { title, command: SET_ARTICLE_DATE_COMMAND, arguments: [uri, suggested] } });
  if (referenceDateSource === 'editor') {
    const clear = 'Clear the article date set by an editor';
    actions.push({ title: clear, kind: CodeActionKind.QuickFix, command: { title: clear, command: STORE_ARTICLE_DATE_COMMAND, arguments: [uri, null] } });
  }
  return actions;
}
