// An analysis repeats its article's text in every span (sentences, claims, quotes). Stored on disk or sent between
// threads, those copies are dropped and put back as slices of the article's text: smaller to write, read and send,
// and the slices share the text's memory where parsed or cloned copies would each take their own.

/** Marks a span whose text was dropped: a span's text is otherwise always a string. */
const DROPPED = 0;

type Json = unknown;

const isSpanOf = (value: Record<string, Json>): boolean => typeof value.start === 'number' && typeof value.end === 'number';

/** A copy of `value` without the text of spans that slice `text` to that text. */
export function withoutSpanTexts<T>(value: T, text: string): T {
  return map(value, (record) => (isSpanOf(record) && typeof record.text === 'string' && record.text === text.slice(record.start as number, record.end as number) ? DROPPED : record.text)) as T;
}

/**
 * `value` with the texts `withoutSpanTexts` dropped put back, sliced from `text`, and its short strings shared with
 * other analyses. Changes `value` itself: it comes fresh from a parse, and copying an analysis per article read would
 * only feed the garbage collector.
 */
export function withSpanTexts<T>(value: T, text: string): T {
  restore(value, text);
  return value;
}

function restore(value: Json, text: string): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (typeof value[i] === 'string') value[i] = sharedParsed(value[i] as string);
      else restore(value[i], text);
    }
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, Json>;
  for (const key in record) {
    const item = record[key];
    if (typeof item === 'string') record[key] = sharedParsed(item);
    else if (key === 'text' && item === DROPPED && isSpanOf(record)) record.text = shared(text.slice(record.start as number, record.end as number));
    else restore(item, text);
  }
}

/**
 * V8's JSON.parse already keeps one copy of each string of up to 10 characters (it internalizes them): looking those
 * up again took most of the time `restore` spent on reopening the BBC folder.
 */
const INTERNALIZED_BY_PARSE = 10;

function sharedParsed(value: string): string {
  return value.length <= INTERNALIZED_BY_PARSE ? value : shared(value);
}

/**
 * A parse or a short slice makes a new string each time, yet types, date values and names recur in every article: over
 * the whole corpus (12,873 articles) they were 650,000 strings in the index. One copy of each short string is kept.
 */
const SHARED_LENGTH = 12;
/** Bounds the table (a few MB): dropped whole when full, as the recurring strings come back at once. */
const MAX_SHARED_STRINGS = 100_000;
const sharedStrings = new Map<string, string>();

function shared(value: string): string {
  // A longer slice is a view of its article's text (V8): shared, it would keep that text alive after the article went.
  if (value.length > SHARED_LENGTH) return value;
  const known = sharedStrings.get(value);
  if (known !== undefined) return known;
  if (sharedStrings.size >= MAX_SHARED_STRINGS) sharedStrings.clear();
  sharedStrings.set(value, value);
  return value;
}

/** A copy of `value` in which each object's `text` is what `textOf` says (absent stays absent). */
function map(value: Json, textOf: (record: Record<string, Json>) => Json): Json {
  if (Array.isArray(value)) return value.map((item) => map(item, textOf));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, Json>;
  const copy: Record<string, Json> = {};
  for (const key of Object.keys(record)) copy[key] = key === 'text' ? textOf(record) : map(record[key], textOf);
  return copy;
}
