// Stage: dates. Finds date, time, duration and set expressions and normalizes them to TimeML TIMEX3 values
// (TempEval-3 conventions) against the article's own date.
//
// Per sentence: the project's patterns (datePatterns.ts) find what chrono-node does not read the TimeML way and hide
// it from chrono; chrono-node then reads calendar dates, weekdays and clock times, of which only the parts the words
// state are used; bare years come last. Values are resolved in text order against the reference date, the tense of
// the clause and the dates mentioned before, and nothing the words and the reference date do not give is invented.
import * as chrono from 'chrono-node';
import { type ChronoReading, parseChrono } from './chronoReading';
import {
  REPORTED, type Context, type Focus, type Modifier, type Resolved, type Resolver, type Tense, blankNamesEndingInEd, dayOfTime, fixed, modifierOf, relativeTo,
  resolveMonth, resolveMonthDay, resolveWeekday, tenseAt,
} from './dateContext';
import { AFTER_CHRONO, BEFORE_CHRONO, type Candidate, extendLeft, lastWords, recognize, selectLongest, withTime } from './datePatterns';
import { Lru } from './lru';
import { shortenRuns } from './spaceRuns';
import { type Day, MONTH_NAMES, addDays, formatDay, isValidDay, isoWeekday, mondayOfWeek, pad, parseDay, quarterOf } from './timex';
import type { DateMention, Sentence, Span } from './types';

/**
 * What this stage reads of a sentence's words alone, remembered by the sentence's text so that re-analysing an edited
 * article reads only the sentences that changed: the candidates (resolved anew, in their context, every time) and
 * chrono-node's reading for the article's date.
 */
export interface DateMemo {
  candidates: Lru<string, Candidate[]>;
  /** chrono-node's reading (parseStated) by the text it read: a sentence as written, or masked as the dates stage reads it. */
  stated: Lru<string, chrono.ParsedResult[]>;
}

/**
 * A memo for one analysis of these sentences alone: the article's date and the dates stage often give chrono-node the
 * same lead sentence, which it then parses once. Each sentence is read at most twice (as written, and masked).
 */
export function oneAnalysisDateMemo(sentences: readonly Sentence[]): DateMemo {
  return { candidates: new Lru(sentences.length), stated: new Lru(2 * sentences.length) };
}

// chrono-node is asked only what the words state (its certain components), so its own reference date never shows:
// two far-apart stand-in references (different year, month, day, weekday) tell what came from the reference.
const STAND_IN = new Date(2001, 1, 3, 12);
const OTHER_STAND_IN = new Date(2012, 10, 21, 12);
const COMPONENTS: chrono.Component[] = ['year', 'month', 'day', 'weekday', 'hour', 'minute'];
const WEEKDAY_WORDS = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
// Words after which a bare month name is a date ("in March") rather than a name or verb ("with May", "March on").
const MONTH_CONTEXT =
  /\b(?:in|into|since|until|till|by|from|through|throughout|during|before|after|early|late|mid|of|last|next|this|past|coming|and|or|to|between)[\s-]+$/i;
const LEADING_PREPOSITION = /^(?:on|at|in|from|since|by|until)\s+/i;
const MODIFIER_WORDS = /^(this\s+past|this\s+coming|last|next|this|past|coming)\s+/i;
const PART_OF_DAY: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };
// chrono-node states a month and a day only with a month's name or a numeric date ("3/5", "2016-03-05"): sentences
// without either are not worth parsing when looking for the article's date.
const MAY_STATE_DAY = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d\s*[/.-]\s*\d/i;
// And it states the day with a number only: digits, an ordinal word ("March first", "the twenty-fifth of May") or the
// end of a month ("the end of March", its ENEndOfPeriodRefiner); a day without one ("today", "Friday") comes from the
// reference or is implied, and parseStated or findArticleDate drop it.
const DAY_NUMBER = /\d|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|tieth|\b(?:last\s+day|end)\s+of\b/i;
// "base 1980", "base year = 1980": the base year of an index. Read from the last few characters before the year only,
// so that what comes before them (a long run of spaces) costs nothing.
const INDEX_BASE_BEFORE = /\bbase(?:\s*year)?\s*(?:[:=]\s*)?$/i;
const INDEX_BASE_REACH = 32;
// An event still to come, not a level passed ("well ahead of Friday's final 71.8").
const AWAITED_BEFORE = /\b(?:ahead\s+of|in\s+advance\s+of|until\s+after)\s+(?:the\s+)?$/i;
const AWAITED_AFTER =
  /^['’]s\s+(?:[\p{L}-]+\s+){0,2}?(?:meeting|session|talks|deadline|vote|elections?|summit|auction|hearing|conference|tender|announcement|release|speech|debate|opening)\b/iu;
const NEWSPAPER_BEFORE = /\b(?:Mail|Independent|Scotland|Wales|Business)\s+on\s+$/;
const NEWSPAPER_AFTER = /^\s+(?:Times|Telegraph|Mirror|Express|Herald|Post|Tribune|Mail|Sport|People|Independent|Observer|Business\s+Post)\b/;
// A lower-case word after a part of the day that makes it an adjective ("evening events"), not a function word.
const NOUN_AFTER =
  /^\s+(?!(?:the|a|an|and|or|but|as|to|of|for|in|at|on|by|with|is|are|was|were|will|would|it|they|we|he|she|his|her|their|its|when|while|after|before|until|that|this|there|than|yesterday|today|tomorrow)\b)\p{Ll}/u;
// A price in fractions ("9-13/16 pct"), which chrono-node reads as a date.
const FRACTION = /^\d{1,3}-\d{1,2}\/\d{1,2}$/;
// A cell of a futures price table ("April - 21 ov May bid"), which chrono-node reads as April 2021: a year after a
// month is written in full or with an apostrophe, and a dateline's dash follows its day ("March 11 - ").
const PRICE_CELL = /^\p{L}+\.?\s+[-–]\s+\d{1,2}$/u;
const RANGE_END = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|noon|midnight|morning|afternoon|evening|night|today|tomorrow|tonight|yesterday|weekend)/i;
// "As of October 11, 12 pct had been harvested": news writes the year after a day in full, so one or two digits after
// the comma are something else, which chrono-node would read as 2012. The comma comes first, so that the look back
// runs at commas only: tried at every position it made this the dearest pattern of the stage.
const MONTH_BEFORE_DAY = String.raw`\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+`;
const TWO_DIGITS_AFTER_DAY = new RegExp(String.raw`,(?<=${MONTH_BEFORE_DAY}\d{1,2}(?:st|nd|rd|th)?,)\s*\d{1,2}(?![\d:/.'’])`, 'gi');
// "WASHINGTON, March 2 - After a week that ...", "NEW YORK, March 11 - Today's talks": chrono-node joins a dateline's
// day to the words after its dash ("March 2 - After a week", a range to "Today"), a reading that changes with the
// reference and so is dropped, and the dateline with it. The article's date is looked for with a semicolon there.
// Case is spelled out: the capital after the dash tells a new sentence from a range ("March 2 - 5"). The dash comes
// first, so that the look back runs at dashes only.
const DASH_AFTER_DAY =
  /[-–—](?<=\b(?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ay|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Za-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\s+[-–—])(?=\s+["“'‘]?\p{Lu})/gu;
// "April 10/May 10", "March 15-April 20", "May 5/30 shipment": chrono-node reads "10/May 10" as May 10, 2010, "15-April
// 20" as April 15, 2020 and "May 5/30" as May 5, 2030. With an en dash before the month, a hyphen between the days
// (same length), it reads the range, whose end follows its start. The separator comes first, so that the look back runs
// at slashes and hyphens only.
const DAY_TO_MONTH = new RegExp(String.raw`[/-](?<=${MONTH_BEFORE_DAY}\d{1,2}[/-])(?=${MONTH_BEFORE_DAY}\d)`, 'gi');
// Days in a range go forward: "May 2/1" in a table of prices is no range.
const DAY_SLASH_DAY = new RegExp(String.raw`\/(?<=${MONTH_BEFORE_DAY}(?<from>\d{1,2})\/)(?=(?<to>\d{1,2})(?![\d/]))`, 'gi');
const rangeOfDays = (slash: string, ...args: unknown[]): string => {
  const { from, to } = args[args.length - 1] as { from: string; to: string };
  return Number(to) > Number(from) ? '-' : slash;
};

/**
 * The days of a text as chrono-node should read them: no year after a day's comma, and ranges of days written as the
 * ranges it reads. Each mend keeps the text's length, so chrono's offsets stay the text's.
 */
function daysForChrono(text: string): string {
  return text.replace(TWO_DIGITS_AFTER_DAY, blank).replace(DAY_TO_MONTH, '–').replace(DAY_SLASH_DAY, rangeOfDays);
}
// A clock time needs a sign that it is one: "at 5" and "23 at night" are not.
const CLOCK = /\d:\d\d|\b[ap]\.?\s?m\b\.?|\bnoon\b|\bmidnight\b|\bo['’]clock\b/i;
const HOUR_SIGN = new RegExp(`${CLOCK.source}|\\d[ap]\\.?m\\b|\\bmidday\\b`, 'i');

/**
 * The article's own date and where it was found: its dateline or date line, else the first full date of its lead
 * stated with its weekday ("on Saturday, 15 October 2016"). A
 * dateline without a year ("Geneva, Aug. 27 :") dates the article when the lead states the same day with its year, or
 * when `approximate` (a date given for articles that state none) supplies the year: the day nearest to it.
 */
export function findArticleDate(
  text: string,
  sentences: Sentence[],
  approximate: string | null = null,
  memo?: DateMemo,
): { date: string; source: 'dateline' | 'text' } | null {
  const FIRST_PARAGRAPHS = 5;
  const near = approximate ? parseDay(approximate) : null;
  const leadDays: Day[] = [];
  const weekdayDays: Day[] = [];
  // A dateline without a year ("LONDON, March 12 -") still tells the article's month and day: a full date of the lead
  // that differs from it is something else the article reports ("a bond due March 31, 2002").
  let datelineMonthDay: { month: number; day: number } | null = null;
  for (const sentence of sentences) {
    if (sentence.paragraph >= FIRST_PARAGRAPHS) break;
    if (!MAY_STATE_DAY.test(sentence.text) || !DAY_NUMBER.test(sentence.text)) continue;
    const runs = shortenRuns(sentence.text);
    const words = daysForChrono(runs.text).replace(DASH_AFTER_DAY, ';');
    for (const result of statedWhere(words, memo?.stated, statesDay)) {
      if (!statesDay(result)) continue;
      const c = result.start;
      if (FRACTION.test(result.text)) continue;
      const at = sentence.start + runs.original(result.index);
      const lineStart = Math.max(text.lastIndexOf('\n', sentence.start - 1), text.lastIndexOf('\r', sentence.start - 1)) + 1;
      const end = sentence.start + runs.original(result.index + result.text.length);
      const inDateline = isDatelinePrefix(text.slice(lineStart, at)) || (sentence.paragraph < LOOSE_DATELINE_PARAGRAPHS && isLooseDateline(text.slice(lineStart, at), text.slice(end, end + 40)));
      if (!c.isCertain('year')) {
        if (inDateline) datelineMonthDay ??= { month: c.get('month')!, day: c.get('day')! };
        continue;
      }
      const day = { year: c.get('year')!, month: c.get('month')!, day: c.get('day')! };
      if (!isValidDay(day)) continue;
      if (inDateline) return { date: formatDay(day), source: 'dateline' };
      leadDays.push(day);
      // Other full dates of a lead are of events before or after the article ("born after 1st September 2002", "died
      // on 4 February 2005", "takes place on 27 February 2005"): news names the weekday of the days it reports.
      if (c.isCertain('weekday') && (c.get('weekday') || 7) === isoWeekday(day)) weekdayDays.push(day);
    }
  }
  if (!datelineMonthDay) return weekdayDays.length > 0 ? { date: formatDay(weekdayDays[0]), source: 'text' } : null;
  const { month, day } = datelineMonthDay;
  const matching = leadDays.find((d) => d.month === month && d.day === day);
  if (matching) return { date: formatDay(matching), source: 'dateline' };
  return near ? { date: formatDay(resolveMonthDay(month, day, near, 'unknown')), source: 'dateline' } : null;
}

// A month named by its name or abbreviation, capitalized: "may" is a verb.
const MONTH_NAME = new RegExp(`\\b(?:${MONTH_NAMES.join('|')}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\b`, 'g');
// The month alone, as in "in May", "February's", "the February figure", "at end-January", "at the end of December".
const BARE_MONTH = new RegExp(`^(?:end-|the\\s+end\\s+of\\s+)?${MONTH_NAME.source}\\.?(?:['’]s)?$`);
// A month that bounds a stretch rather than one reported on: "since January", "until March", "by the end of June".
const BOUND_BEFORE = /\b(?:since|until|till|through|to|by|before)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?$/i;
// Unless the month is the one compared with, in the same part of the sentence (a comma inside a number is not a break):
// "rose to 87.02 billion from 86.18 billion in January", "from 631,900 in February", "against 27.52 pct in November",
// "after rising 0.4 pct in January", "the same as in January".
const COMPARED_BEFORE = /\b(?:from|against|compared\s+(?:with|to)|vs|versus|after|than|as\s+in)\b(?:[^,;]|,(?=\d))*$/i;
// Nor the month something was said in, which dates the saying, not a figure: "said in May that sales had doubled from a
// year earlier", "In July, the company reported profit up 10 pct from a year earlier".
const SAID_IN_BEFORE = new RegExp(`\\b(?:${REPORTED})\\s+in\\s+$`, 'i');
const SAID_AFTER_OPENING = new RegExp(`^\\s*,\\s*(?:[\\p{L}.'’-]+\\s+){1,4}(?:${REPORTED})\\b`, 'iu');

/**
 * A period other than a quarter that results are reported for: a year the text states ("in 1986", "fiscal 1986";
 * not the base year of an index, "base 1980", nor the end of a span, "1986/87"), a stretch of four to eleven months
 * ("the nine months", "the first half"), or the one month a sentence names, when it does not bound a stretch, is not
 * compared with and does not date a saying ("car production in May fell 11 pct from a year earlier", "the February
 * figure was up from a year earlier"; in "exports rose in February from January and from a year earlier" the month
 * compared with is not told).
 */
function isReportedPeriod(resolved: Resolved, mention: string, before: string, after: string, namesOneMonth: () => boolean, reported: string | null): boolean {
  if (/^P(?:[4-9]|1[01])M$|^\d{4}-H[12]$/.test(resolved.value)) return true;
  if (resolved.setsFocus === false) return false;
  if (/^\d{4}-\d{2}$/.test(resolved.value)) {
    const near = before.slice(-60);
    const said = SAID_IN_BEFORE.test(near) || (/^\W*in\s+$/i.test(before) && SAID_AFTER_OPENING.test(after));
    return BARE_MONTH.test(mention) && !BOUND_BEFORE.test(near) && !COMPARED_BEFORE.test(near) && !said && namesOneMonth();
  }
  // A year compared with does not replace the period reported on: "at the end of March totaled 953 mln compared with
  // 910 mln at end-1986 and 815 mln a year earlier".
  if (reported && COMPARED_BEFORE.test(before.slice(-60))) return false;
  return resolved.anchor === 'text' && /^\d{4}$/.test(resolved.value) && !INDEX_BASE_BEFORE.test(before.slice(-INDEX_BASE_REACH));
}

/** Date, time, duration and set expressions of the text, in text order, with values resolved against referenceDate. */
export function extractDates(text: string, sentences: Sentence[], referenceDate: string | null, memo?: DateMemo): DateMention[] {
  const reference = referenceDate ? parseDay(referenceDate) : null;
  const focus: Focus = { day: null, week: null, month: null, quarter: null, quarterAge: 0, namedQuarter: null, namedQuarterAge: 0, year: null, decade: null, sentencePeriod: null };
  const mentions: DateMention[] = [];
  for (const sentence of sentences) {
    focus.quarterAge++;
    focus.namedQuarterAge++;
    focus.sentencePeriod = null;
    const known = memo?.candidates.get(sentence.text);
    // Most sentences name no date: one remembered as naming none is not read again (a keystroke re-reads an article).
    if (known?.length === 0) continue;
    // Offsets of candidates index the words, the sentence with its long white-space runs cut.
    const { text: words, original } = shortenRuns(sentence.text);
    let tenseWords: string | undefined;
    // Counted once a sentence: counting for each of its months took time in the square of their number.
    let monthNames: number | undefined;
    const namesOneMonth = () => (monthNames ??= words.match(MONTH_NAME)?.length ?? 0) === 1;
    for (const candidate of known ?? (memo ? memo.candidates.set(sentence.text, findCandidates(words, memo.stated)) : findCandidates(words))) {
      const start = sentence.start + original(candidate.start);
      const end = sentence.start + original(candidate.end);
      if (/[\p{L}\p{N}]/u.test((text[start - 1] ?? '') + (text[end] ?? ''))) continue;
      let tense: Context['tense'] | undefined;
      const context: Context = {
        reference,
        focus,
        get tense() {
          return (tense ??= tenseAt((tenseWords ??= blankNamesEndingInEd(words)), candidate.start, candidate.end));
        },
      };
      const resolved = candidate.resolve(context);
      if (!resolved) continue;
      if (resolved.setsFocus !== false) remember(focus, resolved.value, reference);
      const mention = words.slice(candidate.start, candidate.end);
      if (isReportedPeriod(resolved, mention, words.slice(0, candidate.start), words.slice(candidate.end), namesOneMonth, focus.sentencePeriod)) focus.sentencePeriod = resolved.value;
      mentions.push({ start, end, text: text.slice(start, end), type: resolved.type, value: resolved.value, anchor: resolved.anchor });
    }
  }
  return mentions;
}

/** The candidates of one sentence, non-overlapping, in text order; offsets index the sentence. */
function findCandidates(sentence: string, stated?: DateMemo['stated']): Candidate[] {
  const patterns = recognize(BEFORE_CHRONO, sentence);
  const masked = mask(sentence, patterns);
  const fromChrono = selectLongest(readChrono(sentence, masked, stated));
  const bare = recognize(AFTER_CHRONO, mask(masked, fromChrono));
  const titles = titleRuns(sentence);
  const all = [...patterns, ...fromChrono, ...bare].filter((c) => !titles.some((t) => t.start <= c.start && c.end <= t.end)).sort((a, b) => a.start - b.start);
  return joinDayAndTime(sentence, timesInTwoZones(sentence, extendLeft(sentence, all)));
}

// Function words that only a title capitalizes inside a sentence ("It's Now Or Never", "Do They Know It's
// Christmas?", "The Mail On Sunday"). "I" is always capitalized.
const TITLE_FUNCTION_WORD = /^(?:A|An|The|And|Or|But|Nor|Of|In|On|At|To|For|With|By|From|Is|Are|Was|Were|Be|It|It['’]s|Its|They|We|You|He|She|Do|Does|Did|Not|No|Me|My|Your|Our|Their|This|That|What|Who|When|Where|How|Why|Can|Will|Don['’]t|Won['’]t|Can['’]t)$/;
const CAPITALIZED_RUN = /\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){2,}/gu;

/**
 * The spans of titles in Title Case inside a sentence (songs, films, books): runs of three or more capitalized words
 * with two or more function words capitalized past the sentence's first word. A sentence without a lower-case word
 * is a headline, whose words are all capitalized.
 */
function titleRuns(sentence: string): Span[] {
  if (!/\s(?:A|An|The|And|Or|But|Of|In|On|At|To|For|With|By|From|Is|It|It['’]s|They|We|You|Do|Not|No|Can|Will)\s/.test(sentence) || !/(?:^|\s)\p{Ll}/u.test(sentence)) return [];
  const runs: Span[] = [];
  for (const m of sentence.matchAll(CAPITALIZED_RUN)) {
    const words = m[0].split(/\s+/);
    const first = /^\W*$/.test(sentence.slice(0, m.index)) ? 1 : 0;
    if (words.slice(first).filter((w) => TITLE_FUNCTION_WORD.test(w)).length >= 2) runs.push({ start: m.index, end: m.index + m[0].length });
  }
  return runs;
}

const blank = (words: string): string => ' '.repeat(words.length);

/**
 * `sentence` with the spans blanked (same length, so offsets hold), built in one pass: one copy of the sentence per span
 * is quadratic in their number.
 */
function mask(sentence: string, spans: Span[]): string {
  let out = '';
  let done = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(s.start, done);
    if (s.end <= start) continue;
    out += sentence.slice(done, start) + ' '.repeat(s.end - start);
    done = s.end;
  }
  return out + sentence.slice(done);
}

function remember(focus: Focus, value: string, reference: Day | null): void {
  const day = /^\d{4}-\d{2}-\d{2}(?:T|$)/.test(value) ? parseDay(value) : null;
  if (day) focus.day = day;
  const week = day ?? (/^\d{4}-W\d{2}(?:-WE)?$/.test(value) ? mondayOfWeek(value) : null);
  if (week) focus.week = week;
  const month = /^(\d{4})-(\d{2})(?:-\d{2})?(?:T|$)/.exec(value);
  if (month) focus.month = { year: Number(month[1]), month: Number(month[2]), day: 1 };
  // A week is in the month of its Thursday, which holds most of its days: "the last week of February ... the same month".
  else if (week) focus.month = { ...addDays(week, 3), day: 1 };
  if (/^\d{4}(?:-|$)/.test(value)) focus.year = Number(value.slice(0, 4));
  if (/^\d{3}$/.test(value)) focus.decade = value;
  // The quarter being reported on, not one forecast ("the third quarter of 1990" in October 1989), nor an earlier one
  // its sentence compares it with ("imports for the December quarter were 2.6 billion against 2.8 billion in the
  // September quarter and 2.4 billion a year earlier": the December quarter's).
  const reportable = !reference || value <= `${pad(reference.year, 4)}-Q${quarterOf(reference)}`;
  const quarter = /^(?:\d{4}|(XXXX))-Q([1-4])$/.exec(value);
  if (quarter) {
    focus.namedQuarter = value;
    focus.namedQuarterAge = 0;
  }
  if (quarter && reportable) {
    const unknownYear = quarter[1] !== undefined;
    // Named without its year after the same quarter with one ("the last 1986 quarter ... the fourth quarter"), it is
    // that quarter, and the report is still about it.
    if (unknownYear && focus.quarter?.endsWith(`-Q${quarter[2]}`)) {
      focus.quarterAge = 0;
      return;
    }
    // Of the quarters of one sentence, a later one is the one reported on, and one with its year replaces one without.
    if (focus.quarter && focus.quarterAge === 0 && (focus.quarter.startsWith('XXXX') ? unknownYear && value < focus.quarter : unknownYear || value < focus.quarter)) return;
    focus.quarter = value;
    focus.quarterAge = 0;
  }
}

// chrono-node -------------------------------------------------------------------------------------------------------

// What chrono-node needs to state a time that readChrono keeps: a month or weekday name (its dictionaries,
// abbreviations included, and "weekend", "weekday"), a part of the day, or digits in a form that states a date or a
// clock time. Its other parsers ("today", "next week", "two days ago") state no component or take it from the
// reference, so parseStated keeps nothing of theirs. Digits alone state a date only with a separator ("3/5",
// "2016-03-05", "3/2016") and a time kept only with a clock's sign (isFalsePositive's CLOCK: "10:30", "5 p.m.",
// "5 o'clock"); a bare number ("rose 5 pct", "at 16") is no time. A name inside a longer word does not count, but the
// words chrono lets touch one ("onMonday", "firstofMarch", "thismorning") do. The name is found first and its start
// checked behind it: a look-behind tried at every position cost four times as much.
const CHRONO_NAMES =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|' +
  'sunday|monday|tuesday|wednesday|thursday|friday|saturday|sun|mon|tue|wed|thurs|thur|thu|fri|sat|weekend|weekday|' +
  'morning|afternoon|evening|night|midnight|midday|noon';
const TOUCHING_BEFORE = 'on|in|of|this|last|past|next|st|nd|rd|th';
const TOUCHING_AFTER =
  'of|this|last|past|next|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirt|' +
  'fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twent';
const DIGITS_STATING_TIME = String.raw`\d\s*[/.:-]\s*\d|\d\s*[ap]\.?\s?m\b|o['’]clock`;
const MAY_STATE_TIME = new RegExp(`${DIGITS_STATING_TIME}|(?:${CHRONO_NAMES})(?:(?![a-z])|(?=${TOUCHING_AFTER}))(?<=(?:^|[^a-z]|${TOUCHING_BEFORE})(?:${CHRONO_NAMES}))`, 'i');

/** chrono-node's reading of the masked sentence, as candidates; a range ("Oct. 15-17") gives one per end. */
function readChrono(sentence: string, masked: string, stated?: DateMemo['stated']): Candidate[] {
  const found: Candidate[] = [];
  // Decimals ("fell 6.43") and thousands ("at 1,015 francs") are not clock times, "the end of November" is November,
  // and chrono reads "the night of Oct. 23" and "the day before last Tuesday" as no date at all: hide what chrono
  // misreads (extendLeft adds "the night of" back as a part of the day, "the day before" as a day's shift). A number
  // is tried from its first digit only: tried from each, a run of n digits took n² steps.
  const text = daysForChrono(masked).replace(/(?<!\d)\d+\.\d+|\b\d{1,3}(?:,\d{3})+(?!\d)|(?<!\d)\d+\s+\d\/\d+|\b(?:end|beginning|start|middle|close|morning|afternoon|evening|night)\s+of\b|\bday\s+(?:before|after)\b|\b(?:good|high)\s+(?:morning|afternoon|evening|night|noon)\b/gi, blank);
  if (!MAY_STATE_TIME.test(text)) return found;
  for (const result of statedWhere(text, stated, (result) => readableSpan(sentence, result) !== null)) {
    const whole = readableSpan(sentence, result);
    if (!whole) continue;
    // "SACRAMENTO, Oct 20 - First Commercial Bancorp": an end without a number or a month or weekday is no range's end.
    const split = result.end ? splitRange(text, whole) : null;
    const range = split && RANGE_END.test(sentence.slice(split[1].start, split[1].end)) ? split : null;
    if (split && !range) whole.end = split[0].end;
    if (range && result.end) {
      const start = candidateOf(sentence, range[0], result.start, null);
      const end = candidateOf(sentence, range[1], result.end, result.start);
      if (start && end) {
        const separator = sentence.slice(range[0].end, range[1].start);
        // Both ends take the tense of the clause the range opens in: each end's own tense could date it from the other way.
        let tense: Tense | undefined;
        const rangeTense = () => (tense ??= tenseAt(blankNamesEndingInEd(sentence), start.start, start.end));
        const [first, last] = rangeYears(start.resolve, end.resolve, result.start, result.end, separator, rangeTense);
        found.push({ ...start, resolve: first }, { ...end, resolve: last });
      } else if (start) {
        found.push(start);
      }
    } else {
      const candidate = candidateOf(sentence, whole, result.start, null);
      if (candidate) found.push(candidate);
    }
  }
  // "April 24 and 25": chrono reads the first day only.
  for (const c of [...found]) {
    const next = /^(\s*(?:and|&)\s*)(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:%|percent\b|[.,]\d)|\s+(?:\p{Ll}+s|people|men|women|children)\b)/u.exec(sentence.slice(c.end));
    // A day of the month before it, not a weekday ("43 on Sunday and 15 on Monday").
    if (!next || c.grain !== 'day' || !/\d(?:st|nd|rd|th)?$/.test(sentence.slice(c.start, c.end))) continue;
    const day = Number(next[2]);
    const start = c.end + next[1].length;
    found.push({ start, end: start + next[0].length - next[1].length, grain: 'day', resolve: (ctx) => replaceDay(c.resolve(ctx), day) });
  }
  return found;
}

/** The span of a chrono-node result without what trimmedSpan trims, unless it is no date or time (isFalsePositive). */
function readableSpan(sentence: string, result: chrono.ParsedResult): Span | null {
  const whole = trimmedSpan(sentence, result.index, result.text);
  return whole && !isFalsePositive(sentence, whole, result.start) ? whole : null;
}

/**
 * parseStated's results, where a caller keeps only those `wanted`: when chrono-node's first reading has results but
 * none wanted, the second reading (which only removes results) is not needed, and the first is not parseStated's to
 * remember.
 */
function statedWhere(text: string, stated: DateMemo['stated'] | undefined, wanted: (result: chrono.ParsedResult) => boolean): chrono.ParsedResult[] {
  const known = stated?.get(text);
  if (known) return known;
  const first = parseChrono(text, STAND_IN);
  if (first.results.length > 0 && !first.results.some(wanted)) return [];
  const results = parseStated(text, first);
  stated?.set(text, results);
  return results;
}

/** Whether a result states a month and a day: only such a result can give the article's date. */
function statesDay(result: chrono.ParsedResult): boolean {
  return result.start.isCertain('month') && result.start.isCertain('day');
}

/**
 * chrono-node's results whose every component the words state. One that changes with the reference came from it
 * ("today", "last year's", "the days before"): the project's patterns read those, so chrono's reading is dropped.
 */
function parseStated(text: string, first: ChronoReading): chrono.ParsedResult[] {
  const { results } = first;
  if (results.length === 0) return results;
  const others = parseChrono(text, OTHER_STAND_IN, first).results;
  return results.filter((result) => {
    const other = others.find((o) => o.index === result.index && o.text === result.text);
    return other && sameComponents(result.start, other.start) && (!result.end || (!!other.end && sameComponents(result.end, other.end)));
  });
}

function sameComponents(a: chrono.ParsedComponents, b: chrono.ParsedComponents): boolean {
  return COMPONENTS.every((k) => a.isCertain(k) === b.isCertain(k) && (!a.isCertain(k) || a.get(k) === b.get(k)));
}

function replaceDay(resolved: ReturnType<Resolver>, day: number): ReturnType<Resolver> {
  if (!resolved || !/^(?:\d{4}|XXXX)-\d{2}-\d{2}$/.test(resolved.value)) return null;
  return { ...resolved, value: `${resolved.value.slice(0, 8)}${pad(day)}` };
}

/**
 * The two ends of a range resolved as one: both lie in one year, or, when the end's day comes earlier in the year
 * than the start's ("Dec. 30-Jan. 2", "the period July 1/March 13"), the end in the year after the start's. A year
 * the words state at one end dates the other ("March 20 through August 31, 1987"). Without one, a range that crosses
 * a year's end is dated by its end when reported, as periods to date end near the article's date ("exports for the
 * period July 1/March 13", on March 31, began last July), and by its start in a clause about the future ("will run
 * from April 1 to March 31"), the clause read at the range's start (`rangeTense`) for both ends; the start dates the end
 * of any other range.
 * A day after a spaced dash is no crossing: chrono-node joins a dateline's day to a day after it ("June 2 - April 30
 * end").
 */
function rangeYears(
  start: Resolver, end: Resolver, from: chrono.ParsedComponents, to: chrono.ParsedComponents, separator: string, rangeTense: () => Tense,
): [Resolver, Resolver] {
  const crosses = from.isCertain('day') && to.isCertain('day') && !/^\s+[-–—]\s+$/.test(separator) && to.get('month')! * 100 + to.get('day')! < from.get('month')! * 100 + from.get('day')! ? 1 : 0;
  const [fromYear, toYear] = [from.isCertain('year'), to.isCertain('year')];
  if (fromYear && toYear) return [start, end];
  if (fromYear) return [start, inYearOf(end, start, crosses)];
  if (toYear) return [inYearOf(start, end, -crosses), end];
  if (!crosses) return [start, inYearOf(end, start, 0)];
  const startFirst = inYearOf(end, start, 1);
  const endFirst = inYearOf(start, end, -1);
  const inRangeTense = (context: Context): Context => ({ reference: context.reference, focus: context.focus, tense: rangeTense() });
  return [
    (context) => (rangeTense() === 'future' ? start : endFirst)(inRangeTense(context)),
    (context) => (rangeTense() === 'future' ? startFirst : end)(inRangeTense(context)),
  ];
}

/** `resolver`'s day moved to the year of `giver`'s plus `years`, when both are days of a known or unknown year. */
function inYearOf(resolver: Resolver, giver: Resolver, years: number): Resolver {
  return (context) => {
    const own = resolver(context);
    const given = giver(context);
    if (!own || !given || !/^\d{4}-\d{2}-\d{2}/.test(given.value) || !/^(?:XXXX|\d{4})-\d{2}-\d{2}/.test(own.value)) return own;
    return { ...own, value: pad(Number(given.value.slice(0, 4)) + years, 4) + own.value.slice(4), anchor: given.anchor };
  };
}

/** The span without surrounding space, trailing commas or a leading preposition ("on Friday" → "Friday"). */
function trimmedSpan(sentence: string, index: number, raw: string): Span | null {
  const skipped = /^[\s,]*/.exec(raw)![0].length;
  const leading = skipped + (LEADING_PREPOSITION.exec(raw.slice(skipped))?.[0].length ?? 0);
  // A closing parenthesis is chrono's only when it opened one too: "(4 a.m. EDT Thursday)".
  const trailing = (raw.includes('(') ? /[\s,]*$/ : /[\s,)]*$/).exec(raw)![0].length;
  const span = { start: index + leading, end: index + raw.length - trailing };
  // chrono stops "10 p.m" at "10 p"; TimeML keeps the whole abbreviation.
  const rest = /^(?:\.m\.?|m\.)/.exec(sentence.slice(span.end));
  if (rest && /\b[ap]$/i.test(sentence.slice(span.start, span.end))) span.end += rest[0].length;
  return span.end > span.start ? span : null;
}

/** "Oct. 15-17", "Oct. 15 to Oct. 17": the spans of the two ends. */
function splitRange(sentence: string, span: Span): [Span, Span] | null {
  const words = sentence.slice(span.start, span.end);
  const m = /^(.*?[\p{L}\p{N}.])(\s*,?\s*(?:-|–|—|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill\b)\s*)(.+)$/iu.exec(words);
  if (!m) return null;
  const first = { start: span.start, end: span.start + m[1].length };
  return [first, { start: first.end + m[2].length, end: span.end }];
}

function isFalsePositive(sentence: string, span: Span, c: chrono.ParsedComponents): boolean {
  const words = sentence.slice(span.start, span.end);
  if (/^[\d\s]+$/.test(words)) return true; // "at 5", "10"
  if (/^\d{1,2}\/\d{1,2}(?:\s*(?:to|-|–)\s*\d{1,2}\/\d{1,2})?$/.test(words) || FRACTION.test(words)) return true; // "9/11", "24/7", "1/4 to 3/8", "9-13/16"
  if (c.isCertain('year') && !c.isCertain('day') && PRICE_CELL.test(words)) return true;
  const hasDate = c.isCertain('day') || c.isCertain('weekday') || c.isCertain('month') || c.isCertain('year');
  if (c.isCertain('hour') && !hasDate && !CLOCK.test(words)) return true;
  // "$55 a night", "a morning talk show", "the night the flight exploded": a part of the day on its own is a time only
  // after a preposition or a modifier ("in the morning", "at night", "mid-afternoon").
  if (/^(?:morning|afternoon|evening|night)$/i.test(words)) {
    if (!/(?:\b(?:in|during|at|by|through|until)\s+(?:the\s+)?|\bmid-?\s*|\b(?:early|late)\s+)$/i.test(sentence.slice(0, span.start))) return true;
    // "at evening events": an adjective before its noun.
    if (NOUN_AFTER.test(sentence.slice(span.end))) return true;
  }
  const onlyWeekday = c.isCertain('weekday') && !c.isCertain('day') && !c.isCertain('month');
  // Abbreviations and lower case ("Sun", "Mon", "sun") are too often other words; news spells weekdays out.
  if (onlyWeekday && !WEEKDAY_WORDS.test(words)) return true;
  // Newspapers: "The Mail on Sunday", "the Sunday Times".
  if (onlyWeekday && (NEWSPAPER_BEFORE.test(lastWords(sentence.slice(0, span.start), 3)) || NEWSPAPER_AFTER.test(sentence.slice(span.end)))) return true;
  const onlyMonth = c.isCertain('month') && !c.isCertain('day') && !c.isCertain('year');
  // "with May since she took office", "march on the capital": a lone month is a date only after a time word.
  return onlyMonth && (!/^\p{Lu}/u.test(words) || !MONTH_CONTEXT.test(sentence.slice(0, span.start)));
}

/**
 * What the words of a chrono-node result state, resolved the project's way. `inherit` gives the start of a range,
 * whose month an end such as the "17" of "Oct. 15-17" shares.
 */
function candidateOf(sentence: string, whole: Span, c: chrono.ParsedComponents, inherit: chrono.ParsedComponents | null): Candidate | null {
  // "43 on Sunday and 15 on Monday", "on Friday 15 protesters", "on Feb 10 at 17 dlrs": a number chrono took for the
  // hour, without a sign that it is one, is no part of the date.
  const bareHour = c.isCertain('hour') && !HOUR_SIGN.test(sentence.slice(whole.start, whole.end));
  const span = bareHour ? withoutBareNumber(sentence, whole) : whole;
  if (!span) return null;
  const known = (k: chrono.Component): number | null =>
    k === 'hour' && bareHour ? null : c.isCertain(k) ? c.get(k) : inherit?.isCertain(k) && k !== 'day' && k !== 'weekday' ? inherit.get(k) : null;
  let start = span.start;
  let modifier: Modifier = null;
  const own = MODIFIER_WORDS.exec(sentence.slice(span.start, span.end));
  // The words before the date that these patterns read (two at most): reading back to the sentence's start took time
  // in the square of its dates.
  const lead = lastWords(sentence.slice(0, span.start), 3);
  const leadStart = span.start - lead.length;
  const before = /\b(this\s+past|this\s+coming|last|next|this|past|coming)\s+$/i.exec(lead);
  // "the previous Friday", "the following Monday": next to the day the article last named, not to its own date.
  const anaphoric = /\bthe\s+(previous|preceding|following)\s+$/i.exec(lead);
  if (own) modifier = modifierOf(own[1]);
  else if (before && (known('weekday') !== null || known('month') !== null) && known('day') === null) {
    modifier = modifierOf(before[1]);
    start = leadStart + before.index;
  } else if (before && !/^past$/i.test(before[1]) && known('month') !== null && known('day') !== null && known('year') === null) {
    // "announced last February 28" (in a February 26 article): the modifier picks the year. TimeBank leaves it out
    // of the extent ("last [Oct. 23]"). A bare "past" is a preposition here ("any delay past June 30").
    modifier = modifierOf(before[1]);
  } else if (anaphoric && known('weekday') !== null && known('day') === null && known('month') === null) {
    start = leadStart + anaphoric.index;
  }
  const words = sentence.slice(start, span.end);
  const partWord = /\b(morning|afternoon|evening|night)\b/i.exec(words)?.[1].toLowerCase();
  const hour = known('hour');
  // TimeML (ISO 8601) writes the midnight that ends a day as 24:00 of that day: "midnight Friday" closes Friday.
  const clock = hour === 0 && /\bmidnight\b/i.test(words) ? '24:00' : hour !== null ? `${pad(hour)}:${pad(known('minute') ?? 0)}` : null;
  const time = clock ?? (partWord ? PART_OF_DAY[partWord] : null);
  const [year, month, day, weekday] = [known('year'), known('month'), known('day'), known('weekday')];
  let resolve: Resolver;
  let grain: Candidate['grain'];
  if (month !== null && day !== null) {
    grain = 'day';
    if (year !== null) {
      const date = { year, month, day };
      if (!isValidDay(date)) return null;
      resolve = fixed('DATE', formatDay(date));
    } else {
      resolve = relativeTo('DATE', `XXXX-${pad(month)}-${pad(day)}`, (ref, ctx) => formatDay(resolveMonthDay(month, day, ref, ctx.tense, modifier)));
    }
  } else if (weekday !== null) {
    grain = 'day';
    const iso = weekday || 7;
    // "get around Wednesday's ruling": a possessive weekday names the day of something reported, whatever the clause's
    // tense; it is the last such day (or today). Not what is awaited: "ahead of Thursday's deadline", "would not
    // announce it until after Thursday's cabinet meeting".
    const possessive = /^['’]s\b/.test(sentence.slice(span.end));
    const awaited = possessive && AWAITED_BEFORE.test(sentence.slice(0, start)) && AWAITED_AFTER.test(sentence.slice(span.end));
    resolve = relativeTo('DATE', `XXXX-WXX-${iso}`, (ref, ctx) => formatDay(resolveWeekday(iso, ref, awaited ? 'future' : possessive ? 'unknown' : ctx.tense, modifier)));
    if (start !== span.start && anaphoric) {
      const direction = /following/i.test(anaphoric[1]) ? 'next' : 'last';
      resolve = (ctx) => {
        const from = ctx.focus.day ?? ctx.reference;
        const value = from ? formatDay(weekdayNextTo(iso, from, direction)) : `XXXX-WXX-${iso}`;
        return { type: 'DATE', value, anchor: ctx.focus.day ? 'earlier-date' : 'article-date' };
      };
    }
  } else if (month !== null) {
    resolve = year !== null ? fixed('DATE', `${pad(year, 4)}-${pad(month)}`) : relativeTo('DATE', `XXXX-${pad(month)}`, (ref, ctx) => resolveMonth(month, ref, ctx.tense, modifier));
  } else if (year !== null) {
    resolve = fixed('DATE', pad(year, 4));
  } else if (time) {
    // TimeML keeps the article of "in the morning" in the extent.
    const article = clock === null ? /\bthe\s+$/i.exec(sentence.slice(0, start)) : null;
    return { start: article?.index ?? start, end: span.end, grain: 'time', time, resolve: (ctx) => withTime(dayOfTime(ctx), time), extendable: true };
  } else {
    return null;
  }
  const dated = time ? (ctx: Context) => withTime(resolve(ctx), time) : resolve;
  return { start, end: span.end, grain: time ? undefined : grain, resolve: dated, extendable: true };
}

/**
 * The span without a number at its start ("15 on Monday") or end ("Friday 15", "Feb 10 at 17"); null if it has
 * neither, or if what is left names no month or weekday (prices: "up 3/8 at 5-3/4").
 */
function withoutBareNumber(sentence: string, span: Span): Span | null {
  const words = sentence.slice(span.start, span.end);
  const leading = /^\d[\d/.-]*\s+(?:on|at)\s+/.exec(words)?.[0].length ?? 0;
  // Only one of them: the "1" of "21 on May 1" is the day.
  const trailing = leading ? 0 : (/,?\s+(?:(?:at|of|from|on)\s+)?\d[\d/.-]*$/.exec(words)?.[0].length ?? 0);
  const left = { start: span.start + leading, end: span.end - trailing };
  return (leading || trailing) && /\p{L}/u.test(sentence.slice(left.start, left.end)) ? left : null;
}

/** The weekday (ISO 1-7) just before or just after a day, never the day itself. */
function weekdayNextTo(weekday: number, day: Day, direction: 'last' | 'next'): Day {
  const today = isoWeekday(day);
  return direction === 'last' ? addDays(day, -((today - weekday + 7) % 7 || 7)) : addDays(day, (weekday - today + 7) % 7 || 7);
}

/**
 * "at 1700 EST (2100 GMT) November 17": a clock time given in two zones is on the day after them, each its own TIME.
 */
function timesInTwoZones(sentence: string, candidates: Candidate[]): Candidate[] {
  const twoZones = (a?: Candidate, b?: Candidate) => a?.grain === 'time' && b?.grain === 'time' && /^\s*\(\s*$/.test(sentence.slice(a.end, b.start));
  const dayAfter = (b: Candidate, d?: Candidate) => d?.grain === 'day' && /^\s*\)\s*(?:,\s*)?(?:on\s+)?$/i.test(sentence.slice(b.end, d.start));
  return candidates.map((c, i) => {
    const [before, next, second] = [candidates[i - 1], candidates[i + 1], candidates[i + 2]];
    const day = twoZones(c, next) && dayAfter(next, second) ? second : twoZones(before, c) && dayAfter(c, next) ? next : null;
    return day ? { ...c, grain: undefined, resolve: (ctx) => withTime(day.resolve(ctx), c.time!) } : c;
  });
}

/** "yesterday at 3 p.m.", "3 p.m. on Friday": a day and a clock time next to each other make one TIME. */
function joinDayAndTime(sentence: string, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of candidates) {
    const previous = out[out.length - 1];
    const gap = previous ? sentence.slice(previous.end, c.start) : '';
    const dayThenTime = previous?.grain === 'day' && c.grain === 'time' && /^\s*,?\s*(?:at|around|about)?\s*$/i.test(gap);
    const timeThenDay = previous?.grain === 'time' && c.grain === 'day' && /^\s*,?\s*(?:on)?\s*$/i.test(gap);
    if (dayThenTime || timeThenDay) {
      const day = dayThenTime ? previous : c;
      const time = (dayThenTime ? c : previous).time!;
      out[out.length - 1] = { start: previous.start, end: c.end, resolve: (ctx) => withTime(day.resolve(ctx), time), extendable: previous.extendable };
    } else {
      out.push(c);
    }
  }
  return out;
}

function isDatelinePrefix(before: string): boolean {
  // "WASHINGTON, ", "Geneva [Switzerland], ", "LONDON (Reuters) - ", "Published: ", "Last updated on ".
  const withoutLabel = before.replace(/(?:last\s+)?(?:published|updated|posted|dated?)(?:\s+on)?[\s:]*$/i, '');
  // Capitalized place words ending in punctuation; not a headline's words ("Remembering Oct. 3, 1993").
  if (/^\s*$/.test(withoutLabel)) return true;
  if (withoutLabel.length <= STAMP_REACH) {
    const stamp = withoutLabel.search(STAMP_TIME);
    if (stamp >= 0) return DATELINE_WORDS.test(withoutLabel.slice(0, stamp));
  }
  return DATELINE_WORDS.test(withoutLabel) && /[,:|•–—-]\s*$/.test(withoutLabel);
}

// "REUTER MONEY NEWS HIGHLIGHTS 1145 GMT - APRIL 7": a bulletin's headline stamped with the clock time, its zone and the
// day it went out.
const STAMP_TIME = /\s\d{4}\s?(?:GMT|UTC|[ECMP][SD]T)\s?[-–—]?\s?$/;
const STAMP_REACH = 100;

// A dateline as typed in haste: a few place words in any case ("La paz, march 4 -", "Mexico city,", "GRONINGEN, the
// Netherlands,"), or ending in an abbreviation's point ("LAKE SUCCESS, N.Y. March 3 -"). The dash after the day (past
// an agency's name: ", Reuter -", "(Reuters) -") tells it from a sentence; the words are too few to take time.
const LOOSE_DATELINE_BEFORE = /^\s*(?:[\p{L}\p{N}.'’-]+[\s,]+){0,4}[\p{L}\p{N}.'’-]*[,.]\s*$/u;
const LOOSE_DATELINE_REACH = 60;
// Such a dateline opens the article's body, the first paragraph or the one after the headline: further on, a few words,
// a comma, a day and a dash are a sentence ("In the meantime, March 4 - the deadline - passes").
const LOOSE_DATELINE_PARAGRAPHS = 2;
const DASH_AFTER_DATELINE = /^\s*(?:,\s*\p{L}+\s*|\(\s*\p{L}+\s*\)\s*)?[-–—]/u;

function isLooseDateline(before: string, after: string): boolean {
  return before.length <= LOOSE_DATELINE_REACH && LOOSE_DATELINE_BEFORE.test(before) && DASH_AFTER_DATELINE.test(after);
}

// Capitalized words between runs of space and punctuation. Each word and each run is taken whole (the lookahead and
// back-reference make the group atomic), so a long line that is no dateline fails at once instead of backtracking.
const DATELINE_WORDS = /^(?=([\s\p{P}|]*))\1(?:\p{Lu}(?=([\p{L}.'’-]*))\2(?=([\s\p{P}|]*))\3)*$/u;
