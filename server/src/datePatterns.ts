// The date and time expressions that chrono-node does not read, or does not read the TimeML way: durations, sets,
// quarters and halves, seasons, decades and centuries, fiscal years, holidays, relative periods ("last week",
// "earlier this month", "two years ago"), references to the present, past and future, and bare years. Each match is a
// Candidate: a span of the sentence and how to resolve it once the article's date and the clause's tense are known.
// Extents follow TimeML: determiners and modifiers are inside ("the past three months", "nearly four years ago",
// "early next year"), prepositions outside ("in 1998", "for two weeks").
import {
  DAY_WINDOW,
  type Context,
  type Focus,
  type Modifier,
  type Resolved,
  type Resolver,
  type Tense,
  choose,
  comparedMonth,
  comparedQuarter,
  comparedYear,
  dayOfTime,
  fixed,
  lastCompletedQuarter,
  modifierOf,
  quarterInFocus,
  quarterNamedAhead,
  quarterToFollow,
  relativeTo,
  resolveMonth,
  resolveMonthDay,
  resolveQuarter,
  resolveSeason,
} from './dateContext';
import {
  type Day,
  MONTH_NAMES,
  WEEKDAY_NAMES,
  addDays,
  addMonths,
  dayNumber,
  formatDay,
  isValidDay,
  isoWeek,
  isoWeekday,
  pad,
  parseDay,
  quarterOf,
  shiftValue,
} from './timex';
import { firstStartingFrom } from './text';
import type { Span, TimexType } from './types';

export interface Candidate extends Span {
  resolve: Resolver;
  /** 'day' when it names one day (it can take a clock time), 'time' for a clock time or part of day on its own. */
  grain?: 'day' | 'time';
  /** For grain 'time': the TIMEX3 time part, "15:00" or "MO". */
  time?: string;
  /** May take a leading "early", "late", "mid-", "the end of" into its extent. */
  extendable?: boolean;
}

type Match = RegExpExecArray & { groups: Record<string, string | undefined> };

// Numbers --------------------------------------------------------------------------------------------------------

const ONES = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const WORD_VALUES = new Map<string, number>([
  ...ONES.map((w, i) => [w, i + 1] as [string, number]),
  ...TEENS.map((w, i) => [w, i + 10] as [string, number]),
  ...TENS.map((w, i) => [w, (i + 2) * 10] as [string, number]),
  ['a', 1], ['an', 1], ['another', 1], ['couple', 2], ['dozen', 12], ['hundred', 100], ['thousand', 1000],
]);
const CARDINAL =
  `(?:\\d+(?:\\.\\d+)?|(?:${TENS.join('|')})(?:[\\s-](?:${ONES.join('|')}))?|${TEENS.join('|')}|${ONES.join('|')}` +
  `|(?:a|one|two|three|four|five)\\s+(?:hundred|thousand)|a\\s+dozen|a\\s+couple(?:\\s+of)?|couple\\s+of)`;
const VAGUE_AMOUNT = `(?:a\\s+few|few|several|some|many|dozens\\s+of|hundreds\\s+of|thousands\\s+of|a\\s+number\\s+of)`;
const AMOUNT = `(?:${VAGUE_AMOUNT}|(?:a[\\s-]+)?(?:quarter|half)[\\s-]+of[\\s-]+an?|three[\\s-]+quarters[\\s-]+of[\\s-]+an?|half(?:[\\s-]+an?)?|${CARDINAL}(?:\\s*(?:to|or|-|–)\\s*${CARDINAL})?(?:[\\s-]+and[\\s-]+a[\\s-]+half|\\s+1\\/2)?|another|an?)`;

/** The number an amount names, or 'X' for "a few", "several", "two to three". */
function amountOf(amount: string): number | 'X' {
  const w = amount.toLowerCase().trim();
  if (/\b(?:few|several|some|many|dozens|hundreds|thousands|number)\b|\d\s*(?:to|or|-|–)\s*\d|\b(?:to|or)\b/.test(w)) return 'X';
  const half = /(?:[\s-]+and[\s-]+a[\s-]+half|\s+1\/2)$/.test(w) ? 0.5 : 0;
  // "half an hour", "a half-hour", "a quarter-of-an-hour", "three quarters of an hour".
  const fraction = /^(?:an?[\s-]+)?(?:(?<half>half)|(?<three>three[\s-]+)?quarters?[\s-]+of)(?:[\s-]+an?)?$/.exec(w);
  if (fraction) return fraction.groups!.half ? 0.5 : fraction.groups!.three ? 0.75 : 0.25;
  const core = w.replace(/(?:[\s-]+and[\s-]+a[\s-]+half|\s+1\/2)$/, '');
  if (/^\d/.test(core)) return Number(core) + half;
  if (/\bcouple\b/.test(core)) return 2 + half;
  let total = 0;
  let current = 0;
  const words = core.split(/[\s-]+/);
  for (const [i, word] of words.entries()) {
    if (word === 'of' || (/^an?$/.test(word) && i < words.length - 1)) continue;
    const n = WORD_VALUES.get(word);
    if (n === undefined) return 'X';
    if (n === 100 || n === 1000) {
      total += (current || 1) * n;
      current = 0;
    } else {
      current += n;
    }
  }
  return total + current + half;
}

// Units ----------------------------------------------------------------------------------------------------------

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'century' | 'millennium';
const UNIT = `(?:(?:trading|business|working|calendar)\\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies)|millenni(?:um|a))`;

function unitOf(word: string): Unit {
  const w = word.toLowerCase().replace(/^(?:trading|business|working|calendar)\s+/, '');
  if (w.startsWith('centur')) return 'century';
  if (w.startsWith('millenni')) return 'millennium';
  if (w.startsWith('fortnight')) return 'week';
  return w.replace(/s$/, '') as Unit;
}

// TIMEX3 duration parts: [code, in the time part (PT...), the next smaller unit and how many of it make one].
const DURATION_CODES: Record<Unit, [string, boolean, [string, boolean, number] | null]> = {
  second: ['S', true, null],
  minute: ['M', true, ['S', true, 60]],
  hour: ['H', true, ['M', true, 60]],
  day: ['D', false, ['H', true, 24]],
  week: ['W', false, ['D', false, 7]],
  month: ['M', false, ['D', false, 30]],
  quarter: ['Q', false, ['M', false, 3]],
  year: ['Y', false, ['M', false, 12]],
  decade: ['Y', false, null],
  century: ['Y', false, null],
  millennium: ['Y', false, null],
};
const YEARS_IN: Partial<Record<Unit, number>> = { decade: 10, century: 100, millennium: 1000 };
const VAGUE_CODES: Partial<Record<Unit, string>> = { decade: 'DE', century: 'C', millennium: 'L' };

/** The TIMEX3 duration: 3 days is P3D, 2 hours PT2H, 2 1/2 years P2Y6M, two decades P20Y, a few weeks PXW. */
function durationValue(amount: number | 'X', unit: Unit): string {
  const [code, isTime, smaller] = DURATION_CODES[unit];
  const part = (n: string, c: string, time: boolean) => ({ n, c, time });
  const parts = [];
  if (amount === 'X') {
    parts.push(part('X', VAGUE_CODES[unit] ?? code, isTime));
  } else {
    const whole = Math.floor(amount);
    const fraction = amount - whole;
    const years = YEARS_IN[unit];
    if (years) parts.push(part(String(Math.round(amount * years)), 'Y', false));
    else {
      // 2 1/2 years is P2Y6M; 32.93 seconds, with no smaller unit, PT32.93S.
      if (fraction && !smaller) parts.push(part(String(amount), code, isTime));
      else {
        if (whole) parts.push(part(String(whole), code, isTime));
        if (fraction && smaller) parts.push(part(String(Math.round(fraction * smaller[2])), smaller[0], smaller[1]));
      }
    }
  }
  let value = 'P';
  let inTime = false;
  for (const p of parts) {
    if (p.time && !inTime) {
      value += 'T';
      inTime = true;
    }
    value += p.n + p.c;
  }
  return value === 'P' ? 'PXX' : value;
}

/** A calendar value `n` units away from the reference day, at the unit's own granularity. */
function unitsFrom(reference: Day, unit: Unit, n: number): string {
  switch (unit) {
    case 'second':
    case 'minute':
    case 'hour':
      return formatDay(reference);
    case 'day':
      return formatDay(addDays(reference, Math.round(n)));
    case 'week':
      return isoWeek(addDays(reference, Math.round(7 * n)));
    case 'month': {
      const [year, month] = addMonths(reference.year, reference.month, Math.round(n));
      return `${pad(year, 4)}-${pad(month)}`;
    }
    case 'quarter':
      return shiftValue(`${pad(reference.year, 4)}-Q${quarterOf(reference)}`, 'Q', Math.round(n));
    default:
      return pad(reference.year + Math.round(n * (YEARS_IN[unit] ?? 1)), 4);
  }
}

// Shared words ---------------------------------------------------------------------------------------------------

const MONTHS = MONTH_NAMES.map((m) => m.toLowerCase());
const WEEKDAYS = WEEKDAY_NAMES.map((w) => w.toLowerCase());
const PART_OF_DAY: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', midday: 'MI' };
const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };

/** How many units from the reference a modifier points: last/past -1, next/coming +1, this 0. */
function stepOf(modifier: Modifier): number {
  return modifier === 'last' ? -1 : modifier === 'next' ? 1 : 0;
}

// After a preposition "a week" is a stretch, even after a number ("the truce of Sept. 9 held for a week").
const PREPOSITION_BEFORE = /\b(?:for|in|within|over|after|during|throughout|lasting)\s*$/i;
// A rate, not a duration: "$500 million a year", "700 seats a week", "24 hours a day".
const RATE_BEFORE = new RegExp(
  `(?:(?:\\d[\\d,.]*|\\b(?:${[...ONES, ...TEENS, ...TENS].join('|')}))\\s*(?:%|percent|pct|cents?|million|billion|thousand|mln|bln|bn)?(?:\\s+(?:of\\s+)?\\p{L}+){0,2}|\\b(?:once|twice|times))\\s*$`,
  'iu',
);

// The recognizers ------------------------------------------------------------------------------------------------

interface Recognizer {
  pattern: RegExp;
  /**
   * A fast test that every match of `pattern` passes, so that most sentences skip the large pattern: words one of which
   * each of the pattern's alternatives spells out, with the pattern's case flags (test/unit/datePatterns.test.ts).
   */
  trigger: RegExp;
  /** The candidate for a match in the sentence (two for the ends of a span, "1991-92"), or null to skip it. */
  make: (m: Match, sentence: string) => Candidate | Candidate[] | null;
}

const span = (m: Match, start = m.index, end = m.index + m[0].length) => ({ start, end });

const DURATION_LEAD =
  '(?:nearly|almost|about|around|roughly|approximately|some|only|just|barely|fully|at\\s+least|at\\s+most|more\\s+than|less\\s+than|fewer\\s+than|' +
  'no\\s+more\\s+than|no\\s+less\\s+than|not\\s+more\\s+than|over|under|up\\s+to|well\\s+over|another|an\\s+additional|an\\s+extra|a\\s+further|each\\s+of|all\\s+of)';
const DURATION_DETERMINER =
  '(?:(?:the|its|their|his|her|our|these|those)\\s+)?(?:(?:past|last|next|first|final|latest|previous|coming|following|remaining|initial|ensuing|preceding|early)\\s+)';

/** A capitalized word inside the sentence, right before a match: a name the match is part of. */
const CAPITALIZED_WORD_BEFORE = /(?<=\S\s+)\p{Lu}\p{L}*\s+$/u;

// A clause's subject after "one day", which makes it "some day": "One day you will", "one day, the company".
const SOME_DAY_AFTER = /^(?:\s*,)?\s+(?:I|you|we|he|she|they|it|there|this|that|someone|somebody|everyone|people|the\s+\p{L}+\s+(?:will|would|could|might|may|can|was|were|is|are|had|has))\b/u;
const SOME_DAY_FUTURE = /\b(?:will|shall|would|could|might|may|can|hopes?|wants?|going\s+to)\b|'ll\b/;

const MODAL_BEFORE = /(?:\b(?:will|shall|would|could|might|may|can)|'ll)\s+$/i;

/** Units below a month, for which "later" and "earlier" measure a stretch rather than name a calendar point. */
const SHORT_UNITS = new Set<Unit>(['second', 'minute', 'hour', 'day', 'week']);

const duration: Recognizer = {
  trigger: /second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur|millenni/i,
  pattern: new RegExp(
    `\\b(?<lead>${DURATION_LEAD}\\s+)?(?<det>${DURATION_DETERMINER}|(?:the|these|those)\\s+)?(?<amount>${AMOUNT})` +
      `(?:\\s+(?:more|additional|extra|full|straight|consecutive|long))?(?<sep>[\\s-]+)(?<unit>${UNIT})(?<adjective>-(?:old|long))?\\b(?!-[a-z])` +
      `(?<half>\\s+and\\s+a\\s+half)?(?<orso>\\s+or\\s+(?:so|more|longer))?(?<relation>\\s+(?:ago|earlier|later|from\\s+now|hence|back))?\\b`,
    'gi',
  ),
  make(m, sentence) {
    const g = m.groups;
    // "60 Minutes", "Six Days War": a capitalized unit inside a sentence is part of a name.
    if (/^\p{Lu}/u.test(g.unit!) && m.index > 0) return null;
    // "a thrill-a-minute film", the "half year" of "two-and-a-half year": inside a hyphenated word.
    if (/[A-Za-z0-9]-$/.test(sentence.slice(Math.max(0, m.index - 2), m.index))) return null;
    const unit = unitOf(g.unit!);
    const amountWords = g.amount!.toLowerCase();
    // "might some day find themselves": a time to come, no stretch ("some days" is one).
    if (amountWords === 'some' && /^day$/i.test(g.unit!)) return null;
    let start = m.index;
    // "over the past three years": "over" is a preposition here, only "over a week" keeps it. "only five hours", "just
    // a decade ago": focus words, not part of the amount.
    if (g.lead && ((g.det && /^(?:over|under)\s/i.test(g.lead)) || /^(?:only|just|barely)\s/i.test(g.lead))) start += g.lead.length;
    // "the five-year war": an adjective, whose determiner belongs to the noun.
    // "the final half-hour of trading" is a noun, which keeps its determiner.
    const noun = /^\s*(?:of\b|[^\s\p{L}]|$)/u.test(sentence.slice(m.index + m[0].length));
    if (/-/.test(g.sep!) && !noun) start = m.index + m[0].indexOf(g.amount!, (g.lead?.length ?? 0) + (g.det?.length ?? 0));
    const bareArticle = /^an?$/.test(amountWords);
    const before = sentence.slice(0, m.index);
    if (bareArticle && !g.lead && !g.det && !g.relation && RATE_BEFORE.test(before) && !PREPOSITION_BEFORE.test(before)) return null;
    // "a second meeting", "three-quarters of", "a quarter of the vote": not durations; "a centuries-long feud" is
    // the feud's article, as is "a day-long meeting"'s.
    if ((unit === 'second' || /s$/i.test(g.unit!) || g.adjective) && bareArticle) return null;
    const fraction = /^(?:an?|one|two|three)$/.test(amountWords) && /^\s*of\b/i.test(sentence.slice(m.index + m[0].length));
    // "a quarter percentage point cut", "by a quarter point": a fraction of a point of interest. "More than a quarter
    // have bought", "Almost a quarter, 22%, said": a fraction of people, the subject of a verb or given as a share.
    const after = sentence.slice(m.index + m[0].length);
    const ofPoint = /^[\s-]+(?:percentage[\s-]+)?points?\b/i.test(after);
    const share = /^(?:\s+(?:have|has|are|were|had|said|say|says|think|thought|believe|believed|want|wanted|agree|agreed)\b|,\s*\d[\d.]*\s*(?:%|pct|per\s?cent))/i.test(after);
    if (unit === 'quarter' && (fraction || ofPoint || share || /-/.test(g.sep!))) return null;
    if (g.adjective && g.relation) return null;
    // Ages ("a 6-year-old", "62 years old") are not times.
    if ((unit === 'year' && /old/i.test(g.adjective ?? '')) || /^\s+old\b/i.test(sentence.slice(m.index + m[0].length))) return null;
    // "the 2005 year": a year by its number, not two thousand years; "the 1988 quarter" is that year's quarter, which
    // QUARTER_REFERENCE reads.
    // So are "the 1986 calendar year" and "1986 full-year earnings"; "the same 1985 month", "the first two 1987 months"
    // (no one counts 1,987 months) are months of that year, the year read alone.
    if (/^(?:19|20)\d\d$/.test(g.amount!)) {
      if (/^(?:(?:calendar\s+)?year|quarter)$/i.test(g.unit!) && (!/-/.test(g.sep!) || /\d\s+full-year$/i.test(m[0]))) {
        return unit === 'year' ? { ...span(m, start), resolve: fixed('DATE', g.amount!), extendable: true } : null;
      }
      if (unit === 'month') {
        const at = m.index + m[0].indexOf(g.amount!);
        return { ...span(m, at, at + g.amount!.length), resolve: fixed('DATE', g.amount!), extendable: true };
      }
    }
    // "One day you will tell your children": some day, not a stretch of one day.
    if (amountWords === 'one' && unit === 'day' && !g.lead && !g.det && !g.relation && !/-/.test(g.sep!) && SOME_DAY_AFTER.test(sentence.slice(m.index + m[0].length))) {
      if (PREPOSITION_BEFORE.test(sentence.slice(0, m.index)) || /\b(?:a|the|for|than|of|per)\s*$/i.test(sentence.slice(0, m.index))) return null;
      const clause = sentence.slice(m.index + m[0].length).split(/[.;:!?]/)[0];
      const value = !SOME_DAY_FUTURE.test(clause) && /\b(?:was|were|had|did|\p{L}{3,}ed)\b/u.test(clause) ? 'PAST_REF' : 'FUTURE_REF';
      return { ...span(m, start), resolve: fixed('DATE', value) };
    }
    // "Islam will one day be the second largest religion": after a modal, some day to come.
    if (amountWords === 'one' && unit === 'day' && !g.lead && !g.det && !g.relation && /^\s+$/.test(g.sep!) && MODAL_BEFORE.test(sentence.slice(0, m.index))) {
      return { ...span(m, start), resolve: fixed('DATE', 'FUTURE_REF') };
    }
    let amount = amountOf(g.amount!);
    if (g.half && amount !== 'X') amount += 0.5;
    // A fortnight is two weeks: "a fortnight ago" is the week before last.
    if (/^fortnight/i.test(g.unit!) && amount !== 'X') amount *= 2;
    // "three days later", "an hour earlier": TimeML marks the stretch as a DURATION and "later" as its signal; the point
    // is anchored to an event, not to the article's date. Years keep "a year earlier" as the date of the comparison.
    if (g.relation && /earlier|later/i.test(g.relation) && SHORT_UNITS.has(unit)) {
      return { start, end: m.index + m[0].length - g.relation.length, resolve: fixed('DURATION', durationValue(amount, unit)) };
    }
    if (g.relation) {
      const direction = /ago|earlier|back/i.test(g.relation) ? -1 : 1;
      return { ...span(m, start), resolve: relativeUnits(amount, unit, direction, /earlier|later/i.test(g.relation)), extendable: true, grain: unit === 'day' ? 'day' : undefined };
    }
    return { ...span(m, start), resolve: fixed('DURATION', durationValue(amount, unit)) };
  },
};

/** "two years ago", "a year earlier", "three days later": a point `amount` units from the reference (or the focus). */
function relativeUnits(amount: number | 'X', unit: Unit, direction: number, fromFocus: boolean): Resolver {
  return (context) => {
    if (amount === 'X') return { type: 'DATE', value: direction < 0 ? 'PAST_REF' : 'FUTURE_REF', anchor: 'text' };
    // "Exports grew in 2014 from a year earlier": the year the sentence states, counted back.
    const year = unit === 'year' && fromFocus && direction < 0 ? comparedYear(context.focus) : null;
    if (year !== null) return { type: 'DATE', value: pad(year - amount, 4), anchor: 'earlier-date', setsFocus: false };
    // In results reporting, "a year earlier" and "a year ago" compare with the same quarter of the year before.
    const quarter = comparedQuarter(context.focus);
    if (unit === 'year' && amount === 1 && quarter) {
      return { type: 'DATE', value: shiftValue(quarter, 'Y', direction), anchor: 'earlier-date', setsFocus: false };
    }
    // And with the month its sentence reports on: "car production in May fell 11 pct from a year earlier", "rose 1.8 pct
    // in February after rising 4.2 pct a month earlier".
    const month = ((unit === 'year' && amount === 1) || (unit === 'month' && Number.isInteger(amount))) && direction < 0 ? comparedMonth(context.focus) : null;
    if (month) return { type: 'DATE', value: shiftValue(month, unit === 'year' ? 'Y' : 'M', -amount), anchor: 'earlier-date', setsFocus: false };
    // "a year later" after "in 2001" is 2002: a later point counts from the date last named. "A year earlier" is
    // results reporting's comparison with the article's own year.
    const earlier = !fromFocus ? null : unit === 'day' || unit === 'week' ? context.focus.day : direction > 0 ? focusAnchor(context.focus, unit) : null;
    const from = earlier ?? context.reference;
    const anchor = earlier ? 'earlier-date' : 'article-date';
    if (!from) return { type: 'DATE', value: unknownPeriod(unit), anchor };
    return { type: 'DATE', value: unitsFrom(from, unit, direction * amount), anchor };
  };
}

// "this week", "last month", "the past year", "earlier this month", "early next year", "the coming spring". Not "the
// last year of his term", but "a loss last year of 1.9 mln", whose amount is the loss's.
const RELATIVE_PERIOD: Recognizer = {
  trigger: /week|fortnight|month|year|quarter|decade|century|spring|summer|fall|autumn|winter/i,
  pattern: new RegExp(
    '\\b(?<pre>(?:early|late|mid|earlier|later|(?:the\\s+)?(?:end|beginning|start|middle)\\s+of|sometime)[\\s-]+(?:in\\s+)?)?' +
      '(?<mod>this\\s+past|this\\s+coming|the\\s+past|the\\s+last|the\\s+next|the\\s+coming|the\\s+current|the\\s+previous|the\\s+preceding|the\\s+following|the\\s+latest|the\\s+same|that\\s+same|this|last|next|past|coming|current|previous|that)\\s+' +
      '(?<unit>week|weekend|fortnight|month|year|quarter|decade|century|fiscal\\s+year|spring|summer|fall|autumn|winter)\\b(?:\\s+or\\s+so\\b)?(?!-|\\s+or\\b|\\s+of\\b(?!\\s+(?:(?!(?:1[6-9]|20)\\d\\d\\b)[\\d$£€¥]|(?:about|around|nearly|almost|some|more|less|only|just|up)\\b)))',
    'gi',
  ),
  make(m, sentence) {
    const g = m.groups;
    // "This Week" (a programme), "Next Year" in a title.
    if (/^\p{Lu}/u.test(g.unit!)) return null;
    const unitWords = g.unit!.toLowerCase().replace(/\s+/g, ' ');
    const modWords = g.mod!.toLowerCase().replace(/\s+/g, ' ');
    const modifier = modifierOf(modWords);
    // "over the past fortnight", "in the next fortnight": two weeks up to now or from now, as "the past two weeks" is.
    if (unitWords === 'fortnight') return !g.pre && (modifier === 'last' || modifier === 'next') ? { ...span(m), resolve: fixed('DURATION', 'P2W') } : null;
    if (/^(?:that|the same|that same)$/.test(modWords)) return { ...span(m), resolve: focusPeriod(unitWords), extendable: true };
    if (!modifier) return null;
    // "the following month", "the previous year": next to the date the article last mentioned, not to its own date.
    const fromFocus = /following|previous|preceding/.test(modWords);
    const step = stepOf(modifier);
    // "the past decade" is the ten years up to now; "the last decade" the decade before this one.
    if (unitWords === 'decade' && /past/.test(modWords)) return { ...span(m), resolve: fixed('DURATION', 'P10Y') };
    if (unitWords === 'century' && /past/.test(modWords)) return { ...span(m), resolve: fixed('DURATION', 'P100Y') };
    if (SEASONS[unitWords]) {
      if (isDrop(unitWords, modWords, sentence.slice(m.index + m[0].length))) return null;
      const season = SEASONS[unitWords];
      return { ...span(m), resolve: relativeTo('DATE', `XXXX-${season}`, (ref, ctx) => resolveSeason(season, ref, ctx.tense, modifier)), extendable: true };
    }
    if (fromFocus) return { ...span(m), resolve: nextToNamedPeriod(unitWords, step), extendable: true };
    const comparison = modWords === 'last' && unitWords === 'year' && !g.pre && isComparison(sentence, m);
    const resolve: Resolver = (context) => {
      // "Profit was $24 million, compared with $3 million last year": in results reporting, the same quarter a year before.
      const quarter = comparison ? comparedQuarter(context.focus) : null;
      if (quarter) return { type: 'DATE', value: shiftValue(quarter, 'Y', -1), anchor: 'earlier-date', setsFocus: false };
      const from = context.reference;
      if (!from) return { type: 'DATE', value: unknownPeriod(unitWords), anchor: 'article-date' };
      // "the past week", "this past week": the seven days up to the date, in the week that holds most of them (this
      // week's from a Thursday on); "last week" is the calendar week before.
      if (unitWords === 'week' && /^(?:the past|the last|this past)$/.test(modWords)) return { type: 'DATE', value: isoWeek(addDays(from, -3)), anchor: 'article-date' };
      return { type: 'DATE', value: periodValue(unitWords, from, step, context), anchor: 'article-date' };
    };
    return { ...span(m), resolve, extendable: true };
  },
};

/**
 * The period `step` units from the one the article named last ("the previous year"), else from the article's date. A
 * period before is what the named one is compared with ("sales of 41,800 tonnes were 10 times the previous week"), so
 * the named one stays the focus; one after moves the story on ("the following year").
 */
function nextToNamedPeriod(unit: string, step: number): Resolver {
  return (context) => {
    // A quarter is counted from the quarter named ("the fourth quarter", no article date, still has "XXXX-Q3" before it).
    const quarter = unit !== 'quarter' ? null : step > 0 ? quarterToFollow(context.focus) : quarterInFocus(context.focus);
    if (quarter) return { type: 'DATE', value: shiftValue(quarter, 'Q', step), anchor: 'earlier-date', setsFocus: step > 0 };
    const earlier = focusAnchor(context.focus, unit);
    const from = earlier ?? context.reference;
    const anchor = earlier ? 'earlier-date' : 'article-date';
    return { type: 'DATE', value: from ? periodValue(unit, from, step, context) : unknownPeriod(unit), anchor, setsFocus: step > 0 };
  };
}

// "the year before", "the month after": next to the period the article named last, as "the previous year" is. Only
// at the end of a phrase: "the month before the vote" is counted from the vote.
const PERIOD_BEFORE_OR_AFTER: Recognizer = {
  trigger: /(?:week|month|year)\s+(?:before|after)/i,
  pattern: /\bthe\s+(?<unit>week|month|year)\s+(?<rel>before|after)(?=\s*(?:[.,;:!?)]|$))/gi,
  make(m) {
    const step = m.groups.rel!.toLowerCase() === 'before' ? -1 : 1;
    return { ...span(m), resolve: nextToNamedPeriod(m.groups.unit!.toLowerCase(), step), extendable: true };
  },
};

/**
 * Whether the expression gives the time of an amount compared with: "compared with $3 million last year", "from 12%
 * last year", "up from last year's $1.5 billion".
 */
function isComparison(sentence: string, m: RegExpMatchArray): boolean {
  const before = sentence.slice(0, m.index);
  const after = sentence.slice(m.index! + m[0].length);
  if (/\b(?:same|corresponding|comparable)\s+\p{L}+\s+$/iu.test(before)) return false;
  const amountBefore = /\b(?:from|compared\s+(?:with|to)|against|versus|vs\.)\s+(?:an?\s+)?(?:\p{L}+\s+){0,3}?[$£€]?\d[^.;:]{0,40}$/iu;
  return amountBefore.test(before) || (/\bfrom\s+$/i.test(before) && /^['’]s\s+(?:\p{L}+\s+){0,2}[$£€]?\d/u.test(after));
}

function unknownPeriod(unit: string): string {
  const values: Record<string, string> = { decade: 'XXX', century: 'XX', second: 'XXXX-XX-XX', minute: 'XXXX-XX-XX', hour: 'XXXX-XX-XX', day: 'XXXX-XX-XX', week: 'XXXX-WXX', weekend: 'XXXX-WXX-WE', month: 'XXXX-XX', quarter: 'XXXX-QX' };
  return values[unit] ?? 'XXXX';
}

function periodValue(unit: string, from: Day, step: number, context: Context): string {
  switch (unit) {
    case 'week':
      return isoWeek(addDays(from, 7 * step));
    case 'weekend':
      return `${isoWeek(addDays(from, 7 * step + (step === 0 ? weekendShift(from, context) : 0)))}-WE`;
    case 'month':
    case 'quarter':
      return unitsFrom(from, unit, step);
    case 'decade':
      return String(Math.floor(from.year / 10) + step);
    case 'century':
      return pad(Math.floor(from.year / 100) + step, 2);
    default:
      return pad(from.year + step, 4);
  }
}

/** "the weekend" in a past clause, said on a weekday, is the one before; else this week's. */
function weekendShift(day: Day, context: Context): number {
  return isoWeekday(day) < 6 && context.tense !== 'future' ? -7 : 0;
}

/** "that week", "the same month", "that year": the period of the last date the article mentioned. */
function focusPeriod(unit: string): Resolver {
  return (context) => {
    // "Back in 1994 ... constant in that decade": with no decade named, the ten years since the point last named.
    if (unit === 'decade') {
      const decade = context.focus.decade;
      return decade ? { type: 'DATE', value: decade, anchor: 'earlier-date' } : { type: 'DURATION', value: 'P10Y', anchor: 'text' };
    }
    const from = focusAnchor(context.focus, unit);
    return { type: 'DATE', value: from ? periodValue(unit, from, 0, context) : unknownPeriod(unit), anchor: 'earlier-date' };
  };
}

/** The last date the article mentioned at a unit's grain: a week needs a day, a month a month, a year a year. */
function focusAnchor(focus: Focus, unit: string): Day | null {
  // "that quarter" after "the second quarter ended Oct. 31" is the quarter named, not the one the day falls in.
  const quarter = unit === 'quarter' ? quarterInFocus(focus) : null;
  if (quarter && !quarter.startsWith('XXXX')) return { year: Number(quarter.slice(0, 4)), month: 3 * Number(quarter.slice(-1)) - 2, day: 1 };
  if (unit === 'month' || unit === 'quarter') return focus.month;
  if (unit === 'week' || unit === 'weekend') return focus.week;
  return focus.year === null ? null : { year: focus.year, month: 1, day: 1 };
}

// "February this year", "March last year", "in May next year".
const MONTH_OF_YEAR: Recognizer = {
  trigger: /year/,
  pattern: new RegExp(`\\b(?<month>${MONTH_NAMES.join('|')})\\s+(?<which>this|last|next)\\s+year\\b`, 'g'),
  make(m) {
    const month = MONTH_NAMES.indexOf(m.groups.month!) + 1;
    const step = { this: 0, last: -1, next: 1 }[m.groups.which!]!;
    return { ...span(m), resolve: relativeTo('DATE', `XXXX-${pad(month)}`, (ref) => `${pad(ref.year + step, 4)}-${pad(month)}`), extendable: true };
  },
};

// A month on its own: "last May", "in March", "the October slaying", "December's figures"; the month-and-day forms
// are chrono-node's. "May" and "March" are also words, so a month needs a time word before it or a possessive after.
const MONTH_ABBREVIATIONS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'Aug.', 'Sept.', 'Sep.', 'Oct.', 'Nov.', 'Dec.'];
const MONTH_WORD = `(?:${MONTH_NAMES.join('|')}|${MONTH_ABBREVIATIONS.map((a) => a.replace('.', '\\.')).join('|')})`;
// An all-capitals headline's "END-FEBRUARY", "MID-MAY": a month after the prefix is a month whatever its case.
const CAPITAL_MONTH_AFTER_EDGE = `(?<=\\b(?:END|MID)-)(?:${MONTH_NAMES.map((name) => name.toUpperCase()).join('|')})`;
const MONTH_CONTEXT_BEFORE =
  /\b(?:in|into|since|until|till|by|from|through|throughout|during|before|after|of|for|to|and|or|between|the|a|an|this|that|last|next|early|late|mid|past|coming)[\s-]+$/i;
const MONTH_PAIRED_BEFORE = new RegExp(`\\b(?:in|into|from|between|since|during|of|until|through|by)\\s+${MONTH_WORD}\\s*(?:,\\s*)?(?:and|or|to|through|until|till|-|–)\\s*$`);
// Months joined to one another ("March/April rains", "between May and July", "late January, February and March") are
// months like their neighbours, wherever the list stands. Commas alone make no list ("In January, March Networks
// said"), nor do names around it ("Theresa May and June Smith").
const MONTH_LIST = new RegExp(
  `(?<![\\p{L}\\p{N}])${MONTH_WORD}(?:(?:\\s*[/–-]\\s*|\\s*,\\s*|,?\\s+(?:and|or|to|through)\\s+)(?:(?:early|late|mid)[\\s-]+)?${MONTH_WORD})+(?![\\p{L}\\p{N}])`,
  'gu',
);
// The word a list follows, read from its start only: a long run of letters is read once, not once a letter.
const WORD_BEFORE_LIST = /(?<!\p{L})\p{L}+(?=\s+$)/u;
const SENTENCE_OPENS_BEFORE = /(?:[.!?]\s*|^\W*)$/u;

/**
 * Whether a name stands before a list ("Theresa May and June"): a capitalized word that does not open the sentence, or
 * one with a capital inside ("McDonald").
 */
function nameBeforeList(before: string): boolean {
  const word = WORD_BEFORE_LIST.exec(before);
  if (!word) return false;
  if (/\p{Lu}/u.test(word[0].slice(1))) return true;
  return /^\p{Lu}/u.test(word[0]) && !SENTENCE_OPENS_BEFORE.test(before.slice(0, word.index));
}

// The year a list of months ends with is all its months' ("in April, August and December last year"); the first of a
// span of years is its first month's ("April/January 1986/87").
const LIST_YEAR = /^,?\s+(?:of\s+)?(?:(?<which>this|last|next)\s+year|(?<that>that|the\s+same)\s+year|(?<year>(?:19|20)\d\d)(?:(?<span>\s*[-–/]\s*)\d|(?![\p{L}\p{N}])))/u;

interface ListPlace {
  first: boolean;
  /** The list's last month (1-12). */
  last: number;
  year: RegExpExecArray['groups'] | null;
  /** Whether the list's published figures follow it ("January-September figures"). */
  published: boolean;
}

type MonthList = Omit<ListPlace, 'first'> & Span;

/**
 * The lists of months of the sentence read last: each of its months asks for them, and reading them again for each
 * took months × sentence length (3 s for a 20,000-character list of months).
 */
let listsRead: { sentence: string; lists: MonthList[] } = { sentence: '', lists: [] };

/** Where the month at `start` stands in a list of months, and the year the list ends with; null when in none. */
function placeInMonthList(sentence: string, start: number): ListPlace | null {
  if (listsRead.sentence !== sentence) listsRead = { sentence, lists: monthLists(sentence) };
  const list = listsRead.lists.find((l) => l.start <= start && start < l.end);
  return list ? { first: start === list.start, last: list.last, year: list.year, published: list.published } : null;
}

/** The sentence's runs of months (MONTH_LIST) that are lists. */
function monthLists(sentence: string): MonthList[] {
  const lists: MonthList[] = [];
  for (const list of sentence.matchAll(MONTH_LIST)) {
    const end = list.index + list[0].length;
    const separators = list[0].replace(/\b(?:early|late|mid)[\s-]+/g, '').replace(new RegExp(MONTH_WORD, 'g'), '');
    const after = sentence.slice(end);
    const isList = /[/–-]|\b(?:and|or|to|through)\b/.test(separators) && !nameBeforeList(sentence.slice(0, list.index)) && !/^\s+\p{Lu}/u.test(after);
    if (!isList) continue;
    const last = monthNumber(list[0].slice(list[0].search(new RegExp(`${MONTH_WORD}$`))));
    lists.push({ start: list.index, end, last, year: LIST_YEAR.exec(after)?.groups ?? null, published: PUBLISHED_AFTER.test(after) });
  }
  return lists;
}

/**
 * A listed month: in the year the list ends with (a month after the last is in the year before: "November to April
 * 1987"), else after the month before it ("October/September"), the first in the first year of a span of years.
 */
function listedMonth(month: number, place: ListPlace, alone: Resolver): Resolver {
  const year = place.year;
  const at = (y: number): Resolved => ({ type: 'DATE', value: `${pad(y, 4)}-${pad(month)}`, anchor: 'text' });
  const value = (y: number): Resolved => at(month > place.last ? y - 1 : y);
  if (year?.year && year.span === undefined) return () => value(Number(year.year));
  if (year?.year && place.first) return () => at(Number(year.year));
  if (year?.which) {
    const step = { this: 0, last: -1, next: 1 }[year.which as 'this' | 'last' | 'next'];
    return relativeTo('DATE', `XXXX-${pad(month)}`, (ref) => value(ref.year + step).value);
  }
  if (year?.that) return (ctx) => (ctx.focus.year !== null ? { ...value(ctx.focus.year), anchor: 'earlier-date' } : alone(ctx));
  if (place.first) return alone;
  return (ctx) => {
    const before = ctx.focus.month;
    if (!before || !ctx.reference) return alone(ctx);
    return { ...at(before.year + (month <= before.month ? 1 : 0)), anchor: 'earlier-date' };
  };
}

// Figures of a month that are published after it ("January's figures", "December sales"), and, with more that a
// month may also plan or trade ("June index futures", "April deliveries"), the figures a month opening a sentence
// dates, up to two lower-case words on ("February car production").
const PUBLISHED_FIGURES = 'data|figures?|statistics|sales|exports|imports|orders|inventories|surplus|deficit|unemployment|inflation';
const MONTH_FIGURES = `${PUBLISHED_FIGURES}|trade|revenues?|output|production|deliveries|billings|bankruptcies|shipments|earnings|index|prices|volume|traffic`;
const MONTH_FIGURE_AFTER = new RegExp(`^\\s+(?:\\p{Ll}[\\p{Ll}-]*\\s+){0,2}?(?:${MONTH_FIGURES})\\b`, 'u');
// Anywhere in a sentence, a month right before its figure ("said May exports rose", "Brazilian February output"), not
// after its day ("the 9 November traffic explosion" is the day's).
const MONTH_FIGURE_RIGHT_AFTER = new RegExp(`^\\s+(?:${MONTH_FIGURES})\\b`);
// "May" the modal is followed by a verb, which none of these plurals and nouns of figures can be ("May sales rose"),
// or by its subject in a question ("May orders be placed?").
const MAY_FIGURE_RIGHT_AFTER = new RegExp(`^\\s+(?:${PUBLISHED_FIGURES})\\b(?!\\s+(?:be|have|not)\\b)`);
// "Theresa May", "Mrs. May": a capitalised word before "May" makes it a name.
const NAME_BEFORE_MAY = /(?<![\p{L}.'’-])\p{Lu}[\p{L}.'’-]*\s+$/u;
// A month's (or a list of months') published figures right after it (its possessive, or up to two words that are not
// function words): the month is behind, or the current one. A future tense may be the release's ("March data will be
// released Friday", the last March within eight months) or the figure's ("December sales will be strong" in October,
// the coming one): it leaves the month the one a clause without a tense would name.
const PUBLISHED_AFTER = new RegExp(
  `^(?:['’]s)?\\s+(?:(?!(?:on|in|of|for|to|and|or|the|a|an|from|at|by|with)\\b)\\p{Ll}[\\p{Ll}-]*\\s+){0,2}?(?:${PUBLISHED_FIGURES})\\b`,
  'u',
);
function publishedTense(tense: Tense): Tense {
  return tense === 'future' ? 'unknown' : 'completed';
}

// How far back the patterns that end at a month (MONTH_CONTEXT_BEFORE, MONTH_PAIRED_BEFORE) read: all they match is
// a few words long. Reading the whole sentence before each month took time in the square of its months.
const CONTEXT_BEFORE_MONTH = 200;

const MONTH_ALONE: Recognizer = {
  trigger: /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|END-|MID-/u,
  pattern: new RegExp(
    `(?<![\\p{L}\\p{N}])(?<mod>(?:this\\s+past|this\\s+coming|last|next|this|past|coming)\\s+)?(?<month>${MONTH_WORD}|${CAPITAL_MONTH_AFTER_EDGE})(?<possessive>['’]s)?(?![\\p{L}\\p{N}])(?!\\s*,?\\s*\\d|\\s+(?:${MONTH_NAMES.join('|')})\\b)`,
    'gu',
  ),
  make(m, sentence) {
    const g = m.groups;
    const word = g.month!;
    const month = monthNumber(word);
    const before = sentence.slice(0, m.index);
    const after = sentence.slice(m.index + m[0].length);
    // The last words before the month, read alone so that a long sentence is not read again for each of its months:
    // `near` for the words right before it, `context` for the date words and the month it may be paired with.
    const near = before.slice(-40);
    const context = before.slice(-CONTEXT_BEFORE_MONTH);
    const opensSentence = /^\W*$/.test(before);
    // "January is traditionally quiet": a sentence about the month itself, for months that are not also first names.
    const subject = opensSentence && /^\s+(?:is|was|has|had|will|would|saw|brought)\b/.test(after) && !/^(?:May|March|April|June)$/.test(word);
    // "February exports rose", "March revenue passenger miles": a month before the figure it dates, up to two words on
    // when it opens its sentence. "May", a name and a modal, only right before figures published.
    const figure =
      word === 'May'
        ? MAY_FIGURE_RIGHT_AFTER.test(after) && !NAME_BEFORE_MAY.test(near)
        : (MONTH_FIGURE_RIGHT_AFTER.test(after) && !/\d\s*$/.test(near)) || (opensSentence && MONTH_FIGURE_AFTER.test(after));
    const listed = g.mod ? null : placeInMonthList(sentence, m.index);
    // "at end-February", "End-January stocks": the month's end, dated by its month as "the end of February" is.
    const monthEnd = /\bend-$/i.test(near);
    if (!g.mod && !g.possessive && !subject && !figure && !listed && !monthEnd && !MONTH_CONTEXT_BEFORE.test(context)) return null;
    // "the May" is rare but "with May" (a name) and "march" are common: May and March need a date word before them,
    // or another month they are paired with ("between March and May", "from January to March").
    const paired = MONTH_PAIRED_BEFORE.test(context);
    if (/^(?:May|March)$/.test(word) && !g.mod && !paired && !listed && !figure && !monthEnd && !/\b(?:in|into|since|until|till|by|from|through|during|before|after|early|late|mid|last|next|this|of)[\s-]+$/i.test(context)) return null;
    const modifier = modifierOf(g.mod);
    const end = m.index + m[0].length - (g.possessive?.length ?? 0);
    // A list's first month is read alone, so it takes the list's figures: "January-September figures" in October.
    const published = !g.mod && (listed?.published || PUBLISHED_AFTER.test(sentence.slice(end)));
    const resolve = relativeTo('DATE', `XXXX-${pad(month)}`, (ref, ctx) => resolveMonth(month, ref, published ? publishedTense(ctx.tense) : ctx.tense, modifier));
    return { ...span(m, m.index, end), resolve: listed ? listedMonth(month, listed, resolve) : resolve, extendable: true };
  },
};

function monthNumber(word: string): number {
  const w = word.toLowerCase().replace('.', '');
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3))) + 1;
}

// "June one", "August six": a day of the month in words, a wire style. A number word after a month is its day only
// before punctuation or a preposition ("redeemed June one at par"), or as an adjective after "the" ("the June eight
// record date"): "in June one company" and "in May two years ago" are no days.
const DAY_IN_WORDS = `(?:(?:twenty|thirty)(?:[\\s-](?:${ONES.join('|')}))?|${TEENS.join('|')}|${ONES.join('|')})`;
const AFTER_DAY_IN_WORDS = /^(?:\s*$|\s*[^\s\p{L}]|\s+(?:at|for|to|and|or|in|on|with|by|from|until|till|through|when|after|before|as|if|but|while|against)\b)/u;
const MONTH_DAY_IN_WORDS: Recognizer = {
  trigger: /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/u,
  pattern: new RegExp(`\\b(?<month>${MONTH_WORD})\\s+(?<day>${DAY_IN_WORDS})(?![\\p{L}\\p{N}-])(?:,?\\s+(?<year>(?:19|20)\\d\\d)(?![\\p{L}\\p{N}]))?`, 'gu'),
  make(m, sentence) {
    const month = monthNumber(m.groups.month!);
    const day = amountOf(m.groups.day!);
    if (day === 'X' || !isValidDay({ year: 2000, month, day })) return null;
    const dayEnd = m.index + m.groups.month!.length + m[0].slice(m.groups.month!.length).search(/\S/) + m.groups.day!.length;
    const adjective = /\bthe\s+$/i.test(sentence.slice(0, m.index));
    if (!adjective && !AFTER_DAY_IN_WORDS.test(sentence.slice(dayEnd))) return null;
    if (m.groups.year) return { ...span(m), resolve: fixed('DATE', `${m.groups.year}-${pad(month)}-${pad(day)}`), grain: 'day', extendable: true };
    const resolve = relativeTo('DATE', `XXXX-${pad(month)}-${pad(day)}`, (ref, ctx) => formatDay(resolveMonthDay(month, day, ref, ctx.tense)));
    return { ...span(m), resolve, grain: 'day', extendable: true };
  },
};

// Bare plural units after a preposition: "for years", "in months", "over the years", "for centuries".
const VAGUE_SPAN: Recognizer = {
  trigger: /days|weeks|months|years|decades|centuries|while/i,
  pattern: /(?<=\b(?:for|in|over|within)\s+)(?:(?<the>the)\s+)?(?<unit>days|weeks|months|years|decades|centuries)\b(?!\s+(?:before|after|ago|of|earlier|later)\b)|(?<=\b(?:for|in)\s+)a\s+while\b/gi,
  make(m) {
    const unit = m.groups.unit;
    if (!unit) return { ...span(m), resolve: fixed('DURATION', 'PXX') };
    if (m.groups.the && !/years/i.test(unit)) return null;
    return { ...span(m), resolve: fixed('DURATION', durationValue('X', unitOf(unit))) };
  },
};

// Adjectives of length without a number: "a day-long meeting", "the decades-long dispute".
const LONG_ADJECTIVE: Recognizer = {
  trigger: /-long/i,
  pattern: /\b(?<unit>(?:hour|day|week|month|year|decade)s?|centur(?:y|ies))-long\b/gi,
  make(m) {
    const unit = m.groups.unit!;
    const plural = /s$/i.test(unit);
    return { ...span(m), resolve: fixed('DURATION', durationValue(plural ? 'X' : 1, unitOf(unit))) };
  },
};

const AWARD_AFTER = /^\s+(?:awards?|prizes?|titles?|trophy|trophies|honou?rs?|accolades?|gongs?|nominations?|shortlist|category|ceremony)\b/i;
// Years in results reporting: "the year ended March 31" is a year's span; "for the year", "the full year" this year.
const REPORTING_YEAR: Recognizer = {
  trigger: /year/i,
  pattern: /\bthe\s+(?:fiscal\s+)?year(?=\s+end(?:ed|ing)\b)|(?<=\b(?:for|of)\s+)the\s+(?:full\s+)?year\b(?![-'’])|\bthe\s+full\s+year\b/gi,
  make(m, sentence) {
    const after = sentence.slice(m.index + m[0].length);
    // "the book of the year award", "player of the year title": the name of a prize, not a year.
    if (AWARD_AFTER.test(after)) return null;
    if (/^\s+end(?:ed|ing)\b/i.test(after)) return { ...span(m), resolve: fixed('DURATION', 'P1Y') };
    return { ...span(m), resolve: relativeTo('DATE', 'XXXX', (ref) => pad(ref.year, 4)) };
  },
};

// "the weekend", "over the weekend".
const WEEKEND: Recognizer = {
  trigger: /weekend/i,
  pattern: /\bthe\s+weekend\b(?!['’])/gi,
  make: (m) => ({
    ...span(m),
    resolve: relativeTo('DATE', 'XXXX-WXX-WE', (ref, ctx) => `${isoWeek(addDays(ref, weekendShift(ref, ctx)))}-WE`),
  }),
};

// The nouns after "today's" that make it the present in general rather than the article's day.
const GENERIC_TODAY_AFTER =
  /^['’]s\s+(?:[\p{L}-]+\s+)?(?:world|youth|society|generations?|children|kids|young|teenagers|consumers|standards|technology|economy|culture|banks|computers|families|parents|players|gamers|fans)\b/iu;
// today, tonight, yesterday (morning), tomorrow, last night, this morning, the day before yesterday.
const CASUAL: Recognizer = {
  trigger: /today|yesterday|tomorrow|night|morning|afternoon|evening/iu,
  pattern:
    /\b(?:(?<day>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight)(?:\s+(?<part>morning|afternoon|evening|night))?|last\s+night|this\s+(?<this>morning|afternoon|evening))\b/giu,
  make(m) {
    const g = m.groups;
    // "VOA Today": a capitalized word inside a sentence is a name.
    if (m.index > 0 && /^\p{Lu}/u.test(m[0]) && /\p{L}/u.test(m.input.slice(Math.max(0, m.index - 2), m.index))) return null;
    // "today's meeting" is the article's day; "today's world", "today's youth" are the present in general.
    if (/^today$/i.test(m[0]) && GENERIC_TODAY_AFTER.test(m.input.slice(m.index + m[0].length))) return null;
    const word = (g.day ?? '').toLowerCase().replace(/\s+/g, ' ');
    const offset = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1, 'the day before yesterday': -2, 'the day after tomorrow': 2 }[word] ?? (g.this ? 0 : -1);
    const part = word === 'tonight' || !word && !g.this ? 'NI' : PART_OF_DAY[(g.part ?? g.this ?? '').toLowerCase()];
    const suffix = part ? `T${part}` : '';
    const type: TimexType = part ? 'TIME' : 'DATE';
    if (word === 'today' && !part) {
      return { ...span(m), grain: 'day', extendable: true, resolve: (ctx) => ({ type, value: ctx.reference ? formatDay(ctx.reference) : 'PRESENT_REF', anchor: 'article-date' }) };
    }
    return { ...span(m), grain: part ? undefined : 'day', extendable: true, resolve: relativeTo(type, `XXXX-XX-XX${suffix}`, (ref) => formatDay(addDays(ref, offset)) + suffix) };
  },
};

// "4 in the morning", "10:30 at night": a clock time told by the part of the day rather than by a.m. or p.m.; "at
// midday" is noon, as chrono-node reads "at noon".
const CLOCK_BY_PART: Recognizer = {
  trigger: /in\s+the\s+(?:morning|afternoon|evening)|at\s+night|midday/i,
  pattern:
    /\b(?<hour>1[0-2]|0?[1-9])(?::(?<minute>[0-5]\d))?(?:\s+o['’]clock)?\s+(?:in\s+the\s+(?<part>morning|afternoon|evening)|at\s+(?<night>night))\b(?!\s+(?:session|trading|edition|paper|show|news)\b)|(?<=\b(?:at|by|before|after|until|around|about)\s+)(?<midday>midday)\b/gi,
  make(m) {
    const g = m.groups;
    if (g.midday) return { ...span(m), grain: 'time', time: '12:00', resolve: clockOnLastDay('12:00'), extendable: true };
    const hour = Number(g.hour) % 12;
    const part = (g.part ?? g.night!).toLowerCase();
    // "10 at night" is 22:00, "2 at night" the small hours.
    const afterNoon = part === 'afternoon' || part === 'evening' || (part === 'night' && hour >= 6);
    const time = `${pad(afterNoon ? hour + 12 : hour)}:${g.minute ?? '00'}`;
    return { ...span(m), grain: 'time', time, resolve: clockOnLastDay(time), extendable: true };
  },
};

// "1830 GMT", "0900 local time": a 24-hour clock time, which only a time zone tells from a year or a count.
const ZONED_CLOCK: Recognizer = {
  trigger: /GMT|BST|UTC|EST|EDT|CET|PST|PDT|\stime/,
  // "1700 New York time", "0900 Moscow time": a place's time.
  pattern: /\b(?<hour>[01]\d|2[0-3])(?<minute>[0-5]\d)(?:\s*(?:GMT|BST|UTC|EST|EDT|CET|CEST|PST|PDT)\b|\s+(?:local|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+time\b)/g,
  make(m) {
    const time = `${m.groups.hour}:${m.groups.minute}`;
    return { ...span(m), grain: 'time', time, resolve: clockOnLastDay(time), extendable: true };
  },
};

// "between 1700 and 2100 hrs", "from 0800 to 1800GMT", "(2300 to 0300 GMT)", "a curfew between 2200 and 0700": 24-hour clock times at both
// ends of a span. A zone or "hours" after the second end, or a leading zero, tells them from years ("between 2002 and
// 2004").
const CLOCK_SPAN: Recognizer = {
  trigger: /(?:between|from|\()\s*[012]\d{3}\b/iu,
  pattern:
    /(?:\b(?:between|from)\s+|\()(?<first>(?:[01]\d|2[0-3])[0-5]\d)(?<sep>\s*(?:and|to|until|till|-|–)\s*)(?<second>(?:[01]\d|2[0-3])[0-5]\d)(?<zone>\s*(?:GMT|BST|UTC|EST|EDT|CET|CEST|PST|PDT|CST|CDT)\b|\s+(?:local|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+time\b|\s+(?:hours|hrs)\b)?(?![\p{L}\p{N}])/giu,
  make(m) {
    const g = m.groups;
    if (!g.zone && !/^0/.test(g.first!) && !/^0/.test(g.second!)) return null;
    const start = m.index + m[0].length - (g.zone?.length ?? 0) - g.second!.length - g.sep!.length - g.first!.length;
    const clock = (hhmm: string) => `${hhmm.slice(0, 2)}:${hhmm.slice(2)}`;
    const first = clock(g.first!);
    const second = clock(g.second!);
    return [
      { start, end: start + 4, grain: 'time', time: first, resolve: clockOnLastDay(first), extendable: true },
      { start: start + 4 + g.sep!.length, end: m.index + m[0].length, grain: 'time', time: second, resolve: clockOnLastDay(second) },
    ];
  },
};

// "at midnight last night", "midnight tonight": the midnight that ends the day named, 24:00 of it, as "midnight Friday".
const MIDNIGHT_OF_DAY: Recognizer = {
  trigger: /midnight/i,
  pattern: /\bmidnight\s+(?<day>last\s+night|tonight|yesterday|today|tomorrow)\b/gi,
  make(m) {
    const day = m.groups.day!.toLowerCase();
    const offset = day === 'tonight' || day === 'today' ? 0 : day === 'tomorrow' ? 1 : -1;
    return { ...span(m), resolve: relativeTo('TIME', 'XXXX-XX-XXT24:00', (ref) => `${formatDay(addDays(ref, offset))}T24:00`) };
  },
};

/** A clock time on the day the article last named, else on its own date, as chrono-node's clock times are. */
function clockOnLastDay(time: string): Resolver {
  return (context) => withTime(dayOfTime(context), time);
}

// "that day", "the next day", "the following morning", "the day before": anchored on the last day mentioned.
const ANCHORED_DAY: Recognizer = {
  trigger: /day|night|morning|afternoon|evening/i,
  pattern:
    /\b(?:(?<same>that(?:\s+same)?|the\s+same)\s+(?<unit>day|night|morning|afternoon|evening)|the\s+(?<dir>next|following|previous|preceding)\s+(?<unit2>day|night|morning|afternoon|evening)|the\s+day\s+(?<rel>before|after)(?=\s*(?:[.,;:!?)]|$)))/gi,
  make(m) {
    const g = m.groups;
    const unit = (g.unit ?? g.unit2 ?? 'day').toLowerCase();
    const dir = (g.dir ?? g.rel ?? '').toLowerCase();
    const offset = /next|following|after/.test(dir) ? 1 : /previous|preceding|before/.test(dir) ? -1 : 0;
    const part = PART_OF_DAY[unit];
    const suffix = part ? `T${part}` : '';
    const resolve: Resolver = (context) => {
      const type = part ? 'TIME' : 'DATE';
      // "killed last October ... crossed out that same day": a month named after the last day is what the day is in.
      // Not a day counted from it ("the following day"), which that month does not tell.
      const month = offset === 0 ? monthNamedSinceDay(context.focus) : null;
      if (month) return { type, value: `${pad(month.year, 4)}-${pad(month.month)}-XX${suffix}`, anchor: 'earlier-date' };
      const from = context.focus.day ?? (offset ? context.reference : null);
      const anchor = context.focus.day || !offset ? 'earlier-date' : 'article-date';
      return { type, value: from ? formatDay(addDays(from, offset)) + suffix : `XXXX-XX-XX${suffix}`, anchor };
    };
    return { ...span(m), resolve, grain: part ? undefined : 'day' };
  },
};

// now, currently, recently, the future, the past, these days, the coming weeks, recent years, the near term.
const REFERENCE: Recognizer = {
  trigger: /now|current|day|present|recent|lately|past|future|coming|ahead|term|possible|ago/i,
  pattern: new RegExp(
    String.raw`\b(?:(?<present>(?:right\s+)?now|currently|(?<!\bthen\s+)current(?!\s+(?:quarter|year|fiscal|period|month|week|accounts?|affairs|assets|liabilities)\b)|these\s+days|nowadays|the\s+present)|(?<then>then[\s-]current)|(?<past>(?:more\s+|most\s+)?recently|lately|the\s+past(?!\s+(?:\d|few|several|many|couple|days|weeks|months|years|decades|${ONES.join('|')}|${TEENS.join('|')}|${TENS.join('|')})\b)|(?:the\s+)?past\s+(?:days|weeks|months|years|decades)|(?:some|a\s+long)\s+time\s+ago)|(?<stretch>(?:in\s+)?recent\s+(?<recent>days|weeks|months|quarters|years|decades)|(?:the\s+)?coming\s+(?<coming>days|weeks|months|quarters|years|decades)|the\s+(?<ahead>days|weeks|months|years)\s+ahead)|(?<future>the\s+(?:near\s+|foreseeable\s+|distant\s+|immediate\s+)?future|future\s+(?:quarters|years)|the\s+(?:near|short|long)\s+term(?!\s+(?!(?:the|a|an|and|or|but|as|to|of|for|in|at|by|with|is|are|was|were|will|would|it|they|we|he|she)\b)[a-z])|as\s+soon\s+as\s+possible|some\s*day|(?<=\b(?:will|would|could|may|might|can)\s+)one\s+day))\b(?!\s+(?:of|tense)\b)`,
    'gi',
  ),
  make(m, sentence) {
    const g = m.groups;
    // "the present" only as a time, not "the present case".
    if (g.present && /present/i.test(g.present) && /^\s+\p{L}/u.test(sentence.slice(m.index + m[0].length))) return null;
    let start = m.index;
    if (/^in\s/i.test(m[0])) start += m[0].indexOf('recent');
    // "recent years", "the coming weeks": an unstated number of units, like "several years".
    const units = g.recent ?? g.coming ?? g.ahead;
    if (units) return { ...span(m, start), resolve: fixed('DURATION', durationValue('X', unitOf(units))) };
    const value = g.present ? 'PRESENT_REF' : g.past || g.then ? 'PAST_REF' : 'FUTURE_REF';
    return { ...span(m, start), resolve: fixed('DATE', value) };
  },
};

// Quarters and halves: "the third quarter", "third-quarter", "the fiscal first quarter", "the 1988 second quarter",
// "the first 1987 quarter", "the third quarter of 1989", "the third quarter last year", "next year's first quarter", "the
// first half".
const QUARTER_QUALIFIERS = `(?:year-ago|year-earlier|comparable|latest|current|same|fiscal|calendar|flat|(?:fiscal\\s+)?(?:19|20)\\d\\d|(?:next|last|this)\\s+year['’]s|(?:19|20)\\d\\d['’]s)`;
// Words of results and the economy, which make "the first half" a half-year rather than half of a match.
const RESULTS_WORDS =
  /\b(?:profits?|earnings|revenues?|sales|net\s+(?:income|loss)|growth|economy|GDP|output|inflation|exports?|imports?|shipments|orders|fiscal|quarter|billion|million)\b|%|\bpercent\b/i;
// Words of a match: a score ("18-12"), its periods and what is scored.
const GAME_WORDS =
  /\b(?:game|match|try|tries|goals?|touchdowns?|penalty|penalties|baskets?|free\s+throws?|half-?time|innings|scored|scoring|scoreline|whistle|kick-?off|quarterback|referee)\b|\b\d{1,3}-\d{1,3}\b(?!\s*%)/i;
const ORDINAL_QUARTER: Recognizer = {
  trigger: /quarter|half/i,
  pattern: new RegExp(
    `\\b(?<det>(?:the|its|a|an|that|this|their|his|her)\\s+)?(?<quals>(?:${QUARTER_QUALIFIERS}\\s+)*)(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)` +
      `(?<sep>[\\s-]+)(?:fiscal[\\s-]+)?(?:(?<year>(?:19|20)\\d\\d)\\s+)?(?<unit>quarter|half)\\b(?![\\s-]+(?:century|hours?|time|point)\\b|\\s+of\\s+${MONTH_WORD}|\\s+of\\s+(?:the|a|an|its|their|his|her|this|that)\\b(?!\\s+(?:current\\s+|fiscal\\s+)?year\\b))` +
      `(?:(?:\\s+of)?\\s+(?:fiscal\\s+)?(?<of>(?:19|20)\\d\\d)\\b|\\s+of\\s+(?<ofYear>(?:this|last|next|the)\\s+(?:current\\s+|fiscal\\s+)?year)|\\s+(?<bareYear>(?:this|last|next)\\s+year)\\b(?!['’]))?(?<ago>\\s+a\\s+year\\s+(?:ago|earlier))?`,
    'gi',
  ),
  make(m, sentence) {
    const g = m.groups;
    const yearWords = g.year ?? g.of ?? g.ofYear ?? g.bareYear;
    const words = `${g.quals ?? ''} ${yearWords ?? ''}`.toLowerCase();
    const ordinal = g.ord!.toLowerCase();
    const half = g.unit!.toLowerCase() === 'half';
    // "the first half" of a match or a book: a half-year only with a year, a qualifier or in a sentence about results
    // or the economy ("profit rose 5% in the first half", "first-half sales").
    if (half && !yearWords && !(g.quals ?? '').trim() && !RESULTS_WORDS.test(sentence)) return null;
    // "as the game entered the final quarter": a quarter of a match, in a sentence about play and not about results.
    const rest = sentence.slice(0, m.index) + sentence.slice(m.index + m[0].length);
    if (!half && !yearWords && !(g.quals ?? '').trim() && GAME_WORDS.test(rest) && !RESULTS_WORDS.test(rest)) return null;
    const index = /first|1st/.test(ordinal) ? 1 : /second|2nd/.test(ordinal) ? 2 : /third|3rd/.test(ordinal) ? 3 : half ? 2 : 4;
    const explicitYear = /((?:19|20)\d\d)/.exec(words)?.[1];
    const yearShift = /next year/.test(words) ? 1 : /last year/.test(words) ? -1 : 0;
    const back = /year-ago|year-earlier/.test(words) || g.ago ? -1 : 0;
    // "a third-quarter loss", "its fourth quarter": the article of an adjective and a possessive belong to the noun.
    const ownDeterminer = !g.det || !(/-/.test(g.sep!) || /^(?:its|their|his|her)\s/i.test(g.det));
    const extent = span(m, ownDeterminer ? m.index : m.index + g.det!.length);
    // "the last quarter" without a year is the quarter before this one.
    if (ordinal === 'last' && !half && !explicitYear && !yearShift) {
      return { ...extent, resolve: relativeTo('DATE', 'XXXX-QX', (ref) => lastCompletedQuarter(ref)), extendable: true };
    }
    const code = half ? `H${index}` : `Q${index}`;
    if (explicitYear) return { ...extent, resolve: fixed('DATE', `${explicitYear}-${code}`), extendable: true };
    const shifted = relativeTo('DATE', `XXXX-${code}`, (ref, ctx) => {
      let year: number;
      if (yearShift || /(?:this|the) (?:current |fiscal )?year/.test(words)) year = ref.year + yearShift;
      else if (half) year = Number(resolveHalf(index, ref, ctx).slice(0, 4));
      else year = Number(resolveQuarter(index, ref, ctx.tense).slice(0, 4));
      return `${pad(year + back, 4)}-${code}`;
    });
    const resolve: Resolver = back ? (ctx) => ({ ...shifted(ctx)!, setsFocus: false }) : shifted;
    return { ...extent, resolve, extendable: true };
  },
};

// "the first two quarters of 1990", "the final two quarters of 1987": a half-year named by its quarters.
const HALF_BY_QUARTERS: Recognizer = {
  trigger: /quarters/i,
  pattern: /\b(?:the\s+)?(?<which>first|last|final|latter)\s+two\s+quarters\s+of\s+(?:fiscal\s+)?(?<year>(?:19|20)\d\d)\b/gi,
  make: (m) => ({ ...span(m), resolve: fixed('DATE', `${m.groups.year}-H${/first/i.test(m.groups.which!) ? 1 : 2}`), extendable: true }),
};

// "Q3", "Q3 2016", "2016 Q3", "3Q", "H1 2016", "the July-September quarter", "the October/December quarter", "the
// December 1986 quarter", "the September quarter last year" (named by the month it ends with): quarters and halves by
// code or by months.
const QUARTER_MONTHS = ['jan', 'apr', 'jul', 'oct'];
const QUARTER_END_MONTHS = ['mar', 'jun', 'sep', 'dec'];
const QUARTER_CODE: Recognizer = {
  trigger: /[QH][1-4]|[1-4][QH]|quarter/,
  // A year or "the" before the code or the months is looked for in make: a pattern that starts with them is slow.
  pattern:
    /\b(?:(?<code>[QH])(?<n>[1-4])|(?<n2>[1-4])(?<code2>[QH]))\b(?:\s+(?:of\s+)?(?<after>(?:19|20)\d\d))?|\b(?<from>Jan(?:uary|\.)?|Apr(?:il|\.)?|July?\.?|Oct(?:ober|\.)?)(?:\s*[-–/]\s*|-to-|\s+to\s+)(?<to>Mar(?:ch|\.)?|June?\.?|Sep(?:t(?:ember)?)?\.?|Dec(?:ember|\.)?)\s+quarter\b|\b(?<end>March|June|Sep(?:t(?:ember)?)?\.?|Dec(?:ember|\.)?)\s+(?:(?<endYear>(?:19|20)\d\d)\s+)?quarter\b(?:\s+(?<endAfter>(?:19|20)\d\d)\b|\s+(?<endWhich>this|last|next)\s+year\b(?!['’]))?/g,
  make(m, sentence) {
    const g = m.groups;
    const before = /\b(?:(?<year>(?:19|20)\d\d)|(?<the>[Tt]he))\s+$/.exec(sentence.slice(0, m.index));
    const year = g.after ?? g.endYear ?? g.endAfter ?? (g.from ? undefined : before?.groups?.year);
    const start = before && (g.from ? before.groups?.the : g.end || (before.groups?.year && !g.after)) ? before.index : m.index;
    let code = g.code ?? g.code2;
    let index = Number(g.n ?? g.n2);
    if (g.from) {
      index = QUARTER_MONTHS.indexOf(g.from.slice(0, 3).toLowerCase()) + 1;
      const to = QUARTER_END_MONTHS.indexOf(g.to!.slice(0, 3).toLowerCase()) + 1;
      if (to !== index) return null;
      code = 'Q';
    }
    if (g.end) {
      index = QUARTER_END_MONTHS.indexOf(g.end.slice(0, 3).toLowerCase()) + 1;
      code = 'Q';
    }
    if (code === 'H' && index > 2) return null;
    const label = `${code}${index}`;
    if (year) return { ...span(m, start), resolve: fixed('DATE', `${year}-${label}`), extendable: true };
    const shift = g.endWhich ? stepOf(modifierOf(g.endWhich)) : null;
    const resolve = relativeTo('DATE', `XXXX-${label}`, (ref, ctx) =>
      shift !== null ? `${pad(ref.year + shift, 4)}-${label}` : code === 'H' ? resolveHalf(index, ref, ctx) : resolveQuarter(index, ref, ctx.tense),
    );
    return { ...span(m, start), resolve, extendable: true };
  },
};

function resolveHalf(half: number, reference: Day, context: Context): string {
  const current = reference.month <= 6 ? 1 : 2;
  const candidates = [-1, 0, 1].map((k) => (reference.year + k) * 2 + half - 1);
  const chosen = context.tense === 'unknown' && half !== current ? reference.year * 2 + half - 1 : choose(candidates, reference.year * 2 + current - 1, context.tense);
  return `${pad(Math.floor(chosen / 2), 4)}-H${(chosen % 2) + 1}`;
}

// "the quarter", "the latest quarter", "the year-ago period", "that quarter", "the 1988 quarter".
const QUARTER_REFERENCE: Recognizer = {
  trigger: /quarter|period/i,
  pattern: new RegExp(
    `\\b(?<det>(?:the|that|this|its|their|a)\\s+)?(?<quals>(?:(?:year-ago|year-earlier|prior-year|comparable|corresponding|latest|current|same|recent|most\\s+recent|fiscal|(?:19|20)\\d\\d|last\\s+year['’]s)\\s+)*)(?<unit>quarter|period)\\b(?!-)` +
      `(?<ago>\\s+(?:a\\s+year\\s+(?:ago|earlier)|(?:of\\s+)?last\\s+year|(?:of\\s+)?the\\s+(?:previous|prior)\\s+year))?(?!\\s+of\\b)`,
    'gi',
  ),
  make(m) {
    const g = m.groups;
    const quals = (g.quals ?? '').toLowerCase();
    const det = (g.det ?? '').toLowerCase().trim();
    if (!quals.trim() && !/^(?:the|that|this|its|their)$/.test(det)) return null;
    const isPeriod = g.unit!.toLowerCase() === 'period';
    if (isPeriod && !g.ago && !/year-ago|year-earlier|prior-year|comparable|latest|last year|\d{4}/.test(quals)) return null;
    if (det === 'this' && !quals.trim()) return { ...span(m), resolve: relativeTo('DATE', 'XXXX-QX', (ref) => `${pad(ref.year, 4)}-Q${quarterOf(ref)}`), extendable: true };
    const year = /((?:19|20)\d\d)/.exec(quals)?.[1];
    // "the corresponding period last year", "last year's quarter": the quarter reported on, a year before.
    const back = /year-ago|year-earlier|prior-year|last year/.test(quals) || g.ago ? -1 : 0;
    const resolve: Resolver = (context) => {
      const current = /current/.test(quals) && context.reference ? `${pad(context.reference.year, 4)}-Q${quarterOf(context.reference)}` : null;
      const earlier = current ? null : ((back ? quarterNamedAhead(context.focus) : null) ?? context.focus.quarter);
      // "good growth early this year over the year-earlier period": with no quarter named, the period is a year.
      if (!current && !earlier && isPeriod && back && !year) {
        const from = context.focus.year ?? context.reference?.year;
        return from === undefined ? { type: 'DATE', value: 'XXXX', anchor: 'article-date' } : { type: 'DATE', value: pad(from - 1, 4), anchor: context.focus.year !== null ? 'earlier-date' : 'article-date', setsFocus: false };
      }
      const base = current ?? earlier ?? (context.reference ? lastCompletedQuarter(context.reference) : null);
      const anchor = earlier ? 'earlier-date' : 'article-date';
      if (year) return { type: 'DATE', value: base ? `${year}${base.slice(4)}` : year, anchor: base ? anchor : 'text', setsFocus: false };
      return { type: 'DATE', value: base ? shiftValue(base, 'Y', back) : 'XXXX-QX', anchor, setsFocus: back === 0 };
    };
    return { ...span(m), resolve };
  },
};

// "year-ago", "year-earlier" as adjectives ("year-earlier results").
const YEAR_AGO: Recognizer = {
  trigger: /year-/i,
  pattern: /\byear-(?:ago|earlier)\b/gi,
  make: (m) => ({
    ...span(m),
    resolve: (context) => {
      const year = comparedYear(context.focus);
      if (year !== null) return { type: 'DATE', value: pad(year - 1, 4), anchor: 'earlier-date', setsFocus: false };
      const period = comparedQuarter(context.focus) ?? comparedMonth(context.focus);
      if (period) return { type: 'DATE', value: shiftValue(period, 'Y', -1), anchor: 'earlier-date', setsFocus: false };
      return { type: 'DATE', value: context.reference ? pad(context.reference.year - 1, 4) : 'XXXX', anchor: 'article-date' };
    },
  }),
};

/**
 * "predicts this fall from the current 2.1% level": a drop, measured from or to an amount, not autumn; and "hit by the
 * fall in oil prices", "because of the fall in October": a bare "the fall in" is a drop in something (18 of 18 in the
 * corpus), where autumn would be "in the fall" or "the fall of 1987".
 */
function isDrop(season: string, mod: string, after: string): boolean {
  if (!/^fall$/i.test(season)) return false;
  return /^\s+(?:from|to)\s+(?:the\s+)?(?:\p{L}+\s+)?[\d$£€]/u.test(after) || (mod === 'the' && /^\s+in\b/i.test(after));
}

// "last fall", "this summer", "the spring of 1998", "winter 1999", "in spring".
const SEASON: Recognizer = {
  trigger: /spring|summer|fall|autumn|winter/i,
  pattern:
    /\b(?<mod>(?:this\s+past|this\s+coming|the|this|last|next|past|coming)\s+)?(?<pre>(?:early|late|mid)[\s-]+)?(?<season>spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?(?<year>(?:19|20)\d\d)\b)?/gi,
  make(m, sentence) {
    const g = m.groups;
    const season = SEASONS[g.season!.toLowerCase()];
    if (g.year) return { ...span(m), resolve: fixed('DATE', `${g.year}-${season}`), extendable: true };
    const after = sentence.slice(m.index + m[0].length);
    const mod = (g.mod ?? '').toLowerCase().trim();
    // "fall" is also a verb and "the fall of Rome" an event: a season needs a time word before it.
    const preposition = /\b(?:in|into|during|by|since|until|through|over)\s+$/i.test(sentence.slice(0, m.index));
    // "the fall in prices": with a bare "the", only after a preposition ("in the fall").
    if (!mod && !preposition) return null;
    if (mod === 'the' && !/\b(?:in|into|during|by|since|until|through|over|for|of)\s+$/i.test(sentence.slice(0, m.index))) return null;
    if (/^\s+of\b/i.test(after) || /^\s*['’]s\b/.test(after)) return null;
    if (isDrop(g.season!, mod, after)) return null;
    if (/^\p{Lu}/u.test(g.season!) && m.index > 0 && !mod) return null;
    const modifier = modifierOf(mod);
    return { ...span(m), resolve: relativeTo('DATE', `XXXX-${season}`, (ref, ctx) => resolveSeason(season, ref, ctx.tense, modifier)), extendable: true };
  },
};

// "the 1990s", "the early 1980s", "the '90s", "the nineties", "the 20th century".
const DECADE_WORDS: Record<string, number> = { twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9 };
const DECADE: Recognizer = {
  trigger: /\d|ties|century/i,
  pattern:
    /(?<!\w)(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?<four>(?:1[5-9]|20)\d)0['’]?s|['’](?<two>\d)0s|(?:nineteen[\s-])?(?<words>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)|(?<century>\d{1,2})(?:st|nd|rd|th)\s+century|(?<centuryWords>twentieth|twenty-first|nineteenth)\s+century)\b/gi,
  make(m) {
    const g = m.groups;
    if (g.words && !/^the\s/i.test(m[0])) return null;
    let value: string;
    if (g.four) value = g.four;
    else if (g.two) value = `19${g.two}`;
    else if (g.words) value = `19${DECADE_WORDS[g.words.toLowerCase()]}`;
    else if (g.century) value = pad(Number(g.century) - 1, 2);
    else value = { nineteenth: '18', twentieth: '19', 'twenty-first': '20' }[g.centuryWords!.toLowerCase()]!;
    return { ...span(m), resolve: fixed('DATE', value) };
  },
};

// "fiscal 1989", "fiscal year 1990", "the 1990 fiscal year", "FY1990", "fiscal '91".
const FISCAL_YEAR: Recognizer = {
  trigger: /fiscal|FY/i,
  pattern: /\b(?:fiscal(?:\s+year)?\s+(?<year>(?:19|20)\d\d|['’]\d\d)|(?:the\s+)?(?<year2>(?:19|20)\d\d)\s+fiscal\s+year|FY\s?['’]?(?<year3>(?:19|20)?\d\d))\b(?!\s*%)/gi,
  make(m) {
    const g = m.groups;
    let year = (g.year ?? g.year2 ?? g.year3 ?? '').replace(/['’]/, '');
    if (year.length === 2) year = `${Number(year) < 50 ? '20' : '19'}${year}`;
    return { ...span(m), resolve: fixed('DATE', year) };
  },
};

// "the 1991-92 season", "fiscal 1987/88", "1999-2000": a span of years, whose ends TimeML marks as two dates, as
// TimeBank does "between 1985 and 1987".
const YEAR_SPAN: Recognizer = {
  trigger: /(?:1[6-9]|20)\d\d\s*[-–/]/u,
  pattern: /(?<![\p{L}\p{N}$£€¥.,#:/-])(?<first>(?:1[6-9]|20)\d\d)(?<sep>\s*[-–/]\s*)(?<second>(?:1[6-9]|20)?\d\d?)(?![\p{L}\p{N}%]|[.,:/-]\d)/gu,
  make(m, sentence) {
    const g = m.groups;
    const first = Number(g.first);
    const written = Number(g.second);
    const digits = g.second!.length;
    const second = digits === 4 ? written : digits === 2 ? first - (first % 100) + written + (written < first % 100 ? 100 : 0) : first + 1;
    // The next few years only: "1710-1650" and "1987-12" are scores and codes. One digit is the next year's last:
    // "since 1998/9".
    if (second <= first || second - first > 10 || (digits === 1 && written !== second % 10)) return null;
    const before = sentence.slice(0, m.index);
    // A name before two years in a row is the place or body the season is of: "Ivory Coast 1987/88 main crop".
    if ((followsName(before) && second !== first + 1) || QUANTITY_BEFORE.test(before)) return null;
    const secondStart = m.index + g.first!.length + g.sep!.length;
    return [
      { start: m.index, end: m.index + g.first!.length, resolve: fixed('DATE', g.first!), extendable: true },
      // The span is named by its first year ("the preceding year" of 1985/86 is 1984/85): the end leaves the focus.
      { start: secondStart, end: secondStart + g.second!.length, resolve: () => ({ type: 'DATE', value: pad(second, 4), anchor: 'text', setsFocus: false }) },
    ];
  },
};

// Years in words: "nineteen ninety-six", "the year two thousand".
const YEAR_WORDS: Recognizer = {
  trigger: /nineteen|twenty|thousand/i,
  pattern: new RegExp(
    `\\b(?:the\\s+year\\s+)?(?:(?<century>nineteen|twenty)[\\s-](?<tens>${TENS.join('|')})(?:[\\s-](?<ones>${ONES.join('|')}))?|two\\s+thousand(?:\\s+and)?(?:[\\s-](?<ones2>${ONES.join('|')}|${TEENS.join('|')}))?)\\b`,
    'gi',
  ),
  make(m, sentence) {
    const g = m.groups;
    // "two thousand people": a number, unless it says "the year".
    if (!g.century && !/^the\s+year/i.test(m[0]) && !/\b(?:in|since|until|by|of)\s+$/i.test(sentence.slice(0, m.index))) return null;
    const year = g.century
      ? (g.century.toLowerCase() === 'nineteen' ? 1900 : 2000) + (amountOf(g.tens!) as number) + (g.ones ? (amountOf(g.ones) as number) : 0)
      : 2000 + (g.ones2 ? (amountOf(g.ones2) as number) : 0);
    // "January nineteen ninety-seven", "the winter of nineteen ninety-four": a month or season of the year said.
    const lead = MONTH_OR_SEASON_BEFORE.exec(sentence.slice(0, m.index));
    if (lead) {
      const part = lead.groups!.month ? pad(MONTH_NAMES.indexOf(lead.groups!.month) + 1) : SEASONS[lead.groups!.season!.toLowerCase()];
      return { ...span(m, lead.index), resolve: fixed('DATE', `${year}-${part}`), extendable: true };
    }
    return { ...span(m), resolve: fixed('DATE', String(year)), extendable: true };
  },
};
const MONTH_OR_SEASON_BEFORE = new RegExp(`(?:\\b(?<month>${MONTH_NAMES.join('|')})|\\b(?:the\\s+)?(?<season>spring|summer|fall|autumn|winter))\\s+(?:of\\s+)?$`, 'i');

// Holidays: fixed dates, and the ones computed from the calendar (Thanksgiving, Easter, Memorial and Labor Day).
const HOLIDAYS: Record<string, (year: number) => Day> = {
  'christmas eve': (year) => ({ year, month: 12, day: 24 }),
  christmas: (year) => ({ year, month: 12, day: 25 }),
  'christmas day': (year) => ({ year, month: 12, day: 25 }),
  "new year's eve": (year) => ({ year, month: 12, day: 31 }),
  "new year's day": (year) => ({ year, month: 1, day: 1 }),
  'independence day': (year) => ({ year, month: 7, day: 4 }),
  'the fourth of july': (year) => ({ year, month: 7, day: 4 }),
  'july fourth': (year) => ({ year, month: 7, day: 4 }),
  halloween: (year) => ({ year, month: 10, day: 31 }),
  "valentine's day": (year) => ({ year, month: 2, day: 14 }),
  'veterans day': (year) => ({ year, month: 11, day: 11 }),
  thanksgiving: (year) => nthWeekday(year, 11, 4, 4),
  'thanksgiving day': (year) => nthWeekday(year, 11, 4, 4),
  'memorial day': (year) => lastWeekday(year, 5, 1),
  'labor day': (year) => nthWeekday(year, 9, 1, 1),
  // The Tuesday after the first Monday of November.
  'election day': (year) => addDays(nthWeekday(year, 11, 1, 1), 1),
  "mother's day": (year) => nthWeekday(year, 5, 7, 2),
  "father's day": (year) => nthWeekday(year, 6, 7, 3),
  "st. patrick's day": (year) => ({ year, month: 3, day: 17 }),
  'boxing day': (year) => ({ year, month: 12, day: 26 }),
  easter: (year) => easterSunday(year),
  'easter sunday': (year) => easterSunday(year),
  'good friday': (year) => addDays(easterSunday(year), -2),
};
const HOLIDAY: Recognizer = {
  trigger: /christmas|year|independence|fourth|halloween|valentine|veterans|thanksgiving|memorial|labor|easter|friday|election|mother['’]s|father['’]s|patrick|boxing/i,
  pattern:
    /\b(?<mod>(?:last|this|next)\s+)?(?<name>christmas(?:\s+(?:day|eve))?|new\s+year['’]s\s+(?:day|eve)|independence\s+day|the\s+fourth\s+of\s+july|july\s+fourth|halloween|valentine['’]s\s+day|veterans\s+day|thanksgiving(?:\s+day)?|memorial\s+day|labor\s+day|election\s+day|mother['’]s\s+day|father['’]s\s+day|st\.\s+patrick['’]s\s+day|boxing\s+day|easter(?:\s+sunday)?|good\s+friday)\b(?<week>\s+week\b)?(?:,?\s+(?<year>(?:19|20)\d\d)\b)?/gi,
  make(m, sentence) {
    const g = m.groups;
    const name = g.name!.toLowerCase().replace(/\s+/g, ' ').replace('’', "'");
    const holiday = HOLIDAYS[name];
    // "announce election day" in a British story is polling day: only "Election Day" names the American one.
    if (!holiday || (name === 'election day' && !/^Election Day$/.test(g.name!))) return null;
    // "Holocaust Memorial Day", "Orthodox Christmas": another day, named by the capitalized word before.
    if (!g.mod && m.index > 0 && CAPITALIZED_WORD_BEFORE.test(sentence.slice(0, m.index))) return null;
    const day = (year: number) => holiday(year);
    // "Easter week": the week holding the day.
    const format = (d: Day) => (g.week ? isoWeek(d) : formatDay(d));
    if (g.year) return { ...span(m), resolve: fixed('DATE', format(day(Number(g.year)))), grain: g.week ? undefined : 'day', extendable: true };
    const modifier = modifierOf(g.mod);
    // Without the article's date, "Christmas" is still December 25 of an unknown year; Easter's day is unknown.
    const [one, other] = [day(2001), day(2002)];
    const unknown = g.week ? 'XXXX-WXX' : one.month === other.month && one.day === other.day ? `XXXX-${pad(one.month)}-${pad(one.day)}` : 'XXXX-XX-XX';
    const resolve = relativeTo('DATE', unknown, (ref, ctx) => {
      const candidates = [ref.year - 1, ref.year, ref.year + 1].map((y) => dayNumber(day(y)));
      const today = dayNumber(ref);
      const chosen =
        modifier === 'last' ? Math.max(...candidates.filter((c) => c < today)) : modifier === 'next' ? Math.min(...candidates.filter((c) => c > today)) : modifier === 'this' ? candidates[1] : choose(candidates, today, ctx.tense, DAY_WINDOW);
      return format(day(ref.year - 1 + candidates.indexOf(chosen)));
    });
    return { ...span(m), resolve, grain: g.week ? undefined : 'day', extendable: true };
  },
};

function nthWeekday(year: number, month: number, weekday: number, n: number): Day {
  const first = { year, month, day: 1 };
  return addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + 7 * (n - 1));
}

function lastWeekday(year: number, month: number, weekday: number): Day {
  const [nextYear, nextMonth] = addMonths(year, month, 1);
  const last = addDays({ year: nextYear, month: nextMonth, day: 1 }, -1);
  return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
}

/** Gregorian Easter (the anonymous Gregorian algorithm). */
function easterSunday(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  return { year, month: Math.floor((h + l - 7 * m + 114) / 31), day: ((h + l - 7 * m + 114) % 31) + 1 };
}

const FISCAL_END_AFTER = new RegExp(`^(?:\\s+\\p{L}+)?\\s+(?:on|of|ending|ended)\\s+${MONTH_WORD}`, 'u');

// "the end of the month", "the end of the year", "year-end", "earlier in the year".
const PERIOD_EDGE: Recognizer = {
  trigger: /week|month|year|quarter/i,
  pattern:
    /\b(?:(?<edge>(?:the\s+)?(?:end|beginning|start|middle|close)\s+of\s+the|(?:earlier|later)\s+in\s+the)\s+(?<unit>week|month|year|quarter)|(?:(?<yearBefore>(?:19|20)\d\d)\s+)?(?<yearEnd>year[-\s]end|year['’]s\s+end)(?:\s+(?<yearAfter>(?:19|20)\d\d))?|(?<partOfYear>end-year|mid[-\s]year)(?!-))\b/gi,
  make(m, sentence) {
    const g = m.groups;
    // "at year-end", "by year-end 1987": the end of a calendar year, whose value is that year's, as for "the end of the
    // year" (TimeML's mod END is not emitted). A fiscal year's end ("the March 31 financial year-end", "year-end
    // accounts on March 31") is not the calendar's.
    const year = g.yearBefore ?? g.yearAfter;
    if (g.yearEnd && year) return { ...span(m), resolve: fixed('DATE', year), extendable: true };
    const fiscal = /\b(?:fiscal|financial)\s+$/i.test(sentence.slice(0, m.index)) || FISCAL_END_AFTER.test(sentence.slice(m.index + m[0].length));
    if (g.yearEnd && !fiscal) return { ...span(m), resolve: relativeTo('DATE', 'XXXX', yearOfDay(12, 31)), extendable: true };
    // "by end-year", "in mid-year" date something; "end-year bonuses", "the mid-year meeting" name a kind of thing.
    if (g.partOfYear) {
      if (!PREPOSITION_BEFORE_PART.test(lastWords(sentence.slice(0, m.index), 2))) return null;
      const day = /^end/i.test(g.partOfYear) ? yearOfDay(12, 31) : yearOfDay(7, 1);
      return { ...span(m), resolve: relativeTo('DATE', 'XXXX', day), extendable: true };
    }
    const unit = (g.unit ?? 'year').toLowerCase();
    return {
      ...span(m),
      resolve: (context) => {
        const from = context.reference;
        const value = from ? periodValue(unit, from, 0, context) : unknownPeriod(unit);
        return { type: 'DATE', value, anchor: 'article-date' };
      },
      extendable: true,
    };
  },
};

const PREPOSITION_BEFORE_PART = /\b(?:at|by|to|in|before|until|till|since|after|from|around|through|towards?)\s+$/i;

/**
 * The year of the day of the year a clause means (its end, December 31, or its middle): the last one in a past clause
 * ("sold out at year-end", "since year-end", said in October), the coming one in a future clause ("expects to finish
 * by year-end", said in March), however far; without a tense the last one, unless the coming one is much nearer.
 */
function yearOfDay(month: number, day: number): (reference: Day, context: Context) => string {
  return (reference, context) => {
    const candidates = [reference.year - 1, reference.year].map((year) => dayNumber({ year, month, day }));
    const chosen = choose(candidates, dayNumber(reference), context.tense, context.tense === 'unknown' ? DAY_WINDOW : Infinity);
    return pad(reference.year - (chosen === candidates[0] ? 1 : 0), 4);
  };
}

// Sets: "every day", "each Sunday", "every two weeks", "every other day", "daily", "annually", "on Tuesdays",
// "Tuesday nights", "weekends", "twice a week".
const SET_UNITS: Record<string, string> = {
  minute: 'PT1M', hour: 'PT1H', day: 'P1D', week: 'P1W', month: 'P1M', quarter: 'P1Q', year: 'P1Y', weekend: 'XXXX-WXX-WE',
  morning: 'XXXX-XX-XXTMO', afternoon: 'XXXX-XX-XXTAF', evening: 'XXXX-XX-XXTEV', night: 'XXXX-XX-XXTNI',
  spring: 'XXXX-SP', summer: 'XXXX-SU', fall: 'XXXX-FA', autumn: 'XXXX-FA', winter: 'XXXX-WI',
};
const EVERY: Recognizer = {
  trigger: /every|each|once|twice|times/i,
  pattern: new RegExp(
    `\\b(?:(?:every|each)\\s+(?:(?<other>other)\\s+|single\\s+|(?<count>${ONES.join('|')}|ten|twelve|\\d+)\\s+(?=[a-z]+s\\b))?|(?:once|twice|(?:${ONES.join('|')}|\\d+)\\s+times)\\s+(?:a|an|per|each|every)\\s+)(?<unit>${Object.keys(SET_UNITS).join('|')}|${WEEKDAYS.join('|')}|${MONTHS.join('|')})s?\\b`,
    'gi',
  ),
  make(m) {
    const unit = m.groups.unit!.toLowerCase();
    const plural = /s$/i.test(m[0]) && !/s$/.test(unit);
    // "every two weeks" is a set of two-week periods (P2W), "every other day" one of two days; plural units only then.
    const step = m.groups.count ? amountOf(m.groups.count) : m.groups.other ? 2 : 1;
    if (plural !== (step !== 1 && !m.groups.other)) return null;
    const weekday = WEEKDAYS.indexOf(unit);
    const month = MONTHS.indexOf(unit);
    const every = step !== 1 && step !== 'X' && /^P/.test(SET_UNITS[unit] ?? '') ? durationValue(step, unitOf(unit)) : SET_UNITS[unit];
    const value = weekday >= 0 ? `XXXX-WXX-${weekday + 1}` : month >= 0 ? `XXXX-${pad(month + 1)}` : every;
    return { ...span(m), resolve: fixed('SET', value) };
  },
};

const ADVERB_SETS: Record<string, string> = { hourly: 'PT1H', daily: 'P1D', nightly: 'XXXX-XX-XXTNI', weekly: 'P1W', monthly: 'P1M', yearly: 'P1Y', annually: 'P1Y' };
// After an adverb of frequency, only words that do not make it an adjective ("daily flights", "Daily Mail").
const AFTER_ADVERB = /^(?:\s*$|\s*[^\p{L}\s]|\s+(?:and|or|to|in|on|at|for|from|since|until|with|by|basis|through|during|before|after|but|as|if|while|when|since|until|the|a|an|its|their|his|her)\b)/iu;
// An article or possessive, then names and newspapers' adjectives: what a "daily" or "weekly" as a noun follows. A few
// words at most: a longer run is no newspaper's name, and each of its words would start the run again.
const NEWSPAPER_BEFORE =
  /(?:\b[Tt]he|\b[Aa]n?|['’]s)\s+(?:(?:\p{Lu}[\p{L}.'’-]*|leading|economic|financial|business|official|national|local|evening|morning|popular|influential|independent|conservative|liberal|government|communist|party|mass-circulation)\s+){0,6}$/u;
const ADVERB_SET: Recognizer = {
  trigger: /hourly|daily|nightly|weekly|monthly|yearly|annually/i,
  pattern: /\b(?:(?:almost|nearly|twice|once)\s+)?(?<word>hourly|daily|nightly|weekly|monthly|yearly|annually)\b/gi,
  make(m, sentence) {
    const word = m.groups.word!;
    const capitalized = /^\p{Lu}/u.test(word);
    if (capitalized && (m.index > 0 || /^\s+\p{Lu}/u.test(sentence.slice(m.index + m[0].length)))) return null;
    // "daily and weekly contacts": coordinated adjectives, both before the noun.
    let after = sentence.slice(m.index + m[0].length);
    const coordinated = /^\s+(?:and|or)\s+(?:hourly|daily|nightly|weekly|monthly|yearly)\b/i.exec(after);
    if (coordinated) after = after.slice(coordinated[0].length);
    if (word.toLowerCase() !== 'annually' && !AFTER_ADVERB.test(after)) return null;
    // "The Milan daily, Il Giornale, said", "Japan's leading economic daily,": a newspaper.
    if (NEWSPAPER_BEFORE.test(sentence.slice(0, m.index)) && /^\s*[^\p{L}\s]/u.test(after)) return null;
    const start = m.index + m[0].length - word.length;
    return { ...span(m, start), resolve: fixed('SET', ADVERB_SETS[word.toLowerCase()]) };
  },
};

const WEEKDAY = `(?:${WEEKDAY_NAMES.join('|')})`;
const PARTS_OF_DAYS = 'mornings|afternoons|evenings|nights';
const WEEKDAY_SET: Recognizer = {
  trigger: new RegExp(`${WEEKDAY_NAMES.join('|')}|[Ww]eekends`),
  pattern: new RegExp(
    `\\b(?:(?<day>${WEEKDAY})s|(?<day2>${WEEKDAY})\\s+(?<part>${PARTS_OF_DAYS})|(?<weekends>[Ww]eekends)|` +
      // "on Monday and Tuesday nights": the plural of the last weekday of a list is each one's. A space before "and"
      // has one place to go: split between two runs of them, a long run took time in the square of its length.
      `(?<listed>${WEEKDAY})(?=(?:\\s*,\\s*${WEEKDAY})*(?:\\s*,)?\\s+(?:and|or|&)\\s+${WEEKDAY}(?:s|\\s+(?<listPart>${PARTS_OF_DAYS}))\\b))\\b`,
    'g',
  ),
  make(m, sentence) {
    if (m.groups.weekends) return { ...span(m), resolve: fixed('SET', 'XXXX-WXX-WE') };
    // "The Happy Mondays", "Manic Mondays": after a capitalized word inside a sentence, a name.
    if (m.groups.day && CAPITALIZED_WORD_BEFORE.test(sentence.slice(0, m.index))) return null;
    const weekday = WEEKDAY_NAMES.indexOf(m.groups.day ?? m.groups.day2 ?? m.groups.listed!) + 1;
    const partWord = m.groups.part ?? m.groups.listPart;
    const part = partWord ? `T${PART_OF_DAY[partWord.replace(/s$/, '')]}` : '';
    return { ...span(m), resolve: fixed('SET', `XXXX-WXX-${weekday}${part}`) };
  },
};

// "the last Sunday in April", "the second Tuesday of November 2016": a weekday counted within a month, whose year is
// the one the month alone would resolve to. Not the last Sunday before the article's date.
const ORDINAL_IN_MONTH: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5, last: -1, final: -1 };
const ORDINAL_WORD = '[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ll]ast|[Ff]inal|1st|2nd|3rd|4th|5th';
const WEEKDAY_OF_MONTH: Recognizer = {
  trigger: new RegExp(`(?:irst|econd|hird|ourth|ifth|ast|inal|st|nd|rd|th)\\s+${WEEKDAY}\\s+(?:in|of)\\s`, 'u'),
  pattern: new RegExp(
    `\\b(?:[Tt]he\\s+)?(?<ord>${ORDINAL_WORD})\\s+(?<weekday>${WEEKDAY})\\s+(?:in|of)\\s+(?<month>${MONTH_WORD})(?:,?\\s+(?<year>(?:19|20)\\d\\d))?(?![\\p{L}\\p{N}])`,
    'gu',
  ),
  make(m) {
    const g = m.groups;
    const month = monthNumber(g.month!);
    const weekday = WEEKDAY_NAMES.indexOf(g.weekday!) + 1;
    const ordinal = ORDINAL_IN_MONTH[g.ord!.toLowerCase()];
    return { ...span(m), resolve: inMonth(month, g.year, (year) => weekdayOfMonth(year, month, weekday, ordinal)), grain: 'day' };
  },
};

// "the first week of May", "the last week in February 1987", "the last March week": the ISO week holding most of the
// month's first (last) seven days, as ISO's first week of a year is the one holding most of its first seven days.
const WEEK_OF_MONTH: Recognizer = {
  trigger: new RegExp(`week\\s+(?:in|of)\\s|${MONTH_WORD}\\s+week`, 'u'),
  pattern: new RegExp(
    `\\b(?:[Tt]he\\s+)?(?<ord>${ORDINAL_WORD})\\s+(?:week\\s+(?:in|of)\\s+(?<month>${MONTH_WORD})(?:,?\\s+(?<year>(?:19|20)\\d\\d))?|(?<monthBefore>${MONTH_WORD})\\s+week)(?![\\p{L}\\p{N}])`,
    'gu',
  ),
  make(m) {
    const g = m.groups;
    const month = monthNumber(g.month ?? g.monthBefore!);
    const ordinal = ORDINAL_IN_MONTH[g.ord!.toLowerCase()];
    return { ...span(m), resolve: inMonth(month, g.year, (year) => weekOfMonth(year, month, ordinal)) };
  },
};

/**
 * A value within a month: of the year stated, else of the year the month alone resolves to; without the article's
 * date, the month.
 */
function inMonth(month: number, statedYear: string | undefined, valueIn: (year: number) => string): Resolver {
  if (statedYear) return fixed('DATE', valueIn(Number(statedYear)));
  return relativeTo('DATE', `XXXX-${pad(month)}`, (ref, ctx) => valueIn(Number(resolveMonth(month, ref, ctx.tense, null).slice(0, 4))));
}

function lastDayOfMonth(year: number, month: number): Day {
  const [nextYear, nextMonth] = addMonths(year, month, 1);
  return addDays({ year: nextYear, month: nextMonth, day: 1 }, -1);
}

/** The `ordinal`-th ISO `weekday` of a month (-1: the last), or the month when it has none ("the fifth Monday"). */
function weekdayOfMonth(year: number, month: number, weekday: number, ordinal: number): string {
  let day: Day;
  if (ordinal < 0) {
    const last = lastDayOfMonth(year, month);
    day = addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
  } else {
    const first = { year, month, day: 1 };
    day = addDays(first, (weekday - isoWeekday(first) + 7) % 7 + 7 * (ordinal - 1));
  }
  return day.month === month ? formatDay(day) : `${pad(year, 4)}-${pad(month)}`;
}

/** The ISO week of the `ordinal`-th seven days of a month (-1: the last): the one holding their middle day. */
function weekOfMonth(year: number, month: number, ordinal: number): string {
  const middle = ordinal < 0 ? addDays(lastDayOfMonth(year, month), -3) : { year, month, day: 7 * ordinal - 3 };
  return isValidDay(middle) ? isoWeek(middle) : `${pad(year, 4)}-${pad(month)}`;
}

/** The month last named, if it was named without its day after the last day named. */
function monthNamedSinceDay(focus: Focus): Day | null {
  const { day, month } = focus;
  return day && month && (day.year !== month.year || day.month !== month.month) ? month : null;
}

/** Recognizers run before chrono-node, whose spans chrono does not see; longest match first among them. */
export const BEFORE_CHRONO: Recognizer[] = [
  duration,
  MONTH_OF_YEAR,
  MONTH_ALONE,
  MONTH_DAY_IN_WORDS,
  VAGUE_SPAN,
  LONG_ADJECTIVE,
  REPORTING_YEAR,
  RELATIVE_PERIOD,
  PERIOD_BEFORE_OR_AFTER,
  WEEKDAY_OF_MONTH,
  WEEK_OF_MONTH,
  WEEKEND,
  CASUAL,
  CLOCK_BY_PART,
  ZONED_CLOCK,
  CLOCK_SPAN,
  MIDNIGHT_OF_DAY,
  ANCHORED_DAY,
  REFERENCE,
  ORDINAL_QUARTER,
  HALF_BY_QUARTERS,
  QUARTER_CODE,
  QUARTER_REFERENCE,
  YEAR_AGO,
  SEASON,
  DECADE,
  FISCAL_YEAR,
  YEAR_SPAN,
  YEAR_WORDS,
  HOLIDAY,
  PERIOD_EDGE,
  EVERY,
  ADVERB_SET,
  WEEKDAY_SET,
];

// After chrono-node: bare years, which chrono leaves alone ("in 1998", "the 1986 bombing").
const FUNCTION_WORDS_AFTER_YEAR = new Set(
  ('and or to when at for but it a an the after before that so because as in on by with through until than was were is are will ' +
    'had has have he she they we i who which while where if levels level alone and versus vs').split(' '),
);
const TIME_WORDS_BEFORE_YEAR =
  /\b(?:the|a|an|its|his|her|their|our|this|that|in|since|by|from|of|fiscal|early|late|mid|until|till|through|during|before|after|between|and|to|year|summer|winter|spring|fall|autumn|[\p{L}]+['’]s)\s*$|mid-$|\bend-$|\bpost-$|\bpre-$/iu;
const COUNTED = new Set('people men women children police staff personnel cattle feet'.split(' '));
const QUANTITY_BEFORE = /\b(?:about|some|nearly|almost|over|than|only|just|around|approximately|roughly|all|total|totaled|totalled|of\s+about)\s*$/i;

// Capitalized words a year follows as a year: months, days, seasons, holidays and the like.
const NOT_A_NAME_BEFORE_YEAR = new RegExp(
  `^(?:${[...MONTH_NAMES, ...WEEKDAY_NAMES].join('|')}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Spring|Summer|Fall|Autumn|Winter|Christmas|Easter|Fiscal|FY|Q[1-4]|H[12]|In|Since|By|From|Until|Of|The|Early|Late|Mid|Before|After|During|Through)$`,
);
/**
 * The end of `text` from its `count`-th last word, with the spaces and the character before that word: a pattern
 * anchored at the end that spans fewer words reads it as it reads all of `text`, and each date no longer reads its
 * sentence back to the start (quadratic in a sentence of thousands of years).
 */
export function lastWords(text: string, count: number): string {
  let start = text.length;
  for (let word = 0; word < count && start > 0; word++) {
    while (start > 0 && /\s/.test(text[start - 1])) start--;
    while (start > 0 && !/\s/.test(text[start - 1])) start--;
  }
  while (start > 0 && /\s/.test(text[start - 1])) start--;
  return text.slice(Math.max(0, start - 1));
}

/** "Windows 2000", "Orion 1980": a number in a name, after a capitalized word inside the sentence that is no time word. */
function followsName(before: string): boolean {
  const name = /(?<=\S\s+)(\p{Lu}[\p{L}&-]*)\s+$/u.exec(before);
  return !!name && !NOT_A_NAME_BEFORE_YEAR.test(name[1]);
}

const BARE_YEAR: Recognizer = {
  trigger: /(?:1[6-9]|20)\d\d/u,
  // Not a measure: "a 2048-bit number", "a 1600-strong crowd".
  pattern: /(?<![\p{L}\p{N}$£€¥.,#:/])(?<!(?<!\b(?:[Mm]id|MID|post|pre|[Ee]nd|END))-)((?:1[6-9]|20)\d\d)(?![\p{L}\p{N}]|\s*%|[.,:/]\d|-\d|-(?:bits?|bytes?|strong|pixels?|pages?|miles?|metres?|meters?|feet|foot|tonnes?|tons?|km|mph|seats?|member|megawatt|cc)\b)/gu,
  make(m, sentence) {
    // The patterns read before a year span at most two words; three are kept.
    const before = lastWords(sentence.slice(0, m.index), 3);
    if (followsName(before)) return null;
    const after = sentence.slice(m.index + m[0].length);
    const nextWord = /^\s+(\p{Ll}[\p{L}'-]*)/u.exec(after)?.[1];
    if (nextWord && !FUNCTION_WORDS_AFTER_YEAR.has(nextWord)) {
      // "1962 people voted", "2000 tonnes": a count of something, unless a time word says it is a year ("the 1998
      // bombings", "his 1996 campaign").
      const counted = /s$/.test(nextWord) || COUNTED.has(nextWord);
      if ((counted && !TIME_WORDS_BEFORE_YEAR.test(before)) || QUANTITY_BEFORE.test(before)) return null;
    } else if (QUANTITY_BEFORE.test(before)) {
      return null;
    }
    return { ...span(m), resolve: fixed('DATE', m[1]), extendable: true };
  },
};

export const AFTER_CHRONO: Recognizer[] = [BARE_YEAR];

/** All matches of the recognizers in the sentence, longest first where they overlap. */
export function recognize(recognizers: Recognizer[], sentence: string): Candidate[] {
  const found: Candidate[] = [];
  const keep = (candidate: Candidate) => {
    if (candidate.end > candidate.start) found.push(candidate);
  };
  for (const { pattern, trigger, make } of recognizers) {
    if (!trigger.test(sentence)) continue;
    // The pattern's own exec, not matchAll: matchAll copies the pattern for every sentence, which cost about a fifth of
    // the dates stage. An empty match moves on by one character (a whole code point under the u flag), as matchAll does.
    pattern.lastIndex = 0;
    for (let m = pattern.exec(sentence) as Match | null; m; m = pattern.exec(sentence) as Match | null) {
      if (!m[0]) {
        pattern.lastIndex += pattern.unicode && (sentence.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1;
        continue;
      }
      const made = make(m, sentence);
      if (Array.isArray(made)) made.forEach(keep);
      else if (made) keep(made);
    }
  }
  return selectLongest(found);
}

/**
 * Non-overlapping candidates, preferring the longer one (then the earlier recognizer), in text order; an empty one is
 * no date. The chosen are kept in text order, where only the last one starting before a candidate's end can overlap
 * it: checking every chosen one made a sentence listing thousands of dates take seconds.
 */
export function selectLongest(candidates: Candidate[]): Candidate[] {
  const byLength = candidates.filter((c) => c.end > c.start).map((c, i) => ({ c, i })).sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.i - b.i);
  const chosen: Candidate[] = [];
  for (const { c } of byLength) {
    const after = firstStartingFrom(chosen, c.end);
    if (after > 0 && chosen[after - 1].end > c.start) continue;
    chosen.splice(after, 0, c);
  }
  return chosen;
}

// Modifiers that TimeML keeps inside a date's extent without changing its value ("early 1990", "late yesterday",
// "the end of November", "end-November"), "the night of" which adds a part of day, "the week of" which makes a day its week, and "day
// before" or "after" which moves it (TimeBank leaves its article out: "The [day before last Tuesday]").
const LEFT_MODIFIER =
  /(?:\b(?:early|late|earlier|later|sometime|(?:the\s+)?(?:end|beginning|start|middle|close)\s+of|(?:the\s+)?(?<part>night|morning|evening|afternoon)\s+of|(?:the\s+)?(?<week>week)\s+of|(?<shift>day\s+(?:before|after)))\s+|\bmid-\s*|\bmid\s+|\bpost-|\bend-)$/i;

/**
 * Takes leading modifiers into extendable candidates' extents; "the night of Friday" adds the part of day, "the week
 * of March 6" is the week holding the day (only a day: "the last week of December" is no week of December's).
 */
export function extendLeft(sentence: string, candidates: Candidate[]): Candidate[] {
  return candidates.map((c, i) => {
    if (!c.extendable) return c;
    const floor = i > 0 ? candidates[i - 1].end : 0;
    const m = LEFT_MODIFIER.exec(sentence.slice(floor, c.start));
    if (!m) return c;
    if (m.groups?.week) return c.grain === 'day' ? { ...c, start: floor + m.index, grain: undefined, resolve: (ctx) => weekOf(c.resolve(ctx)) } : c;
    if (m.groups?.shift) {
      const days = /before/i.test(m.groups.shift) ? -1 : 1;
      return c.grain === 'day' ? { ...c, start: floor + m.index, resolve: (ctx) => dayMoved(c.resolve(ctx), days) } : c;
    }
    const part = m.groups?.part ? PART_OF_DAY[m.groups.part.toLowerCase()] : null;
    const resolve: Resolver = part ? (ctx) => withTime(c.resolve(ctx), part) : c.resolve;
    return { ...c, start: floor + m.index, resolve };
  });
}

/** A day's value `days` away: a weekday without its date moves to the weekday next to it. */
function dayMoved(resolved: Resolved | null, days: number): Resolved | null {
  if (!resolved) return null;
  const weekday = /^XXXX-WXX-(\d)$/.exec(resolved.value);
  if (weekday) return { ...resolved, value: `XXXX-WXX-${((Number(weekday[1]) - 1 + days + 7) % 7) + 1}` };
  // Without its year a day moves in a common year (a leap year only from Feb. 29): "the day before March 1" is Feb. 28.
  const unknownYear = resolved.value.startsWith('XXXX-');
  const stand = resolved.value.endsWith('-02-29') ? '2000' : '2001';
  const day = /^(?:\d{4}|XXXX)-\d{2}-\d{2}$/.test(resolved.value) ? parseDay(unknownYear ? `${stand}${resolved.value.slice(4)}` : resolved.value) : null;
  if (!day) return { ...resolved, value: 'XXXX-XX-XX' };
  const moved = formatDay(addDays(day, days));
  return { ...resolved, value: unknownYear ? `XXXX${moved.slice(4)}` : moved };
}

/** The ISO week holding a day's value; without the day's year, an unknown week. */
function weekOf(resolved: Resolved | null): Resolved | null {
  if (!resolved) return null;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(resolved.value) ? parseDay(resolved.value) : null;
  return { ...resolved, type: 'DATE', value: day ? isoWeek(day) : 'XXXX-WXX' };
}

/** A day's value with a time part added ("2016-10-15" and "15:00" make "2016-10-15T15:00", a TIME). */
export function withTime(resolved: Resolved | null, time: string): Resolved | null {
  if (!resolved || !/^(?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX)$|^XXXX-WXX-\d$/.test(resolved.value)) return resolved;
  return { ...resolved, type: 'TIME', value: `${resolved.value}T${time}` };
}
