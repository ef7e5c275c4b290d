// Import of W3C Web Annotations (a collection, a page, a list or one annotation) into articles' annotation files.
// Annotations made by software (News Annotator's own names, dates and claims) are not imported: the analysis makes
// them again. People's annotations are: names and dates (classifying or tagging with a type), claim statuses
// (assessing), notes (commenting), removals (editing "not-entity"), links (linking) and the article's date. An
// annotation that comes back keeps its id, so importing twice changes nothing.
import * as path from 'node:path';
import {
  type Annotation,
  type ArticleDateDecision,
  CLAIM_STATUSES,
  type ClaimStatus,
  type DecisionFile,
  annotationTypeOf,
  mergeAnnotations,
  uuidFrom,
} from './decisions';
import { ARTICLE_DATE_TAG, NOT_ENTITY } from './exportW3c';
import { type Selectors, type TextPositionSelector, type TextQuoteSelector, anchor, selectorsFor } from './selectors';
import { isCalendarDate } from './timex';

/** An article annotations can be imported into: its path as exports name it, its text and its annotation file. */
export interface ImportTarget {
  path: string;
  text: string;
  file: DecisionFile;
}

export interface ImportResult {
  /** The new annotation file of each article that received annotations, by path. */
  files: Map<string, DecisionFile>;
  imported: number;
  /** Annotations not imported, and why (one line each). */
  skipped: string[];
}

/** Input that cannot be imported at all; nothing is written. */
export class ImportError extends Error {}

type Json = Record<string, unknown>;

const asArray = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const typesOf = (value: unknown) => asArray((value as Json | null)?.type).map(String);
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function importW3c(data: unknown, targets: readonly ImportTarget[], fallbackAuthor: string, now: Date): ImportResult {
  const items = annotationsIn(data);
  const byPath = new Map(targets.map((t) => [t.path, t]));
  const found = (source: string) => byPath.get(source) ?? uniqueSuffixMatch(targets, source);
  const unknownSources = new Set<string>();
  const incoming = new Map<ImportTarget, { annotations: Annotation[]; articleDate?: ArticleDateDecision }>();
  const skipped: string[] = [];
  let imported = 0;
  for (const [i, item] of items.entries()) {
    const what = `annotation ${i + 1}${isObject(item) && item.id ? ` (${String(item.id)})` : ''}`;
    if (!isObject(item)) {
      skipped.push(`${what}: not an annotation`);
      continue;
    }
    const creator = asArray(item.creator)[0];
    if (typesOf(creator).includes('Software')) continue; // made by a program: the analysis makes it again
    const target = asArray(item.target)[0];
    const source = isObject(target) ? sourceOf(target.source) : typeof target === 'string' ? target : null;
    if (!source) {
      skipped.push(`${what}: no target article`);
      continue;
    }
    const article = found(source);
    if (!article) {
      unknownSources.add(source);
      continue;
    }
    const author = creatorName(creator) ?? fallbackAuthor;
    const created = typeof item.created === 'string' ? item.created : now.toISOString();
    const converted = convert(item, isObject(target) ? target : {}, article, targets, author, created);
    if (typeof converted === 'string') {
      skipped.push(`${what}: ${converted}`);
      continue;
    }
    const entry = incoming.get(article) ?? { annotations: [] };
    incoming.set(article, entry);
    if ('date' in converted) entry.articleDate = converted;
    else entry.annotations.push({ ...converted, id: idOf(item) } as Annotation);
    imported++;
  }
  if (unknownSources.size) {
    const names = [...unknownSources];
    throw new ImportError(`annotations target articles that were not given: ${names.slice(0, 5).join(', ')}${names.length > 5 ? `, and ${names.length - 5} more` : ''}`);
  }
  const files = new Map<string, DecisionFile>();
  for (const [article, { annotations, articleDate }] of incoming) {
    const merged = mergeAnnotations(article.file, annotations);
    files.set(article.path, articleDate ? { ...merged, articleDate } : merged);
  }
  return { files, imported, skipped };
}

function annotationsIn(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  const types = typesOf(data);
  if (types.includes('Annotation')) return [data];
  if (types.includes('AnnotationPage')) return pages(data);
  if (types.includes('AnnotationCollection')) {
    const first = (data as Json).first;
    if (typeof first === 'string') throw new ImportError('the collection refers to its pages by address; give a file that holds its annotations');
    return first === undefined ? [] : pages(first);
  }
  throw new ImportError('not a W3C Web Annotation file (expected an AnnotationCollection, an AnnotationPage or Annotations)');
}

/** The items of a page and of the pages embedded after it. */
function pages(first: unknown): unknown[] {
  const items: unknown[] = [];
  for (let page = first; isObject(page); page = page.next) items.push(...asArray(page.items));
  return items;
}

function sourceOf(source: unknown): string | null {
  if (typeof source === 'string') return source;
  return isObject(source) && typeof source.id === 'string' ? source.id : null;
}

/**
 * An article named by a longer or shorter path than ours (file:///desk/a.txt or a.txt for desk/a.txt, an export made
 * in another folder), when only one article fits.
 */
function uniqueSuffixMatch(targets: readonly ImportTarget[], source: string): ImportTarget | undefined {
  const matches = targets.filter((t) => source.endsWith(`/${t.path}`) || t.path.endsWith(`/${source}`));
  return matches.length === 1 ? matches[0] : undefined;
}

function creatorName(creator: unknown): string | null {
  if (typeof creator === 'string') return creator;
  if (!isObject(creator)) return null;
  const name = creator.name ?? creator.nickname ?? creator.id;
  return typeof name === 'string' ? name : null;
}

/** The annotation's own id when it is a UUID (ours), else one derived from its id or content, stable across imports. */
function idOf(item: Json): string {
  const id = typeof item.id === 'string' ? item.id : null;
  const uuid = id && /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(id);
  return uuid ? uuid[1].toLowerCase() : uuidFrom(id ?? JSON.stringify(item));
}

/** Quote and position, the missing one worked out from the article text. */
function selectorsOf(selector: unknown, text: string | null): Selectors | null {
  const all = asArray(selector).filter(isObject);
  const quote = all.find((s) => typesOf(s).includes('TextQuoteSelector')) as Partial<TextQuoteSelector> | undefined;
  const position = all.find((s) => typesOf(s).includes('TextPositionSelector')) as Partial<TextPositionSelector> | undefined;
  const hasPosition = position && Number.isInteger(position.start) && Number.isInteger(position.end) && position.start! >= 0 && position.end! >= position.start!;
  const hasQuote = quote && typeof quote.exact === 'string' && quote.exact !== '';
  if (hasQuote && hasPosition) {
    return [
      { type: 'TextQuoteSelector', exact: quote.exact!, prefix: String(quote.prefix ?? ''), suffix: String(quote.suffix ?? '') },
      { type: 'TextPositionSelector', start: position.start!, end: position.end! },
    ];
  }
  if (text === null) return null;
  if (hasPosition && position.end! <= text.length && position.end! > position.start!) return selectorsFor(text, { start: position.start!, end: position.end! });
  if (!hasQuote) return null;
  const given: Selectors = [
    { type: 'TextQuoteSelector', exact: quote.exact!, prefix: String(quote.prefix ?? ''), suffix: String(quote.suffix ?? '') },
    { type: 'TextPositionSelector', start: 0, end: 0 },
  ];
  const at = anchor(text, given);
  return at ? selectorsFor(text, at) : [given[0], { type: 'TextPositionSelector', start: 0, end: quote.exact!.length }];
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Converted = WithoutId<Annotation> | ArticleDateDecision;

/** Our annotation for a W3C one, or why it cannot be imported. */
function convert(item: Json, target: Json, article: ImportTarget, targets: readonly ImportTarget[], author: string, created: string): Converted | string {
  const bodies = asArray(item.body).map((b) => (typeof b === 'string' ? { type: 'SpecificResource', source: b } : b)).filter(isObject);
  const motivations = [...asArray(item.motivation), ...bodies.map((b) => b.purpose)].filter((m): m is string => typeof m === 'string');
  const valueFor = (purpose: string) => bodies.find((b) => b.purpose === purpose && typeof b.value === 'string')?.value as string | undefined;
  const tags = bodies.filter((b) => b.purpose === 'tagging').map((b) => String(b.value));

  if (tags.includes(ARTICLE_DATE_TAG)) {
    const date = valueFor('describing');
    return isCalendarDate(date) ? { date, author, created } : 'the article date is not a date YYYY-MM-DD';
  }
  const selector = selectorsOf(target.selector, article.text);
  if (!selector) return 'its target has no TextQuoteSelector or TextPositionSelector';
  const base = { author, created, selector };

  const linked = bodies.find((b) => typesOf(b).includes('SpecificResource') && b.source !== undefined);
  if (linked && motivations.includes('linking')) {
    const otherSource = sourceOf(linked.source);
    const other = otherSource ? (targets.find((t) => t.path === otherSource) ?? uniqueSuffixMatch(targets, otherSource)) : undefined;
    const otherSelector = selectorsOf(linked.selector, other?.text ?? null);
    if (!otherSource || !otherSelector) return 'the linked mention has no selectors';
    const relative = path.posix.relative(path.posix.dirname(article.path), other?.path ?? otherSource) || path.posix.basename(article.path);
    return { ...base, kind: tags.includes('not-same') ? 'not-same' : 'same-as', other: { article: relative, selector: otherSelector } };
  }
  if (motivations.includes('commenting')) {
    const note = valueFor('commenting') ?? bodies.find((b) => typeof b.value === 'string')?.value;
    return typeof note === 'string' ? { ...base, kind: 'note', note } : 'the comment has no text';
  }
  if (motivations.includes('assessing')) {
    const status = valueFor('assessing') as ClaimStatus | undefined;
    return status && CLAIM_STATUSES.includes(status) ? { ...base, kind: 'claim-status', status } : `unknown claim status ${JSON.stringify(status)}`;
  }
  if (motivations.includes('editing') && valueFor('editing') === NOT_ENTITY) return { ...base, kind: 'not-entity' };
  const label = valueFor('classifying') ?? tags.find((t) => annotationTypeOf(t));
  const type = label ? annotationTypeOf(label) : null;
  if (!type) return `nothing here this tool understands (motivation ${motivations.join(', ') || 'none'})`;
  const value = type === 'DATE' ? valueFor('describing') : undefined;
  return { ...base, kind: 'entity', entityType: type, ...(value ? { value } : {}) };
}
