// Code actions for annotating: on a name or date (retype, confirm, remove, link), on a selection (annotate as a type,
// add a note) and on a claim (its status). Offered when asked (Ctrl+.), and with the light bulb only for a selection,
// so moving the cursor through an article stays quiet.
import { type CodeAction, type CodeActionParams, CodeActionTriggerKind, type Command } from 'vscode-languageserver/node';
import { ANNOTATION_TYPES, type AnnotationType, CLAIM_STATUSES } from '../decisions';
import { claimDecisionFor } from '../articleAnnotations';
import { trimSpan } from '../text';
import type { Span } from '../types';
import { ANNOTATE_COMMAND, type AnnotationRequest, claimAt, mentionAt } from './annotationCommands';
import { TYPE_LABELS, abbreviate } from './annotationLabels';
import type { ArticleWorkspace } from './articleWorkspace';
import { CLAIM_STATUS_TITLES } from './codeActions';
import { CLAIM_CODES } from './diagnostics';

export const ANNOTATE_KIND = 'refactor.annotate';
/** Client commands that ask the editor something first: [uri, start, end]. */
export const SAME_ENTITY_AS_COMMAND = 'newsAnnotator.sameEntityAs';
export const ADD_NOTE_COMMAND = 'newsAnnotator.addNote';
export const SET_DATE_VALUE_COMMAND = 'newsAnnotator.setDateValue';
/** Longer selections are sentences, not names or dates: only notes are offered for them. */
const MAX_NAME_LENGTH = 100;

export function annotationActions(workspace: ArticleWorkspace, params: CodeActionParams): CodeAction[] {
  const uri = params.textDocument.uri;
  const article = workspace.article(uri);
  const document = workspace.document(uri);
  if (!article || !document) return [];
  if (params.context.only && !params.context.only.some((kind) => ANNOTATE_KIND.startsWith(kind))) return [];
  const range: Span = { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) };
  const selection = trimSpan(article.text, range);
  const hasSelection = selection.end > selection.start;
  if (params.context.triggerKind === CodeActionTriggerKind.Automatic && !hasSelection) return [];

  const actions: CodeAction[] = [];
  const request = (title: string, body: AnnotationRequest): CodeAction => ({ title, kind: ANNOTATE_KIND, command: { title, command: ANNOTATE_COMMAND, arguments: [body] } });
  const ask = (title: string, command: string, span: Span, ...extra: unknown[]): CodeAction => ({
    title,
    kind: ANNOTATE_KIND,
    command: { title, command, arguments: [uri, span.start, span.end, ...extra] } satisfies Command,
  });

  const found = mentionAt(article, hasSelection ? selection : range);
  const onMention = found && (!hasSelection || (selection.start === found.mention.start && selection.end === found.mention.end));
  if (found && onMention) {
    const { mention, isDate } = found;
    const quoted = `“${abbreviate(mention.text, 40)}”`;
    const current: AnnotationType = isDate ? 'DATE' : (mention as { type: AnnotationType }).type;
    if (!mention.editor) actions.push(request(`Confirm ${quoted} as ${TYPE_LABELS[current]}`, { action: 'entity', uri, ...span(mention), type: current }));
    for (const type of ANNOTATION_TYPES) {
      if (type !== current) actions.push(request(`Retype ${quoted} as ${TYPE_LABELS[type]}`, { action: 'entity', uri, ...span(mention), type }));
    }
    actions.push(request(`${quoted} is not a name or date`, { action: 'remove-entity', uri, ...span(mention) }));
    if (isDate) {
      actions.push(ask(`Set the value of ${quoted}...`, SET_DATE_VALUE_COMMAND, mention, (mention as { value: string }).value));
    } else {
      actions.push(ask(`${quoted} is the same entity as...`, SAME_ENTITY_AS_COMMAND, mention));
      const index = workspace.fresh();
      const entity = index.entitiesOf(uri)[found.index];
      const joined = entity && index.mentionsOf(entity).some((m) => !(m.article.id === uri && m.mention.text === mention.text));
      if (joined) actions.push(request(`${quoted} is not the same as ${entity.canonical}`, { action: 'link', uri, ...span(mention), kind: 'not-same' }));
    }
  } else if (hasSelection && selection.end - selection.start <= MAX_NAME_LENGTH && !/[\r\n]/.test(article.text.slice(selection.start, selection.end))) {
    const quoted = `“${abbreviate(article.text.slice(selection.start, selection.end), 40)}”`;
    for (const type of ANNOTATION_TYPES) actions.push(request(`Annotate ${quoted} as ${TYPE_LABELS[type]}`, { action: 'entity', uri, ...selection, type }));
  }

  // Claim statuses, unless a claim problem here already offers them as quick fixes.
  const claim = claimAt(article, hasSelection ? selection : range);
  const fixing = params.context.diagnostics.some((d) => CLAIM_CODES.includes(String(d.code)));
  if (claim && !fixing) {
    const status = claimDecisionFor(article.annotations, claim)?.status ?? null;
    for (const next of CLAIM_STATUSES) {
      if (next !== status) actions.push(request(CLAIM_STATUS_TITLES[next], { action: 'claim-status', uri, ...span(claim), status: next }));
    }
    if (status) actions.push(request(CLAIM_STATUS_TITLES.clear, { action: 'claim-status', uri, ...span(claim), status: null }));
  }

  const noteSpan = hasSelection ? selection : (found?.mention ?? claim);
  if (noteSpan) actions.push(ask(`Add a note on “${abbreviate(article.text.slice(noteSpan.start, noteSpan.end), 40)}”...`, ADD_NOTE_COMMAND, noteSpan));
  return actions;
}

const span = ({ start, end }: Span): Span => ({ start, end });
