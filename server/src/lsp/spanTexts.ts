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
 * `value` with the texts `withoutSpanTexts` dropped put back, sliced from `text`. Changes `value` itself: it comes
 * fresh from a parse or a message, and copying an analysis per article read would only feed the garbage collector.
 */
export function withSpanTexts<T>(value: T, text: string): T {
  restore(value, text);
  return value;
}

function restore(value: Json, text: string): void {
  if (Array.isArray(value)) {
    for (const item of value) restore(item, text);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, Json>;
  for (const key in record) {
    if (key !== 'text') restore(record[key], text);
    else if (record.text === DROPPED && isSpanOf(record)) record.text = text.slice(record.start as number, record.end as number);
  }
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
