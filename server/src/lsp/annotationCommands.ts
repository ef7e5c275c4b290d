// The server's side of editors' annotations: one command applies an annotation (a name typed or removed, a link, a
// claim status, a note, a deletion) to the article's annotation file; others undo, redo, and list the entities a
// mention could be linked to.
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  ANNOTATION_TYPES,
  type AnnotationType,
  CLAIM_STATUSES,
  type ClaimStatus,
  type LinkKind,
  addNote,
  annotateEntity,
  deleteAnnotation,
  linkMentions,
  removeEntity,
  setClaimStatus,
} from '../decisions';
import { nameTokens } from '../linking';
import { selectorsFor } from '../selectors';
import { overlaps, trimSpan } from '../text';
import type { DateMention, EntityMention, EntityType, Span } from '../types';
import type { IndexedArticle } from '../workspaceIndex';
import { STATUS_LABELS, TYPE_LABELS, abbreviate, describeAnnotation } from './annotationLabels';
import type { ArticleWorkspace } from './articleWorkspace';

export const ANNOTATE_COMMAND = 'newsAnnotator.annotate';
export const UNDO_COMMAND = 'newsAnnotator.undoAnnotation';
export const REDO_COMMAND = 'newsAnnotator.redoAnnotation';
export const LINK_CANDIDATES_COMMAND = 'newsAnnotator.linkCandidates';

interface At {
  uri: string;
  start: number;
  end: number;
}

/** One editor action; spans are UTF-16 offsets, and a cursor (start = end) means the name or claim under it. */
export type AnnotationRequest =
  | (At & { action: 'entity'; type: AnnotationType; value?: string })
  | (At & { action: 'remove-entity' })
  | (At & { action: 'claim-status'; status: ClaimStatus | null })
  | (At & { action: 'note'; note: string })
  | (At & { action: 'link'; kind: LinkKind; other?: At })
  | { action: 'delete'; uri: string; id: string };

/** A request that cannot apply here (nothing under the cursor, a bad argument): the message says what to do. */
export class AnnotationRequestError extends Error {}

export interface LinkCandidate {
  entityId: string;
  canonical: string;
  type: EntityType;
  aliases: string[];
  articles: string[];
  /** The entity's first mention, which a "same as" link points to. */
  mention: At;
}

const touches = (a: Span, b: Span) => (b.start === b.end ? a.start <= b.start && b.start <= a.end : overlaps(a, b));

/** The name or date under a cursor or selection: a name first, as it is what editors correct most. */
export function mentionAt(article: IndexedArticle, span: Span): { mention: EntityMention | DateMention; index: number; isDate: boolean } | null {
  const index = article.analysis.entities.findIndex((m) => touches(m, span));
  if (index >= 0) return { mention: article.analysis.entities[index], index, isDate: false };
  const date = article.analysis.dates.find((d) => touches(d, span));
  return date ? { mention: date, index: -1, isDate: true } : null;
}

export function claimAt(article: IndexedArticle, span: Span): Span | null {
  return article.analysis.claims.find((c) => touches(c, span)) ?? null;
}

/** Applies the request, saves it with an undo step, and returns what was done, for the editor's status message. */
export function applyAnnotation(workspace: ArticleWorkspace, request: AnnotationRequest): string {
  const article = workspace.article(request.uri);
  if (!article) throw new AnnotationRequestError('this document is not an article in the workspace');
  if (request.action === 'delete') {
    const annotation = article.annotations?.file.annotations.find((a) => a.id === request.id);
    if (!annotation) throw new AnnotationRequestError('that annotation is no longer in the file');
    const label = `Deleted: ${describeAnnotation(annotation)}`;
    workspace.annotate(request.uri, label, (file) => deleteAnnotation(file, request.id));
    return label;
  }
  const now = new Date();
  const at = { start: request.start, end: request.end };
  switch (request.action) {
    case 'entity': {
      if (!ANNOTATION_TYPES.includes(request.type)) throw new AnnotationRequestError(`unknown type '${request.type}'`);
      const span = selectionOrMention(article, at);
      if (/[\r\n]/.test(article.text.slice(span.start, span.end))) throw new AnnotationRequestError('a name or date is on one line; select less');
      const label = `${TYPE_LABELS[request.type]}: “${abbreviate(article.text.slice(span.start, span.end))}”`;
      workspace.annotate(request.uri, label, (file, a, author) => annotateEntity(file, a.text, span, request.type, author, now, request.value || undefined));
      return label;
    }
    case 'remove-entity': {
      const found = mentionAt(article, at);
      if (!found) throw new AnnotationRequestError('there is no name or date here to remove');
      const { mention } = found;
      // Only a name or date an editor added has nothing detected beneath it.
      const detected = !mention.editor || mention.editor.action !== 'added';
      const label = `Not an entity: “${abbreviate(mention.text)}”`;
      workspace.annotate(request.uri, label, (file, a, author) => removeEntity(file, a.text, mention, detected, author, now));
      return label;
    }
    case 'claim-status': {
      if (request.status !== null && !CLAIM_STATUSES.includes(request.status)) throw new AnnotationRequestError(`unknown claim status '${request.status}'`);
      const claim = claimAt(article, at);
      if (!claim) throw new AnnotationRequestError('there is no claim here');
      const label = request.status ? `Claim ${STATUS_LABELS[request.status]}` : 'Claim status cleared';
      workspace.annotate(request.uri, label, (file, a, author) => setClaimStatus(file, a.text, claim, request.status, author, now));
      return label;
    }
    case 'note': {
      const note = String(request.note ?? '').trim();
      if (!note) throw new AnnotationRequestError('the note is empty');
      const span = selectionOrMention(article, at, true);
      const label = `Note on “${abbreviate(article.text.slice(span.start, span.end))}”`;
      workspace.annotate(request.uri, label, (file, a, author) => addNote(file, a.text, span, note, author, now));
      return label;
    }
    case 'link':
      return link(workspace, article, at, request.kind, request.other, now);
    default:
      throw new AnnotationRequestError(`unknown action '${(request as { action: unknown }).action}'`);
  }
}

/** The trimmed selection, or with a cursor the name or date under it (or, for notes, the claim). */
function selectionOrMention(article: IndexedArticle, at: Span, orClaim = false): Span {
  if (at.start < 0 || at.end > article.text.length || at.start > at.end) throw new AnnotationRequestError('the selection is outside the article; try again');
  const trimmed = trimSpan(article.text, at);
  if (trimmed.end > trimmed.start) return trimmed;
  const found = mentionAt(article, at)?.mention ?? (orClaim ? claimAt(article, at) : null);
  if (!found) throw new AnnotationRequestError('select the words to annotate');
  return { start: found.start, end: found.end };
}

function link(workspace: ArticleWorkspace, article: IndexedArticle, at: Span, kind: LinkKind, other: At | undefined, now: Date): string {
  const found = mentionAt(article, at);
  if (!found || found.isDate) throw new AnnotationRequestError('put the cursor on a name to link it');
  const { mention } = found;
  const index = workspace.fresh();
  let target: { article: IndexedArticle; span: Span };
  if (other) {
    const otherArticle = workspace.article(other.uri);
    const otherMention = otherArticle && mentionAt(otherArticle, other);
    if (!otherArticle || !otherMention || otherMention.isDate) throw new AnnotationRequestError('the other mention is no longer a name; pick it again');
    target = { article: otherArticle, span: otherMention.mention };
  } else {
    // "Not the same" without a target: apart from the entity the rules joined it to, at its first other mention.
    const entity = index.entitiesOf(article.id)[found.index];
    const first = entity && index.mentionsOf(entity).find((m) => !(m.article.id === article.id && m.mention.text === mention.text));
    if (!first) throw new AnnotationRequestError(`“${mention.text}” is not linked to any other name`);
    target = { article: first.article, span: first.mention };
  }
  const here = URI.parse(article.id);
  const there = URI.parse(target.article.id);
  if (here.scheme !== 'file' || there.scheme !== 'file') throw new AnnotationRequestError('save both articles first: links name them by their paths');
  const relative = path.relative(path.dirname(here.fsPath), there.fsPath).split(path.sep).join('/');
  const targetText = target.article.text.slice(target.span.start, target.span.end);
  const label = `“${abbreviate(mention.text)}” ${kind === 'same-as' ? 'is' : 'is not'} the same as “${abbreviate(targetText)}”`;
  const otherTarget = { article: relative, selector: selectorsFor(target.article.text, target.span) };
  workspace.annotate(article.id, label, (file, a, author) => linkMentions(file, a.text, mention, kind, otherTarget, author, now));
  return label;
}

/** Entities the mention under the cursor could be linked to: ones sharing a word of its name first, then its type. */
export function linkCandidates(workspace: ArticleWorkspace, uri: string, start: number, end: number): { mention: string; candidates: LinkCandidate[] } {
  const article = workspace.article(uri);
  const found = article && mentionAt(article, { start, end });
  if (!article || !found || found.isDate) throw new AnnotationRequestError('put the cursor on a name to link it');
  const index = workspace.fresh();
  const current = index.entitiesOf(uri)[found.index];
  const words = new Set(nameTokens(found.mention.text));
  const shares = (names: string[]) => names.some((n) => nameTokens(n).some((t) => words.has(t)));
  const candidates = index
    .entities()
    .filter((e) => e.id !== current?.id)
    .map((e) => ({ entity: e, score: (shares([e.canonical, ...e.aliases]) ? 4 : 0) + (e.type === (found.mention as EntityMention).type ? 2 : 0) + Math.min(1, e.mentions.length / 50) }))
    .sort((a, b) => b.score - a.score || a.entity.canonical.localeCompare(b.entity.canonical))
    .slice(0, 300)
    .map(({ entity }): LinkCandidate => {
      const first = index.mentionsOf(entity)[0];
      return {
        entityId: entity.id,
        canonical: entity.canonical,
        type: entity.type,
        aliases: entity.aliases,
        articles: entity.articles.map((id) => index.get(id)?.displayPath ?? id),
        mention: { uri: first.article.id, start: first.mention.start, end: first.mention.end },
      };
    });
  return { mention: found.mention.text, candidates };
}

/** Undo or redo; returns what was undone or redone, or null when there is nothing. */
export function stepHistory(workspace: ArticleWorkspace, direction: 'undo' | 'redo'): string | null {
  const step = direction === 'undo' ? workspace.undo() : workspace.redo();
  return step && `${direction === 'undo' ? 'Undone' : 'Redone'}: ${step.label}`;
}
