// What a relative date expression is resolved against: the article's reference date, the tense of the clause around
// it ("will meet Friday" is ahead, "met Friday" behind), and the last dates the article mentioned ("the quarter",
// "a year earlier", "that day").
import type { DateAnchor, TimexType } from './types';
import { type Day, addDays, addMonths, dayNumber, formatDay, isValidDay, isoWeekday, pad, quarterOf, seasonOf } from './timex';

/**
 * The time of the clause around an expression. 'completed' is a time the words put firmly behind, however far back: a
 * period that has ended ("the year ended Jan. 31"), or a fronted date whose main clause is past.
 */
export type Tense = 'completed' | 'past' | 'future' | 'unknown';

export interface Focus {
  /** The last single day mentioned, e.g. for "that day" and "the next day". */
  day: Day | null;
  /** A day in the week of the last date mentioned at a week's grain or finer, for "the following week". */
  week: Day | null;
  /** The month of the last date mentioned at a month's grain or finer (its first day), for "the following month". */
  month: Day | null;
  /** The last quarter mentioned ("1989-Q3"), for "the quarter" and "a year earlier" in results reporting. */
  quarter: string | null;
  /** Sentences since that quarter was mentioned (0 in the same sentence). */
  quarterAge: number;
  /** The last quarter named, forecast ones too ("next quarter"), for "the following quarter". */
  namedQuarter: string | null;
  /** Sentences since that quarter was named. */
  namedQuarterAge: number;
  /** The year of the last date mentioned, for "that year" and "later that year". */
  year: number | null;
  /** The last decade mentioned ("198"), for "that decade". */
  decade: string | null;
  /**
   * The last period other than a quarter that the current sentence reports on: a year it states ("1986" in "profit
   * rose in 1986"), a stretch of months ("P9M" in "for the nine months") or its one month ("2016-05" in "production in
   * May fell"). What "a year earlier" after it compares with.
   */
  sentencePeriod: string | null;
}

export interface Context {
  /** The article's date; null when unknown, and then the parts that depend on it stay X. */
  reference: Day | null;
  tense: Tense;
  focus: Focus;
}

export interface Resolved {
  type: TimexType;
  value: string;
  anchor: DateAnchor;
  /** False for a value derived from the article's last quarter ("a year earlier"), which must not replace it. */
  setsFocus?: boolean;
}

export type Resolver = (context: Context) => Resolved | null;

/** How many sentences after a quarter is named "a year ago" still compares with it rather than with last year. */
const QUARTER_MEMORY = 2;

/** The quarter that results reporting is about, if one was named in the last few sentences. */
export function quarterInFocus(focus: Focus): string | null {
  return focus.quarter && focus.quarterAge <= QUARTER_MEMORY ? focus.quarter : null;
}

/**
 * The quarter "the following quarter" comes after: the later of the one reported on and the last one named, as a
 * forecast quarter moves the story on ("will begin next quarter, with full production the following quarter").
 */
export function quarterToFollow(focus: Focus): string | null {
  const reported = quarterInFocus(focus);
  const named = focus.namedQuarter && focus.namedQuarterAge <= QUARTER_MEMORY ? focus.namedQuarter : null;
  if (!named || reported?.startsWith('XXXX') || named.startsWith('XXXX')) return reported;
  return reported && reported > named ? reported : named;
}

/** The year "a year earlier" compares with: one its sentence states ("profit rose in 1986 from a year earlier"). */
export function comparedYear(focus: Focus): number | null {
  const period = focus.sentencePeriod;
  return period && /^\d{4}$/.test(period) && focus.quarterAge > 0 ? Number(period) : null;
}

/**
 * The month "a year earlier" and "a month earlier" count from: the one their sentence reports on ("production in May
 * fell 11 pct from a year earlier").
 */
export function comparedMonth(focus: Focus): string | null {
  const period = focus.sentencePeriod;
  return period && /^\d{4}-\d{2}$/.test(period) ? period : null;
}

/**
 * A quarter ahead of the one reported on that the current sentence names: what its comparisons with a year before
 * compare ("expects earnings for the fourth quarter ending May 30 to exceed those of a year ago", a fiscal quarter
 * after the article's calendar quarter).
 */
export function quarterNamedAhead(focus: Focus): string | null {
  const named = focus.namedQuarterAge === 0 && focus.namedQuarter && !focus.namedQuarter.startsWith('XXXX') ? focus.namedQuarter : null;
  return named && (focus.quarterAge > 0 || !focus.quarter || named > focus.quarter) ? named : null;
}

/** The quarter "a year earlier" compares with: the one reported on, unless its sentence names another period. */
export function comparedQuarter(focus: Focus): string | null {
  return quarterNamedAhead(focus) ?? (focus.sentencePeriod !== null && focus.quarterAge > 0 ? null : quarterInFocus(focus));
}

/**
 * The day of a clock time or part of the day stated without one: the day the article named last ("on Oct. 23 ... at
 * 10 p.m."), else its date. Not a day after the article's in a past clause, which reports what happened: "Tomorrow's
 * figures ... The dollar rose in mid-afternoon".
 */
export function dayOfTime(context: Context): Resolved {
  const named = context.focus.day;
  const ahead = named && context.reference && dayNumber(named) > dayNumber(context.reference) && (context.tense === 'past' || context.tense === 'completed');
  const day = (ahead ? null : named) ?? context.reference;
  return { type: 'DATE', value: day ? formatDay(day) : 'XXXX-XX-XX', anchor: named && !ahead ? 'earlier-date' : 'article-date' };
}

/** A resolver for a value that the words give on their own. */
export const fixed = (type: TimexType, value: string): Resolver => () => ({ type, value, anchor: 'text' });

/** A resolver that needs the reference date; without one, `unknown` (the value with X parts). */
export function relativeTo(type: TimexType, unknown: string, resolve: (reference: Day, context: Context) => string): Resolver {
  return (context) => ({ type, value: context.reference ? resolve(context.reference, context) : unknown, anchor: 'article-date' });
}

// Future: modal and scheduling words in the clause before the expression ("is scheduled to close Monday", "will
// meet Friday", "as soon as Tuesday"). Past: a past-tense verb or auxiliary.
const FUTURE = /\b(?:will|wo|shall|'ll|would|could|might|should(?!\s+(?:not\s+)?have\b(?!\s+(?:a|an|the|no|more|little|its|their|some|any|about)\b))|going\s+to|(?<!\b(?:the|a|its|their|his|her|this|that)\s)plans?|planning|planned|schedul(?:ed|es?)|set\s+to|expects?|sees|predicts?|(?<!\bas\s)expected\s+(?:to|on|in|by|at|next|later|early|late|soon)|is\s+to|are\s+to|due\s+to\s+(?!the\b|a\b)|intends?\s+to|hopes?\s+to|aims?\s+to|wants?\s+to|seeks?\s+to|proposes?\s+to|as\s+(?:soon|early)\s+as|(?:un)?likely\s+to|next(?!\s+to\b)|upcoming|effective|payable|deadline|tomorrow)\b/i;
// A date something is moved to is ahead: "postponed until Friday", "extended the offer to Nov. 10"; "extended its
// offer Friday" is not.
const MOVED_TO = /\b(?:postponed|delayed|extended|moved|pushed\s+back|put\s+off)\b.*\b(?:until|till|to|through|into)\s+(?:(?:the|next|late|early|mid-?)\s*)?$/i;
// Irregular past forms that are not also present forms ("put", "cut", "set" are, so they stay out): "In January,
// American Medical brought in a new team" is behind like "signed".
const IRREGULAR_PAST =
  'began|came|went|took|made|told|met|left|held|saw|won|lost|fell|rose|gave|got|sent|spent|found|struck|fought|spoke|wrote|broke|ran|shot|' +
  'brought|bought|sold|paid|led|built|became|chose|drew|drove|fled|flew|grew|knew|stood|threw|sought|taught|caught|felt|kept|lent|' +
  'meant|heard|laid|sank|swore|stole|withdrew|overtook|understood|forgave|froze|sped|swept|stuck|swung';
const PAST = new RegExp(`\\b(?:was|were|had|did|said|ago|last|earlier|yesterday|put|${IRREGULAR_PAST}|\\w{3,}ed)\\b`, 'i');
const PAST_VERB = new RegExp(`^(?:\\p{L}{2,}ed|said|${IRREGULAR_PAST}|hit|quit|cut|set)$`, 'u');
// Verbs of scheduled events in the present tense: news writes "ministers meet on Thursday", "the festival opens
// Friday" for what is ahead, and the past tense for what happened.
const SCHEDULED_PRESENT =
  /\b(?:meets?|begins?|opens|starts|resumes?|visits?|convenes?|expires?|ends|arrives?|returns?|plays?|faces?|decides?|testif(?:y|ies)|hears|hosts?|travels?|heads|goes|leaves|votes)\s+(?:\p{L}+ly\s+)?(?:on\s+|at\s+)?$/iu;
// Or one with the place between the verb and the date: "leaves for Moscow on Tuesday", "auditions begin in Canada on
// Thursday", "the dispute goes to the Commission on Monday". Not "visit", whose "to" makes it a noun ("began a visit to
// Beijing on Monday"). The place is capitalized, so the verbs are written in lower case.
const SCHEDULED_PRESENT_AT_PLACE =
  /\b(?:meets?|begins?|opens|starts|resumes?|convenes?|ends|arrives?|returns?|plays?|travels?|heads|goes|leaves)\s+(?:in|for|to|from|at)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}(?:on\s+)?$/u;
// Words before such a verb that make it a noun ("the vote on Friday", "an early start") or not present ("did not play").
const NOT_PRESENT_BEFORE = /\b(?:the|a|an|this|that|his|her|its|their|our|early|late|first|final|next|last|did|didn't|not|never|to)\W*$/i;

// Past forms that look ahead ("expected on Friday", "postponed until"), not past verbs of the date's event.
const LOOKING_AHEAD = 'expected|scheduled|planned|slated|postponed|delayed|extended|set';
const LOOKING_AHEAD_PARTICIPLE = new RegExp(`^(?:${LOOKING_AHEAD})$`);
// A verb and the word before it, right before "in" and the date ("sales rose in", "was released in").
const VERB_BEFORE_IN = /(?:\b(?<aux>\p{L}+)\s+)?\b(?<verb>[\p{L}']+)\s+in\s+$/u;
// Before "in", those and the past forms that are often nouns ("the rate cut in May").
const NOT_PAST_BEFORE_IN = new RegExp(`^(?:${LOOKING_AHEAD}|cut|hit)$`, 'i');
// Words before such a past form that make it a present or future passive, an infinitive or a habit.
const NOT_PAST_AUXILIARY =
  /^(?:is|are|am|be|been|being|to|will|would|could|can|may|might|must|should|shall|usually|often|normally|typically|generally|always|traditionally)$/i;

// A passive verb after a future auxiliary is ahead, though its participle looks past: "will be redeemed July 12",
// "figures to be reported Tuesday".
const FUTURE_PASSIVE = /(?:\b(?:will|shall|would)|'ll|(?<!\bused\s)\bto)\s+(?:not\s+)?be\s+(?:\p{L}+ly\s+)?\p{L}+\s+(?:on\s+|late\s+|early\s+)?$/iu;

const ENDED_PERIOD = /\b(?:year|quarter|period|half|months|weeks)\s+ended\s+(?:on\s+)?$/i;

// A capitalized word ending in -ed inside a sentence is a name, not a past verb: "the United Nations", "Allied Signal".
const PROPER_ED = /(?<=[\p{L}\p{N},;]\s{1,4})\p{Lu}\p{Ll}+ed\b/gu;
// Past verbs of saying, after which a reported clause follows.
export const REPORTED = 'said|told|added|announced|reported';
// Reporting verbs start a new clause: "said Friday that it will ..." is past at "Friday".
const CLAUSE_START = new RegExp(`[;:]|\\b(?:${REPORTED}|says|that)\\b`, 'gi');
// "said in January that it will cut", "announced in November they would quit": the date is when it was said, and the
// "will" belongs to the reported clause, which "that" or a pronoun subject opens.
const REPORTED_IN = new RegExp(`^(?:${REPORTED})$`, 'i');
// One run of space on either side of the comma: "\\s*,?\\s*" took n² steps on a run of n spaces.
const REPORTED_CLAUSE_AFTER = /^\s*(?:,\s*)?(?:that|it|he|she|they|we)\b/i;

// At most two words (a preposition, "Also on", "But by") between the start of a clause and a date.
const FRONTED_BEFORE = /^\W*(?:\p{L}+\s+){0,2}$/u;
// "Data General said," between a fronted date and its clause.
const REPORTED_ASIDE = /^\s*(?:\p{L}+\s+){1,3}(?:said|says|added|noted)\s*$/iu;
// Past cues that are not the event's own verb: a reporting verb, or a word such as "last" or "ago".
const WEAK_PAST = /^(?:said|told|added|announced|reported|noted|ago|last|earlier|yesterday)$/i;
const SUBORDINATE_START = /^\s*(?:when|while|as|after|before|because|since|although|though|if|once|until)\b/i;

// "A memorial service planned at the university for Saturday was canceled": a participle after a noun, and the
// clause's own verb after the date, in the past.
const PLANNED_FOR = /\b(?<!\b(?:is|are|was|were|be|been|being|has|have|had|not)\s+)(?:planned|scheduled)\s+(?:[^,;:]*\s)?(?:for|on)\s+$/i;
const PAST_VERB_AFTER = /^\s*(?:was|were)\s/i;

const DEADLINE = /\b(?:until|till|by|before|due(?:\s+(?:on|in|by))?)\s+$/i;
const OPENING_DEADLINE = /^\W*(?:\p{L}+\s+)?(?:until|till|by|before)\s+$/iu;

// How far back the words before an expression are read for its tense, unless its clause starts further back.
const WINDOW = 80;
// How far back a clause is read at most: a run of text without a sentence end (a table, a list) must not make each
// date read all of it.
const CLAUSE_REACH = 400;
const FUTURE_ALL = new RegExp(FUTURE.source, 'gi');
const PAST_ALL = new RegExp(PAST.source, 'gi');
// A relative clause or phrase set off by commas has its own verbs, not the clause's: "The sale, which had been
// expected, is part of a program to pay down the loan by February", "from 500 mln on Friday, for which he could give
// no reason, to one billion on Thursday".
const SET_OFF = /,\s*(?:(?:for|in|of|by|with|to|from|at|on|under|through|during)\s+)?(?:which|who|whose|whom|where|after|before|while|when|as|although|though)\b[^,;]*,/gi;

/**
 * The tense of the clause's words further back than the window, when the window holds none: the last cue after the
 * clause's start ("Albright, after a 16-hour flight, is scheduled to spend only five hours on the ground in Dar es
 * Salaam, Tanzania, her first stop Tuesday morning"). Only a future one is taken: a past verb that far back is more
 * often wrong than right (Reuters: "The Treasury proposed allowing temporary imports of uranium ore ... until July 1",
 * "a pledge to meet again in September").
 */
function earlierInClause(before: string): Tense {
  const words = before.replace(SET_OFF, ',');
  let clause = words;
  for (const m of words.matchAll(CLAUSE_START)) clause = words.slice(m.index! + m[0].length);
  const future = Math.max(-1, ...[...clause.matchAll(FUTURE_ALL)].map((m) => m.index!));
  const past = Math.max(-1, ...[...clause.matchAll(PAST_ALL)].map((m) => m.index!));
  // "scheduled" is a future cue that also looks like a past verb.
  if (future >= 0 && future >= past) return 'future';
  return past >= 0 ? 'past' : 'unknown';
}

/** The sentence with its capitalized words ending in -ed blanked, for tenseAt; once a sentence, not once a date. */
export function blankNamesEndingInEd(sentence: string): string {
  return sentence.replace(PROPER_ED, (word) => ' '.repeat(word.length));
}

/** The tense of the clause around the expression at `start` in `sentence`, which blankNamesEndingInEd has read. */
export function tenseAt(sentence: string, start: number, end: number): Tense {
  let before = sentence.slice(Math.max(0, start - WINDOW), start);
  // The words right before the expression, where the patterns below look (a short string keeps them fast).
  const tail = before.slice(-40);
  // "meets on Monday and Tuesday": a day joined to another takes its tense.
  const joined = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?=\s+(?:and|or|to|through|until)\s+$)/.exec(tail);
  if (joined) {
    const at = start - tail.length + joined.index;
    return tenseAt(sentence, at, at + joined[0].length);
  }
  // The verb right before the expression decides: "militia groups warned Sunday", "will meet on Friday".
  const verb = /\b([\p{L}']+)\s+(?:on\s+|late\s+|early\s+)?$/u.exec(tail)?.[1].toLowerCase();
  if (FUTURE_PASSIVE.test(tail)) return 'future';
  // "the fiscal year ended Jan. 31": a reporting period already over, unless the sentence looks ahead ("said it will
  // take a charge in the quarter ended March 31", a week before that day).
  if (ENDED_PERIOD.test(tail) && !FUTURE.test(sentence.slice(0, start))) return 'completed';
  if (verb && PAST_VERB.test(verb) && !LOOKING_AHEAD_PARTICIPLE.test(verb)) return 'past';
  // "Sales rose in December", "the service, launched in December": a past verb right before "in" puts the date behind
  // however far back. Not a present or future passive ("is anticipated in", "will be released in", "to be held in"), a
  // habit ("usually made in April"), a noun ("the rate cut in May"), nor a past form in a clause that looks ahead
  // ("would only break when the rains fell in late May").
  const verbIn = /\bin\s+$/.test(tail) ? VERB_BEFORE_IN.exec(tail)?.groups : undefined;
  if (verbIn && PAST_VERB.test(verbIn.verb.toLowerCase()) && !NOT_PAST_BEFORE_IN.test(verbIn.verb) && !NOT_PAST_AUXILIARY.test(verbIn.aux ?? '') && !FUTURE.test(before)) {
    return 'completed';
  }
  const scheduled = SCHEDULED_PRESENT.exec(tail) ?? SCHEDULED_PRESENT_AT_PLACE.exec(tail);
  if (scheduled && !NOT_PRESENT_BEFORE.test(tail.slice(0, scheduled.index))) return 'future';
  let clauseStart = 0;
  for (const m of before.matchAll(CLAUSE_START)) {
    // "said Friday", "said on Friday": the reporting verb itself is the clause's verb.
    const between = before.slice(m.index! + m[0].length);
    if (/^\s*(?:on\s+|late\s+|early\s+)?$/.test(between)) return 'past';
    if (REPORTED_IN.test(m[0]) && /^\s*in\s+$/i.test(between) && REPORTED_CLAUSE_AFTER.test(sentence.slice(end))) return 'completed';
    clauseStart = m.index! + m[0].length;
  }
  before = before.slice(clauseStart).replace(SET_OFF, ',');
  if (/\bhad\b|\bsince\s+(?:early\s+|late\s+|mid-?)?$/i.test(before)) return 'past';
  if (PLANNED_FOR.test(before) && PAST_VERB_AFTER.test(sentence.slice(end))) return 'past';
  if (FUTURE.test(before) || MOVED_TO.test(before)) return 'future';
  if (PAST.test(before)) return 'past';
  if (clauseStart === 0 && start > WINDOW && earlierInClause(sentence.slice(Math.max(0, start - CLAUSE_REACH), start - WINDOW)) === 'future') return 'future';
  // "On Tuesday, the league plans to hold a news conference": a date that opens its clause, set off by a comma, takes
  // the tense of the clause after the comma, whose subject may be long: its first verb, not one of a clause it
  // introduces ("Over the weekend, officials confirmed reports that ships could head ...").
  if ((clauseStart > 0 || start <= WINDOW) && FRONTED_BEFORE.test(before) && /^\s*,/.test(sentence.slice(end))) {
    const tense = mainClauseTense(sentence.slice(end, end + 160), OPENING_DEADLINE.test(before));
    if (tense !== 'unknown') return tense;
  }
  const after = sentence.slice(end, end + 40).split(/[,;:]/)[0];
  if (FUTURE.test(after)) return 'future';
  if (PAST.test(after)) return 'past';
  // A deadline in a clause without a past verb is ahead: "has given them until 9 a.m. Tuesday to sign", "with
  // construction to start before year-end", "the note, due August three, will be paid". Not one that opens its clause
  // (`before` starts there), whose verb comes after the comma ("But by Wednesday, the dollar climbed").
  return DEADLINE.test(before) && !OPENING_DEADLINE.test(before) ? 'future' : 'unknown';
}

/**
 * The tense of the main clause after a fronted date's comma: its first part with a verb, past a subordinate clause set
 * off by commas ("On Friday, when Albright set aside vacation plans for the trip, the State Department lifted a
 * warning"), an apposition without a verb ("In January, a week after the anniversary of Roe v. Wade, a clinic bombing
 * ... killed") and a reporting verb set off by commas ("On May 18, Data General said, it will redeem"). A past verb of
 * the event itself puts the date behind however far back ('completed': "In January, American Medical brought in", said
 * in October), and so does a reporting verb, unless what was said looks ahead ("On May 18, the company said it will"
 * leaves the usual window; a deadline it opens is what was said: "By mid-year, the company said a lower tax rate
 * should help").
 */
function mainClauseTense(words: string, deadline: boolean): Tense {
  const parts = words.replace(/^\s*,/, '').split(/[,;:]/);
  const first = SUBORDINATE_START.test(parts[0]) && parts.length > 1 ? 1 : 0;
  for (const [i, part] of parts.slice(first).entries()) {
    if (REPORTED_ASIDE.test(part) && first + i < parts.length - 1) continue;
    const future = FUTURE.exec(part)?.index ?? Infinity;
    const past = PAST.exec(part);
    if (future === Infinity && !past) continue;
    // "planned", "scheduled" look both ways; the words after the clause decide.
    if (future === past?.index) return 'unknown';
    if (future < (past?.index ?? Infinity)) return 'future';
    if (!WEAK_PAST.test(past![0])) return 'completed';
    // Saying is behind however far back too ("In January, the company said it was holding talks"), unless what was
    // said looks ahead, which the date may belong to ("After April 15, it said it will make every effort"), or the
    // verb comes before its subject, after the words said ("talks end October 17, said Kerry").
    const saying = REPORTED_IN.test(past![0]) && /\S/.test(part.slice(0, past!.index));
    const saidAhead = saying && FUTURE.test(part.slice(past!.index + past![0].length));
    if (saidAhead && deadline) return 'future';
    return saying && !saidAhead ? 'completed' : 'past';
  }
  return 'unknown';
}

/**
 * Which of the same unit in neighbouring cycles (a month, a day of the year, a holiday; positions on one scale such as
 * year * 12 + month) the words mean: the one the clause's tense points to (the last one when it has none) if it is within
 * `window` ("set on Aug. 6" in February is last August, "by May" in March this May), else the nearest.
 */
export function choose(candidates: number[], reference: number, tense: Tense, window = Infinity): number {
  const nearest = candidates.reduce((best, c) => (Math.abs(c - reference) < Math.abs(best - reference) || (Math.abs(c - reference) === Math.abs(best - reference) && c < best) ? c : best));
  const sorted = [...candidates].sort((a, b) => a - b);
  // Without a tense, news reports what happened: the last one, unless it lies too far back.
  const byTense = tense === 'future' ? sorted.find((c) => c >= reference) : [...sorted].reverse().find((c) => c <= reference);
  return byTense !== undefined && (tense === 'completed' || Math.abs(byTense - reference) <= window) ? byTense : nearest;
}

/** How far (in days, in months) the tense may move a date away from the nearest reading. */
export const DAY_WINDOW = 250;
const MONTH_WINDOW = 8;

export type Modifier = 'last' | 'next' | 'this' | null;

/** "last", "the past", "this past" point back; "next", "the coming", "this coming" ahead; "this", "current" here. */
export function modifierOf(words: string | undefined): Modifier {
  const w = (words ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^(?:the )?(?:last|past|previous|preceding|latest)$|^this past$/.test(w)) return 'last';
  if (/^(?:the )?(?:next|coming|following)$|^this coming$/.test(w)) return 'next';
  if (/^(?:this|the current|current)$/.test(w)) return 'this';
  return null;
}

/**
 * A weekday (ISO 1-7) near the reference: "Friday" in a news story is usually the last one, or today; "next Friday"
 * is in next week.
 */
export function resolveWeekday(weekday: number, reference: Day, tense: Tense, modifier: Modifier): Day {
  const today = isoWeekday(reference);
  const back = (today - weekday + 7) % 7; // 0 when the reference is that weekday
  const ahead = (weekday - today + 7) % 7;
  if (modifier === 'last') return addDays(reference, -(back || 7));
  // "next Tuesday" said on a Monday is the Tuesday of next week; "this Tuesday" is tomorrow.
  if (modifier === 'next') return addDays(reference, weekday > today ? ahead + 7 : ahead || 7);
  if (modifier === 'this') return addDays(reference, weekday - today);
  return addDays(reference, tense === 'future' ? ahead : -back);
}

/**
 * Years either side of the reference a month and day without a year is looked for in: February 29 comes only in leap
 * years, which lie up to eight years apart (1896, 1904).
 */
const LEAP_GAP = 8;

/**
 * A month and day without a year, in the year that puts it nearest the reference (by tense); "last February 28" is
 * the last one before the reference, "next February 20" the first one after it. February 29 is in a leap year.
 */
export function resolveMonthDay(month: number, day: number, reference: Day, tense: Tense, modifier: Modifier = null): Day {
  const candidates: Day[] = [];
  for (let year = reference.year - LEAP_GAP; year <= reference.year + LEAP_GAP; year++) {
    if (isValidDay({ year, month, day })) candidates.push({ year, month, day });
  }
  const sameYear = candidates.find((c) => c.year === reference.year);
  if (modifier === 'this' && sameYear) return sameYear;
  const numbers = candidates.map(dayNumber);
  const today = dayNumber(reference);
  let chosen: number;
  if (modifier === 'last') chosen = Math.max(...numbers.filter((n) => n < today));
  else if (modifier === 'next') chosen = Math.min(...numbers.filter((n) => n > today));
  else chosen = choose(numbers, today, tense, DAY_WINDOW);
  return candidates[numbers.indexOf(chosen)];
}

/** A month without a year: "last February" is the one before the month before; "in April" the nearest by tense. */
export function resolveMonth(month: number, reference: Day, tense: Tense, modifier: Modifier): string {
  const current = reference.year * 12 + reference.month - 1;
  const candidates = [-1, 0, 1].map((k) => (reference.year + k) * 12 + month - 1);
  let chosen: number;
  if (modifier === 'last') chosen = Math.max(...candidates.filter((c) => c < current - 1));
  else if (modifier === 'next') chosen = Math.min(...candidates.filter((c) => c > current));
  else if (modifier === 'this') chosen = reference.year * 12 + month - 1;
  else chosen = choose(candidates, current, tense, MONTH_WINDOW);
  return `${pad(Math.floor(chosen / 12), 4)}-${pad((chosen % 12) + 1)}`;
}

/**
 * A quarter (1-4): the latest up to the reference's one, since results are reported after the fact; in future clauses
 * the first from the quarter just ended on ("expects to report a third-quarter loss" in October is this year's).
 */
export function resolveQuarter(quarter: number, reference: Day, tense: Tense): string {
  const current = quarterOf(reference);
  let year = reference.year;
  if (tense !== 'future' && quarter > current) year--;
  if (tense === 'future' && quarter < current - 1) year++;
  return `${pad(year, 4)}-Q${quarter}`;
}

/** The quarter before the reference's: what "the quarter" and "the latest quarter" report on. */
export function lastCompletedQuarter(reference: Day): string {
  const [year, month] = addMonths(reference.year, reference.month, -3);
  return `${pad(year, 4)}-Q${Math.ceil(month / 3)}`;
}

// In the order they start within a year (winter starts in December).
const SEASON_ORDER = ['SP', 'SU', 'FA', 'WI'];

/** A season: "last fall" is the latest one before the current season, "this summer" the one of this year. */
export function resolveSeason(season: string, reference: Day, tense: Tense, modifier: Modifier): string {
  const now = seasonOf(reference);
  const current = now.year * 4 + SEASON_ORDER.indexOf(now.season);
  const candidates = [-1, 0, 1].map((k) => (now.year + k) * 4 + SEASON_ORDER.indexOf(season));
  let chosen: number;
  if (modifier === 'last') chosen = Math.max(...candidates.filter((c) => c < current));
  else if (modifier === 'next') chosen = Math.min(...candidates.filter((c) => c > current));
  // "this winter" is the one under way; "this fall" in January the fall of the calendar year (a winter's year is the
  // one it starts in, so January belongs to last year's winter).
  else if (modifier === 'this') chosen = season === now.season ? current : reference.year * 4 + SEASON_ORDER.indexOf(season);
  // An explicit future reaches the same season next year ("will reopen in the fall", said in January).
  else chosen = choose(candidates, current, tense, tense === 'future' ? 3 : 2);
  return `${pad(Math.floor(chosen / 4), 4)}-${SEASON_ORDER[chosen % 4]}`;
}
