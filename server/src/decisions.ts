// Editors' annotations of one article (entities added, retyped or removed, links between mentions, claim statuses,
// notes, the article's date), stored beside it and anchored with W3C Web Annotation selectors so they find their text
// again after the article is edited. This is version 2 of the file format; a version 1 file (claim decisions only) is
// migrated when read and written as version 2 on the next change.
import { createHash, randomUUID } from 'node:crypto';
import { type Selectors, anchor, isSelectors, selectorsFor } from './selectors';
import { overlaps } from './text';
import { isCalendarDate } from './timex';
import type { EntityType, Span } from './types';

export type ClaimStatus = 'verified' | 'needs-source' | 'false' | 'ignored';
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['verified', 'needs-source', 'false', 'ignored'];

/** What an editor can annotate a span as: a kind of name, or a date. */
export type AnnotationType = EntityType | 'DATE';
export const ANNOTATION_TYPES: readonly AnnotationType[] = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC', 'DATE'];

export const FORMAT_VERSION = 2;

interface AnnotationBase {
  /** A UUID, kept through edits, exports and imports. */
  id: string;
  author: string;
  /** ISO 8601 time of the annotation. */
  created: string;
  selector: Selectors;
}

/** The span is a name of this type (added, retyped or confirmed), or a date with an optional TIMEX3 value. */
export interface EntityAnnotation extends AnnotationBase {
  kind: 'entity';
  entityType: AnnotationType;
  value?: string;
}

/** No name or date here, whatever the tagger says. */
export interface NotEntityAnnotation extends AnnotationBase {
  kind: 'not-entity';
}

export interface ClaimDecision extends AnnotationBase {
  kind: 'claim-status';
  status: ClaimStatus;
}

export interface NoteAnnotation extends AnnotationBase {
  kind: 'note';
  note: string;
}

/** This mention is (or is not) the same entity as the mention `other` names, in this article or another. */
export interface LinkAnnotation extends AnnotationBase {
  kind: 'same-as' | 'not-same';
  other: MentionTarget;
}

export interface MentionTarget {
  /** The other article's path relative to this article's folder, with `/` separators (`b.txt`, `../wire/c.txt`). */
  article: string;
  selector: Selectors;
}

export type Annotation = EntityAnnotation | NotEntityAnnotation | ClaimDecision | NoteAnnotation | LinkAnnotation;
export type AnnotationKind = Annotation['kind'];
export type LinkKind = LinkAnnotation['kind'];

export interface DecisionFile {
  version: typeof FORMAT_VERSION;
  article: string;
  /** The article's date as an editor set it: it resolves "Friday" and "last month" when the text states none. */
  articleDate?: ArticleDateDecision;
  annotations: Annotation[];
}

export interface ArticleDateDecision {
  /** YYYY-MM-DD. */
  date: string;
  author: string;
  created: string;
}

export type ParseResult = { ok: true; file: DecisionFile } | { ok: false; reason: string };

export function emptyDecisionFile(article: string): DecisionFile {
  return { version: FORMAT_VERSION, article, annotations: [] };
}

export function parseDecisionFile(content: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  const file = data as { version?: unknown; article?: unknown; annotations?: unknown; articleDate?: unknown; [field: string]: unknown };
  if (typeof file !== 'object' || file === null || Array.isArray(file) || typeof file.version !== 'number' || !Array.isArray(file.annotations)) {
    return { ok: false, reason: `not a News Annotator annotation file (expected {"version": ${FORMAT_VERSION}, "annotations": [...]})` };
  }
  if (file.version > FORMAT_VERSION || file.version < 1 || !Number.isInteger(file.version)) {
    return { ok: false, reason: `format version ${file.version}, which this News Annotator cannot read (it reads 1 to ${FORMAT_VERSION}); update the extension` };
  }
  const annotations: Annotation[] = [];
  for (const [i, raw] of file.annotations.entries()) {
    const problem = file.version === 1 ? checkVersion1(raw) : checkAnnotation(raw);
    if (problem) return { ok: false, reason: `annotation ${i + 1} is malformed: ${problem}` };
    annotations.push(file.version === 1 ? migrateVersion1(raw as Omit<ClaimDecision, 'id'>) : (raw as Annotation));
  }
  if (file.articleDate !== undefined && !isArticleDate(file.articleDate)) return { ok: false, reason: 'articleDate is malformed (expected {"date": "YYYY-MM-DD", ...})' };
  // Fields a newer version added are kept, and written back on the next change.
  const { version: _version, article, annotations: _annotations, articleDate, ...extra } = file;
  const parsed: DecisionFile = { ...extra, version: FORMAT_VERSION, article: String(article ?? ''), annotations };
  if (articleDate) parsed.articleDate = articleDate as ArticleDateDecision;
  return { ok: true, file: parsed };
}

/** Version 1 held claim decisions without ids; an id derived from the content keeps migrated ids stable across reads. */
function migrateVersion1(decision: Omit<ClaimDecision, 'id'>): ClaimDecision {
  const id = uuidFrom(JSON.stringify(decision));
  return { id, kind: 'claim-status', status: decision.status, author: decision.author, created: decision.created, selector: decision.selector };
}

/** A UUID (version 5 layout) derived from `text`: the same text always gives the same id. */
export function uuidFrom(text: string): string {
  const hash = createHash('sha256').update(text).digest('hex');
  return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-5${hash.slice(13, 16)}-8${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
}

const TYPE_NAMES: Record<string, AnnotationType> = {
  PERSON: 'PERSON', PER: 'PERSON',
  ORGANIZATION: 'ORGANIZATION', ORGANISATION: 'ORGANIZATION', ORG: 'ORGANIZATION',
  LOCATION: 'LOCATION', LOC: 'LOCATION', GPE: 'LOCATION', PLACE: 'LOCATION',
  MISC: 'MISC', OTHER: 'MISC',
  DATE: 'DATE', TIME: 'DATE', DURATION: 'DATE', SET: 'DATE', TIMEX3: 'DATE',
};

/** The type a label from another tool names (CoNLL's PER, brat's Organization, OntoNotes' GPE), or null. */
export function annotationTypeOf(label: string): AnnotationType | null {
  return TYPE_NAMES[label.trim().toUpperCase()] ?? null;
}

function checkVersion1(raw: unknown): string | null {
  const a = raw as Partial<ClaimDecision>;
  if (typeof a !== 'object' || a === null || a.kind !== 'claim-status') return 'expected "kind": "claim-status"';
  return checkCommon(a, false) ?? (CLAIM_STATUSES.includes(a.status!) ? null : `unknown status ${JSON.stringify(a.status)}`);
}

/** Why an annotation is malformed, or null when it is well formed. */
function checkAnnotation(raw: unknown): string | null {
  const a = raw as Partial<AnnotationBase> & { kind?: unknown; entityType?: AnnotationType; value?: unknown; status?: ClaimStatus; note?: unknown; other?: Partial<MentionTarget> | null };
  if (typeof a !== 'object' || a === null) return 'not an object';
  const common = checkCommon(a, true);
  if (common) return common;
  switch (a.kind) {
    case 'entity':
      if (!ANNOTATION_TYPES.includes(a.entityType!)) return `unknown entityType ${JSON.stringify(a.entityType)}`;
      return a.value === undefined || (typeof a.value === 'string' && a.value !== '') ? null : 'value must be a TIMEX3 value';
    case 'not-entity':
      return null;
    case 'claim-status':
      return CLAIM_STATUSES.includes(a.status!) ? null : `unknown status ${JSON.stringify(a.status)}`;
    case 'note':
      return typeof a.note === 'string' ? null : 'note must be text';
    case 'same-as':
    case 'not-same':
      return typeof a.other === 'object' && a.other !== null && typeof a.other.article === 'string' && a.other.article !== '' && isSelectors(a.other.selector)
        ? null
        : 'other must name an article and its selectors';
    default:
      return `unknown kind ${JSON.stringify(a.kind)}`;
  }
}

function checkCommon(a: Partial<AnnotationBase>, needsId: boolean): string | null {
  if (needsId && (typeof a.id !== 'string' || a.id === '')) return 'no id';
  if (typeof a.author !== 'string' || typeof a.created !== 'string') return 'author and created must be text';
  return isSelectors(a.selector) ? null : 'selector must be a TextQuoteSelector and a TextPositionSelector';
}

function isArticleDate(a: unknown): a is ArticleDateDecision {
  const d = a as ArticleDateDecision;
  return typeof d === 'object' && d !== null && isCalendarDate(d.date) && typeof d.author === 'string' && typeof d.created === 'string';
}

const KEY_ORDER = ['id', 'kind', 'entityType', 'value', 'status', 'note', 'other', 'author', 'created', 'selector'];

/**
 * Stable, diff-friendly text: two-space JSON, annotations in document order, keys in one order. Fields this version
 * does not know are kept, after the known ones, so a newer tool's additions survive an edit here.
 */
export function serializeDecisionFile(file: DecisionFile): string {
  const annotations = [...file.annotations]
    .sort((a, b) => a.selector[1].start - b.selector[1].start || a.selector[1].end - b.selector[1].end || a.created.localeCompare(b.created) || a.id.localeCompare(b.id))
    .map((a) => {
      const record = a as unknown as Record<string, unknown>;
      const ordered: Record<string, unknown> = {};
      for (const key of KEY_ORDER) if (record[key] !== undefined) ordered[key] = record[key];
      for (const key of Object.keys(record)) if (!(key in ordered)) ordered[key] = record[key];
      return ordered;
    });
  const { version: _version, article, articleDate, annotations: _annotations, ...rest } = file;
  return `${JSON.stringify({ version: FORMAT_VERSION, article, ...(articleDate ? { articleDate } : {}), ...rest, annotations }, null, 2)}\n`;
}

/** Records the article's date as an editor gives it, or removes it (`date` null). */
export function setArticleDate(file: DecisionFile, date: string | null, author: string, now: Date): DecisionFile {
  const { articleDate: _previous, ...rest } = file;
  return date === null ? rest : { ...rest, articleDate: { date, author, created: now.toISOString() } };
}

const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end;

function base(text: string, span: Span, author: string, now: Date): AnnotationBase {
  return { id: randomUUID(), author, created: now.toISOString(), selector: selectorsFor(text, span) };
}

/** Annotations of `file` except those of the given kinds whose text is now where `matches` says. */
function without(file: DecisionFile, text: string, kinds: readonly AnnotationKind[], matches: (at: Span, a: Annotation) => boolean): Annotation[] {
  return file.annotations.filter((a) => {
    if (!kinds.includes(a.kind)) return true;
    const at = anchor(text, a.selector);
    return !(at && matches(at, a));
  });
}

/**
 * The span is a name of `type` (or a date, with an optional TIMEX3 value). It replaces the editor's earlier entity
 * annotations that overlap it and a removal of exactly this span; a removal of a longer span stays.
 */
export function annotateEntity(file: DecisionFile, text: string, span: Span, type: AnnotationType, author: string, now: Date, value?: string): DecisionFile {
  const kept = without(file, text, ['entity', 'not-entity'], (at, a) => (a.kind === 'entity' ? overlaps(at, span) : same(at, span)));
  const annotation: EntityAnnotation = { ...base(text, span, author, now), kind: 'entity', entityType: type, ...(type === 'DATE' && value ? { value } : {}) };
  return { ...file, annotations: [...kept, annotation] };
}

/**
 * No name or date at `span`: the editor's own entity annotations there go, and when the tagger or the date rules found
 * something there (`detected`), a removal records that it is wrong.
 */
export function removeEntity(file: DecisionFile, text: string, span: Span, detected: boolean, author: string, now: Date): DecisionFile {
  const kept = without(file, text, ['entity', 'not-entity'], (at, a) => (a.kind === 'entity' ? overlaps(at, span) : same(at, span)));
  return detected ? { ...file, annotations: [...kept, { ...base(text, span, author, now), kind: 'not-entity' }] } : { ...file, annotations: kept };
}

/**
 * Records a status for the claim at `span`, replacing earlier ones on any of its text (the claim may have been split
 * or joined since); null clears it.
 */
export function setClaimStatus(file: DecisionFile, text: string, span: Span, status: ClaimStatus | null, author: string, now: Date): DecisionFile {
  const kept = without(file, text, ['claim-status'], (at) => overlaps(at, span));
  if (status === null) return { ...file, annotations: kept };
  const decision: ClaimDecision = { ...base(text, span, author, now), kind: 'claim-status', status };
  return { ...file, annotations: [...kept, decision] };
}

export function addNote(file: DecisionFile, text: string, span: Span, note: string, author: string, now: Date): DecisionFile {
  return { ...file, annotations: [...file.annotations, { ...base(text, span, author, now), kind: 'note', note }] };
}

/**
 * This mention is (or is not) the same entity as `other`. It replaces an earlier link from this mention to the same
 * mention, and for "same as" any earlier "same as" from this mention: a mention is one entity.
 */
export function linkMentions(file: DecisionFile, text: string, span: Span, kind: LinkKind, other: MentionTarget, author: string, now: Date): DecisionFile {
  const sameOther = (a: Annotation) =>
    a.kind !== 'same-as' && a.kind !== 'not-same' ? false : a.other.article === other.article && a.other.selector[1].start === other.selector[1].start && a.other.selector[0].exact === other.selector[0].exact;
  const kept = without(file, text, ['same-as', 'not-same'], (at, a) => same(at, span) && (sameOther(a) || (kind === 'same-as' && a.kind === 'same-as')));
  return { ...file, annotations: [...kept, { ...base(text, span, author, now), kind, other }] };
}

export function deleteAnnotation(file: DecisionFile, id: string): DecisionFile {
  return { ...file, annotations: file.annotations.filter((a) => a.id !== id) };
}

/** Adds imported annotations; one with the id of an annotation already here replaces it, so importing twice changes nothing. */
export function mergeAnnotations(file: DecisionFile, incoming: readonly Annotation[]): DecisionFile {
  const ids = new Set(incoming.map((a) => a.id));
  return { ...file, annotations: [...file.annotations.filter((a) => !ids.has(a.id)), ...incoming] };
}
