// TimeML TIMEX3 values: the calendar arithmetic that resolves relative expressions, and the wording of values for
// people. Days are plain {year, month, day} records in the proleptic Gregorian calendar, never Date objects in the
// machine's time zone, so a value never depends on where the code runs.

export interface Day {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
}

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];
/** ISO order: index 0 is Monday, 6 is Sunday (ISO weekday numbers are index + 1). */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const PART_OF_DAY_NAMES: Record<string, string> = { MO: 'morning', MI: 'midday', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };
const SEASON_NAMES: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const DURATION_UNITS: Record<string, [string, string]> = {
  Y: ['year', 'years'], M: ['month', 'months'], W: ['week', 'weeks'], D: ['day', 'days'], Q: ['quarter', 'quarters'],
  DE: ['decade', 'decades'], E: ['decade', 'decades'], C: ['century', 'centuries'], CE: ['century', 'centuries'],
  L: ['millennium', 'millennia'], WE: ['weekend', 'weekends'],
};
const TIME_UNITS: Record<string, [string, string]> = { H: ['hour', 'hours'], M: ['minute', 'minutes'], S: ['second', 'seconds'] };

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function parseDay(value: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDay(day) ? day : null;
}

/** Whether the value is a real day written YYYY-MM-DD (not 2025-02-30). */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && parseDay(value) !== null && value.length === 10;
}

export function isValidDay({ year, month, day }: Day): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function formatDay({ year, month, day }: Day): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01. */
export function dayNumber({ year, month, day }: Day): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

function fromDayNumber(n: number): Day {
  const date = new Date(n * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(day: Day, n: number): Day {
  return fromDayNumber(dayNumber(day) + n);
}

/** The month `n` months after year-month, as [year, month]. */
export function addMonths(year: number, month: number, n: number): [number, number] {
  const index = year * 12 + (month - 1) + n;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** ISO weekday: 1 Monday to 7 Sunday. */
export function isoWeekday(day: Day): number {
  return ((new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() + 6) % 7) + 1;
}

/** The ISO 8601 week holding the day, as "2016-W41" (the Thursday of the week decides the year). */
export function isoWeek(day: Day): string {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const week = Math.floor((dayNumber(thursday) - dayNumber({ year: thursday.year, month: 1, day: 1 })) / 7) + 1;
  return `${pad(thursday.year, 4)}-W${pad(week)}`;
}

/** The Monday of an ISO week value "2016-W41". */
export function mondayOfWeek(value: string): Day | null {
  const m = /^(\d{4})-W(\d{2})/.exec(value);
  if (!m) return null;
  const january4 = { year: Number(m[1]), month: 1, day: 4 };
  return addDays(january4, 1 - isoWeekday(january4) + (Number(m[2]) - 1) * 7);
}

export function quarterOf(day: Day): number {
  return Math.ceil(day.month / 3);
}

/**
 * The season (TIMEX3 SP, SU, FA, WI) a day falls in, meteorologically. A winter is named by the year it starts in:
 * January 2017 is in the winter of 2016 ("2016-WI"), the one that "this winter" means in October 2016.
 */
export function seasonOf(day: Day): { year: number; season: string } {
  const seasons = ['WI', 'WI', 'SP', 'SP', 'SP', 'SU', 'SU', 'SU', 'FA', 'FA', 'FA', 'WI'];
  return { year: day.month <= 2 ? day.year - 1 : day.year, season: seasons[day.month - 1] };
}

/**
 * A calendar value moved by `n` units: "1989-Q3" by -1 year is "1988-Q3", "2016-10" by 1 month "2016-11". Values that
 * are not calendar points (durations, X parts, references) come back unchanged.
 */
export function shiftValue(value: string, unit: 'Y' | 'Q' | 'M' | 'W' | 'D', n: number): string {
  let m: RegExpExecArray | null;
  const day = parseDay(value);
  if (day && /^\d{4}-\d{2}-\d{2}(T|$)/.test(value)) {
    const rest = value.slice(10);
    if (unit === 'D') return formatDay(addDays(day, n)) + rest;
    if (unit === 'W') return formatDay(addDays(day, 7 * n)) + rest;
    const months = unit === 'Y' ? 12 * n : unit === 'Q' ? 3 * n : n;
    const [year, month] = addMonths(day.year, day.month, months);
    return formatDay({ year, month, day: Math.min(day.day, daysInMonth(year, month)) }) + rest;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    const months = unit === 'Y' ? 12 * n : unit === 'Q' ? 3 * n : unit === 'M' ? n : 0;
    const [year, month] = addMonths(Number(m[1]), Number(m[2]), months);
    return months ? `${pad(year, 4)}-${pad(month)}` : value;
  }
  if ((m = /^(\d{4}|XXXX)-Q([1-4])$/.exec(value))) {
    const quarters = unit === 'Y' ? 4 * n : unit === 'Q' ? n : 0;
    // A quarter of an unknown year keeps its year unknown: the one before "XXXX-Q1" is "XXXX-Q4".
    const index = (m[1] === 'XXXX' ? 0 : Number(m[1]) * 4) + Number(m[2]) - 1 + quarters;
    return `${m[1] === 'XXXX' ? 'XXXX' : pad(Math.floor(index / 4), 4)}-Q${(((index % 4) + 4) % 4) + 1}`;
  }
  if ((m = /^(\d{4})-W(\d{2})(.*)$/.exec(value))) {
    const monday = mondayOfWeek(value)!;
    const weeks = unit === 'Y' ? 52 * n : unit === 'W' ? n : unit === 'D' ? n / 7 : 0;
    return Number.isInteger(weeks) && weeks ? isoWeek(addDays(monday, 7 * weeks)) + m[3] : value;
  }
  if ((m = /^(\d{4})(-(?:H[12]|SP|SU|FA|WI))?$/.exec(value)) && unit === 'Y') return `${pad(Number(m[1]) + n, 4)}${m[2] ?? ''}`;
  return value;
}

/** Human wording of a TIMEX3 value for hovers, e.g. "Saturday, 15 October 2016"; unknown forms come back as is. */
export function describeDate(value: string): string {
  const [date, time] = value.split('T');
  const timeWords = time ? `, ${PART_OF_DAY_NAMES[time] ?? time}` : '';
  let m = /^(\d{4}|XXXX)-(\d{2})-(\d{2})$/.exec(date);
  if (m) {
    const [year, month, day] = [m[1], MONTH_NAMES[Number(m[2]) - 1], Number(m[3])];
    if (year === 'XXXX') return `${day} ${month} (year unknown)${timeWords}`;
    const weekday = WEEKDAY_NAMES[isoWeekday({ year: Number(year), month: Number(m[2]), day }) - 1];
    return `${weekday}, ${day} ${month} ${year}${timeWords}`;
  }
  if ((m = /^XXXX-WXX-([1-7])$/.exec(date))) return `a ${WEEKDAY_NAMES[Number(m[1]) - 1]} (date unknown)${timeWords}`;
  if (date === 'XXXX-XX-XX') return `a day (date unknown)${timeWords}`;
  if (value === 'XXXX-XX') return 'a month (date unknown)';
  if (value === 'XXXX-WXX') return 'a week (date unknown)';
  if (value === 'XXXX') return 'a year (unknown)';
  if ((m = /^(\d{4}|XXXX)-(\d{2})$/.exec(value))) return `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1] === 'XXXX' ? '(year unknown)' : m[1]}`;
  if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value))) {
    const monday = mondayOfWeek(value)!;
    const sunday = addDays(monday, 6);
    const from = m[3] ? addDays(monday, 5) : monday;
    const first = from.month === sunday.month ? `${from.day}` : `${from.day} ${MONTH_NAMES[from.month - 1]}${from.year === sunday.year ? '' : ` ${from.year}`}`;
    return `${m[3] ? 'the weekend' : 'the week'} of ${first}–${sunday.day} ${MONTH_NAMES[sunday.month - 1]} ${sunday.year}`;
  }
  if ((m = /^(\d{4}|XXXX)-Q([1-4X])$/.exec(value))) {
    const ordinal = ['first', 'second', 'third', 'fourth'][Number(m[2]) - 1] ?? 'a';
    return `the ${ordinal} quarter of ${m[1] === 'XXXX' ? 'an unknown year' : m[1]}`;
  }
  if ((m = /^(\d{4}|XXXX)-H([12])$/.exec(value))) return `the ${m[2] === '1' ? 'first' : 'second'} half of ${m[1] === 'XXXX' ? 'an unknown year' : m[1]}`;
  if ((m = /^(\d{4}|XXXX)-(SP|SU|FA|WI)$/.exec(value))) return `${SEASON_NAMES[m[2]]} ${m[1] === 'XXXX' ? '(year unknown)' : m[1]}`;
  if (value === 'PXX') return 'a while';
  if (/^P(T?)((?:\d+(?:\.\d+)?|X)[A-Z]+)+$/.test(value)) return describeDuration(value);
  if (/^\d{4}$/.test(value)) return `the year ${value}`;
  if (/^\d{3}$/.test(value)) return `the ${value}0s`;
  if ((m = /^(\d{2})$/.exec(value))) return `the ${ordinal(Number(m[1]) + 1)} century`;
  const named: Record<string, string> = { PRESENT_REF: 'the present', PAST_REF: 'the past', FUTURE_REF: 'the future' };
  return named[value] ?? value;
}

function describeDuration(value: string): string {
  const parts: string[] = [];
  let inTime = false;
  for (const [, amount, unit] of value.slice(1).matchAll(/(T|\d+(?:\.\d+)?|X)([A-Z]*)/g)) {
    if (amount === 'T') {
      inTime = true;
      continue;
    }
    const names = (inTime ? TIME_UNITS : DURATION_UNITS)[unit];
    if (!names) return value;
    parts.push(amount === 'X' ? `some ${names[1]}` : `${amount} ${amount === '1' ? names[0] : names[1]}`);
  }
  return parts.join(' ') || value;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
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
