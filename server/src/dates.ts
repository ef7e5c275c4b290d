// Stage: dates. Finds date and time expressions with chrono-node and normalizes them to TimeML TIMEX3 values.
import * as chrono from 'chrono-node';
import type { DateMention, Sentence, Span, TimexType } from './types';

type Found = Omit<DateMention, 'text'>;

// Two far-apart stand-in references (different year, month, day, weekday, hour and minute). A component with the
// same value under both comes from the text (or is a fixed default such as minute 0); one that changes came from the
// reference.
const STAND_IN_A = new Date(2001, 1, 3, 10, 17);
const STAND_IN_B = new Date(2012, 10, 21, 14, 42);

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const PART_OF_DAY: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };
const PART_OF_DAY_NAMES: Record<string, string> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night' };

// Words after which a bare month name is a date ("in March") rather than a name or verb ("with May", "March on").
const MONTH_CONTEXT =
  /\b(?:in|since|until|till|by|from|through|throughout|during|before|after|early|late|mid|of|last|next|this|past|coming)[\s-]+$/i;
const RELATIVE_WEEK = /\b(?:last|this|next|previous|past|coming)\s+week\b/i;
const LEADING_PREPOSITION = /^(?:on|at|in)\s+/i;

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const NUMBER_WORD = Object.keys(NUMBER_WORDS).join('|');
// TIMEX3 duration units: P2M is two months, PT2M two minutes.
const DATE_UNITS: Record<string, string> = { Y: 'year', M: 'month', W: 'week', D: 'day', DE: 'decade' };
const TIME_UNITS: Record<string, string> = { H: 'hour', M: 'minute' };
// "two months", "five-year", "72-hour", "5-year-old", "a few weeks"; not "two days ago", which chrono makes a date.
const DURATION = new RegExp(
  `\\b(\\d+|(?:${NUMBER_WORD})(?:-(?:${NUMBER_WORD}))?|(?:a\\s+)?few|several)` +
    `(?:\\s+|-)(minute|hour|day|week|month|year|decade)s?(?:[-\\s]old)?\\b(?!\\s+(?:ago|earlier|later|from\\s+now)\\b)`,
  'gi',
);
const SET_UNITS: Record<string, string> = { hour: 'PT1H', day: 'P1D', week: 'P1W', month: 'P1M', year: 'P1Y' };
const SET = new RegExp(
  `\\b(?:(?:every|each)\\s+(hour|day|week|month|year|${WEEKDAYS.join('|')})|(hour|dai|week|month|year)ly|annually)\\b`,
  'gi',
);
const VAGUE = /\b(?:(?:the\s+)?coming|recent)\s+(?:days|weeks|months|years)\b/gi;
// A year or decade that chrono skips: only after a word that makes a number a time ("completed in 1962", "the 1990s").
const BARE_YEAR = /\b(?:in|since|by|until|from|before|after|during|early|late|mid-?|the)\s*((?:1[6-9]|20)\d(?:\d|0s))\b(?![.,]?\d|\s*%)/dgi;

/** The publication date (YYYY-MM-DD) stated in the article's first lines, or null when none states a full date. */
export function findReferenceDate(text: string, sentences: Sentence[]): string | null {
  const FIRST_PARAGRAPHS = 5;
  const candidates: { date: string; inDateline: boolean }[] = [];
  for (const sentence of sentences.filter((s) => s.paragraph < FIRST_PARAGRAPHS)) {
    for (const { result, fixed } of readSentence(sentence.text, null)) {
      const c = result.start;
      if (!(['year', 'month', 'day'] as const).every((part) => c.isCertain(part) && fixed(part))) continue;
      let lineStart = sentence.start;
      while (lineStart > 0 && !/[\r\n]/.test(text[lineStart - 1])) lineStart--;
      const before = text.slice(lineStart, sentence.start + result.index);
      const date = isoDay(c.get('year')!, c.get('month')!, c.get('day')!);
      candidates.push({ date, inDateline: isDatelinePrefix(before) });
    }
  }
  return (candidates.find((c) => c.inDateline) ?? candidates[0])?.date ?? null;
}

/** Date, time, duration and set expressions of the text, in text order, with values resolved against referenceDate. */
export function extractDates(text: string, sentences: Sentence[], referenceDate: string | null): DateMention[] {
  const reference = referenceDate ? parseReferenceDate(referenceDate) : null;
  const found: Found[] = [];
  for (const sentence of sentences) {
    const patterns = findPatterns(sentence.text).map((m) => shift(m, sentence.start));
    const chronoFound = findWithChrono(sentence.text, reference).map((m) => shift(m, sentence.start));
    // The patterns are more specific: "within two months" is a duration, not the date two months ahead.
    found.push(...patterns, ...chronoFound.filter((m) => !patterns.some((p) => overlaps(p, m))));
    const years = findBareYears(sentence.text).map((m) => shift(m, sentence.start));
    found.push(...years.filter((y) => !found.some((m) => overlaps(m, y))));
  }
  return found
    .filter((m) => m.end > m.start && !/[\p{L}\p{N}]/u.test((text[m.start - 1] ?? '') + (text[m.end] ?? '')))
    .sort((a, b) => a.start - b.start)
    .map((m) => ({ ...m, text: text.slice(m.start, m.end) }));
}

/** Human wording of a TIMEX3 value for hovers, e.g. "Saturday, 15 October 2016"; unknown forms come back as is. */
export function describeDate(value: string): string {
  const [day, time] = value.split('T');
  const timeWords = time ? `, ${PART_OF_DAY_NAMES[time] ?? time}` : '';
  let m = /^(\d{4}|XXXX)-(\d{2})-(\d{2})$/.exec(day);
  if (m) {
    const [year, month, date] = [m[1], MONTHS[Number(m[2]) - 1], Number(m[3])];
    if (year === 'XXXX') return `${date} ${month} (year unknown)${timeWords}`;
    const weekday = WEEKDAYS[new Date(Date.UTC(Number(year), Number(m[2]) - 1, date)).getUTCDay()];
    return `${weekday}, ${date} ${month} ${year}${timeWords}`;
  }
  if ((m = /^XXXX-WXX-([1-7])$/.exec(day))) return `a ${WEEKDAYS[Number(m[1]) % 7]} (date unknown)${timeWords}`;
  if (day === 'XXXX-XX-XX') return `a day (date unknown)${timeWords}`;
  if (value === 'XXXX-XX') return 'a month (date unknown)';
  if (value === 'XXXX-WXX') return 'a week (date unknown)';
  if ((m = /^(\d{4}|XXXX)-(\d{2})$/.exec(value))) {
    return `${MONTHS[Number(m[2]) - 1]} ${m[1] === 'XXXX' ? '(year unknown)' : m[1]}`;
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) return `week ${Number(m[2])} of ${m[1]}`;
  if ((m = /^P(T?)(\d+|X)(DE|[YMWDH])$/.exec(value))) {
    const unit = (m[1] ? TIME_UNITS : DATE_UNITS)[m[3]];
    if (unit) return m[2] === 'X' ? `several ${unit}s` : `${m[2]} ${unit}${m[2] === '1' ? '' : 's'}`;
  }
  if (/^\d{3}$/.test(value)) return `the ${value}0s`;
  const named: Record<string, string> = { PRESENT_REF: 'the present', PAST_REF: 'the past', FUTURE_REF: 'the future' };
  return named[value] ?? value;
}

/** The day a value falls on, as YYYY-MM-DD (XXXX-MM-DD when the year is unknown); null when it is not a single day. */
export function dayKey(value: string): string | null {
  const m = /^(\d{4}|XXXX)-(\d{2})-(\d{2})(?:T|$)/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Whether two values name the same single day (both with a known year, or both with an unknown one). */
export function sameDay(a: string, b: string): boolean {
  const key = dayKey(a);
  return key !== null && key === dayKey(b);
}

interface Reading {
  result: chrono.ParsedResult;
  /** Whether the component's value does not depend on the reference date, e.g. the month of "October 15". */
  fixed: (component: chrono.Component) => boolean;
}

/** chrono's results for the sentence; with a reference date every component is known, else only the fixed ones. */
function readSentence(sentence: string, reference: Date | null): Reading[] {
  if (reference) return chrono.parse(sentence, reference).map((result) => ({ result, fixed: () => true }));
  const results = chrono.parse(sentence, STAND_IN_A);
  const others = chrono.parse(sentence, STAND_IN_B);
  return results.map((result) => {
    const other = others.find((o) => o.index === result.index && o.text === result.text)?.start;
    const fixed = (c: chrono.Component) => result.start.get(c) !== null && other?.get(c) === result.start.get(c);
    return { result, fixed };
  });
}

function findWithChrono(sentence: string, reference: Date | null): Found[] {
  const found: Found[] = [];
  for (const { result, fixed } of readSentence(sentence, reference)) {
    const span = trimmedSpan(result);
    const timex = span && !isFalsePositive(sentence, span, result) ? timexOf(result, fixed) : null;
    if (span && timex) found.push({ ...span, ...timex });
  }
  return found;
}

/** The result's span without surrounding space, trailing commas or a leading preposition ("on Friday" → "Friday"). */
function trimmedSpan(result: chrono.ParsedResult): Span | null {
  const raw = result.text;
  const leading = /^\s*/.exec(raw)![0].length + (LEADING_PREPOSITION.exec(raw.trimStart())?.[0].length ?? 0);
  const trailing = /[\s,]*$/.exec(raw)![0].length;
  const span = { start: result.index + leading, end: result.index + raw.length - trailing };
  return span.end > span.start ? span : null;
}

function isFalsePositive(sentence: string, span: Span, result: chrono.ParsedResult): boolean {
  const words = sentence.slice(span.start, span.end);
  const c = result.start;
  if (/^[\d\s]+$/.test(words)) return true; // "at 5", "10"
  if (/^\d{1,2}\/\d{1,2}$/.test(words)) return true; // "9/11", "24/7"
  const onlyWeekday = c.isCertain('weekday') && !c.isCertain('day') && !c.isCertain('month');
  // Abbreviations and lower case ("Sun", "Mon", "sun") are too often other words; news spells weekdays out.
  if (onlyWeekday && !new RegExp(`\\b(?:${WEEKDAYS.join('|')})\\b`).test(words)) return true;
  const onlyMonth = c.isCertain('month') && !c.isCertain('day') && !c.isCertain('year');
  // "with May since she took office", "march on the capital": a lone month is a date only after a time word.
  return onlyMonth && (!/^\p{Lu}/u.test(words) || !MONTH_CONTEXT.test(sentence.slice(0, span.start)));
}

/** TIMEX3 type and value of a chrono result; `known` says which components may be filled in (others become X). */
function timexOf(result: chrono.ParsedResult, known: (c: chrono.Component) => boolean): Omit<Found, keyof Span> | null {
  const c = result.start;
  const tags = result.tags();
  if (tags.has('casualReference/now')) return { type: 'DATE', value: 'PRESENT_REF' };
  const part = (component: chrono.Component, width: number) => {
    const value = known(component) ? c.get(component) : null;
    return value === null ? 'X'.repeat(width) : String(value).padStart(width, '0');
  };
  const year = part('year', 4);
  if (RELATIVE_WEEK.test(result.text)) {
    const week = year === 'XXXX' || !known('day') ? 'XXXX-WXX' : isoWeek(c.get('year')!, c.get('month')!, c.get('day')!);
    return { type: 'DATE', value: week };
  }
  // From the words, not chrono's guessed hour: "Thursday night" is TNI though chrono files it under evening.
  const partOfDay = /(morning|afternoon|evening|night)\b/i.exec(result.text)?.[1].toLowerCase();
  const clock = c.isCertain('hour') ? `${part('hour', 2)}:${part('minute', 2)}` : null;
  const time = clock ? `T${clock}` : partOfDay ? `T${PART_OF_DAY[partOfDay]}` : '';
  if (c.isCertain('day') || c.isCertain('weekday') || time) {
    if (tags.has('casualReference/today') && year === 'XXXX') return { type: 'DATE', value: 'PRESENT_REF' };
    const weekdayOnly = !known('day') && known('weekday') && c.get('weekday') !== null;
    const day = weekdayOnly ? `XXXX-WXX-${c.get('weekday') || 7}` : `${year}-${part('month', 2)}-${part('day', 2)}`;
    return { type: time ? 'TIME' : 'DATE', value: day + time };
  }
  if (c.isCertain('month')) return { type: 'DATE', value: `${year}-${part('month', 2)}` };
  if (c.isCertain('year')) return { type: 'DATE', value: year };
  return null;
}

/** Durations, sets and vague references, which chrono does not read as such. */
function findPatterns(sentence: string): Found[] {
  const found: Found[] = [];
  const add = (m: RegExpExecArray, type: TimexType, value: string) => {
    const span = { start: m.index, end: m.index + m[0].length };
    if (!found.some((f) => overlaps(f, span))) found.push({ ...span, type, value });
  };
  for (const m of sentence.matchAll(SET)) {
    // "Daily Mail", "Entertainment Weekly": a capitalized word inside a sentence, or before a capital, is a name.
    const capitalized = /^\p{Lu}/u.test(m[0]);
    const isName = capitalized && (m.index! > 0 || /^\s+\p{Lu}/u.test(sentence.slice(m.index! + m[0].length)));
    const unit = (m[1] ?? m[2] ?? 'year').toLowerCase().replace(/^dai$/, 'day');
    const weekday = WEEKDAYS.findIndex((w) => w.toLowerCase() === unit);
    if (!isName) add(m, 'SET', weekday >= 0 ? `XXXX-WXX-${weekday || 7}` : SET_UNITS[unit]);
  }
  for (const m of sentence.matchAll(DURATION)) {
    const amount = /few|several/i.test(m[1]) ? 'X' : String(numberValue(m[1]));
    const unit = m[2].toLowerCase();
    const code = unit === 'decade' ? 'DE' : unit[0].toUpperCase();
    add(m, 'DURATION', unit === 'hour' || unit === 'minute' ? `PT${amount}${code}` : `P${amount}${code}`);
  }
  for (const m of sentence.matchAll(VAGUE)) add(m, 'DATE', /recent/i.test(m[0]) ? 'PAST_REF' : 'FUTURE_REF');
  return found;
}

function findBareYears(sentence: string): Found[] {
  return [...sentence.matchAll(BARE_YEAR)].map((m) => {
    const [start, end] = m.indices![1]!;
    const value = m[1].endsWith('s') ? m[1].slice(0, 3) : m[1]; // TIMEX3 writes the 1990s as 199
    return { start, end, type: 'DATE' as const, value };
  });
}

/** "72" → 72, "five" → 5, "twenty-five" → 25. */
function numberValue(words: string): number {
  return words.toLowerCase().split('-').reduce((sum, word) => sum + (NUMBER_WORDS[word] ?? Number(word)), 0);
}

function isDatelinePrefix(before: string): boolean {
  // "WASHINGTON, ", "Geneva [Switzerland], ", "LONDON (Reuters) - ", "Published: ", "Last updated on ".
  const withoutLabel = before.replace(/(?:last\s+)?(?:published|updated|posted|dated?)(?:\s+on)?[\s:]*$/i, '');
  // Capitalized place words ending in punctuation; not a headline's words ("Remembering Oct. 3, 1993").
  return /^\s*$|^[\s\p{P}]*(?:\p{Lu}[\p{L}.'’-]*[\s\p{P}]*)*[,:|•–—-]\s*$/u.test(withoutLabel);
}

function parseReferenceDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  // Local noon: chrono works in local time, and noon keeps the day stable across DST changes.
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12) : null;
}

function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isoWeek(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCDate(date.getUTCDate() + 4 - (date.getUTCDay() || 7)); // the Thursday of the week decides its year
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

function shift(found: Found, offset: number): Found {
  return { ...found, start: found.start + offset, end: found.end + offset };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
