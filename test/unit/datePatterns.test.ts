import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { AFTER_CHRONO, BEFORE_CHRONO, selectLongest } from '../../server/src/datePatterns';

// A recognizer's trigger lets a sentence skip its pattern: a match the trigger misses would be a date lost. Phrases
// for every alternative of every pattern.
const PHRASES = [
  // durations
  'for three days', 'two seconds', 'five minutes', 'an hour', 'six weeks', 'two months', 'two quarters', 'three years',
  'two decades', 'two centuries', 'a century', 'a millennium', 'two millennia', 'ten business days', 'two years ago',
  'the five-year war', 'nearly four years ago', 'a quarter-of-an-hour', 'three quarters of an hour', 'the last half hour',
  'the 2005 year', 'One day you will', 'a two-and-a-half year high', 'another year or so',
  // months
  'February this year', 'March last year', 'in January', 'last May', 'in Sept.', 'since Jan.', "December's figures",
  'in June', 'in July', 'in August', 'in October', 'in November', 'in April', 'the March figures', 'by Feb.', 'in Dec.',
  'into May', 'January is', 'June one at par', 'Aug. six,', 'the June eight record date', 'March one, 1988',
  // vague spans and reporting years
  'day-long', 'decades-long', 'for years', 'in months', 'over the years', 'for centuries', 'within days', 'for weeks', 'for decades', 'for a while',
  'the year ended March 31', 'for the full year', 'the full year', 'the fiscal year ending June',
  // relative periods
  'this week', 'last weekend', 'next month', 'the past year', 'this quarter', 'the last decade', 'next century',
  'this fiscal year', 'this spring', 'last summer', 'next fall', 'this autumn', 'last winter', 'earlier this month',
  'that year', 'the weekend', 'the year before.', 'the month after,', 'the week before.', 'the last Sunday in April', '2nd Tuesday of Nov. 2016',
  'the first week of May', 'the last week in February 1987', 'the fourth March week',
  // casual and anchored days
  'today', 'yesterday morning', 'tomorrow', 'tonight', 'last night', 'this morning', 'this afternoon', 'this evening',
  'the day before yesterday', 'the day after tomorrow', 'that day', 'that same night', 'the same morning',
  'the next afternoon', 'the following evening', 'the day before.', 'the day after.', '4 in the morning',
  '10:30 at night', "3 o'clock in the afternoon", '1830 GMT', '0600 local time', '1700 New York time', 'between 1700 and 2100 hrs', 'from 0800 to 1800GMT', 'between 2200 and 0700', '(2300 to 0300 GMT)', 'midnight last night', 'midnight tonight', 'at midday', 'the same month', 'that same year', 'the preceding week',
  // the present, past and future
  'now', 'right now', 'currently', 'current', 'these days', 'nowadays', 'the present', 'then-current', 'recently',
  'most recently', 'lately', 'the past', 'in recent years', 'past decades', 'the near future', 'the coming weeks',
  'future quarters', 'the months ahead', 'the long term', 'as soon as possible', 'someday', 'some day', 'will one day',
  // quarters and halves
  'the third quarter', 'first-half', 'the fiscal first quarter', 'the 1988 second quarter', 'the 4th quarter of 1989',
  'the first half of 1990', 'the first two quarters of 1990', 'Q3 2016', '3Q', 'H1', '2H', 'the July-September quarter', 'the Oct.-Dec. quarter',
  'the quarter', 'the year-ago period', 'the corresponding period last year', "last year's quarter",
  'the first half', 'the latest quarter', 'the 1988 period', 'year-ago', 'year-earlier',
  // seasons, decades, centuries, fiscal years, years in words
  'last fall', 'in spring', 'the summer of 1998', 'winter 1999', 'in the autumn', 'the 1990s', "the '90s", 'the nineties',
  'the 20th century', 'the twenty-first century', 'the early 1980s', 'fiscal 1989', 'fiscal year 1990',
  'the 1990 fiscal year', 'FY1990', "fiscal '91", 'nineteen ninety-six', 'the year two thousand', 'in twenty twenty',
  // holidays and the edges of periods
  'Christmas', 'Christmas Eve', "New Year's Day", 'new year’s eve', 'Independence Day', 'the Fourth of July',
  'July Fourth', 'Halloween', "Valentine's Day", 'Veterans Day', 'Thanksgiving Day', 'Memorial Day', 'Labor Day',
  'Easter Sunday', 'Good Friday', 'Election Day', "Mother's Day", "Father's Day", "St. Patrick's Day", 'Boxing Day', 'the end of the month', 'the beginning of the week', 'later in the year', 'year-end',
  "year's end", 'the close of the quarter',
  // sets
  'every day', 'each Sunday', 'every two weeks', 'every other day', 'once a week', 'twice a year', 'three times a month',
  'every single morning', 'hourly', 'daily', 'nightly', 'weekly', 'monthly', 'yearly', 'annually', 'Mondays', 'Tuesdays',
  'Wednesdays', 'Thursdays', 'Friday nights', 'Saturdays', 'Sunday mornings', 'weekends', 'Weekends',
  // bare years
  'in 1998', 'the 1986 bombing', 'since 2004', 'the 1991-92 season', 'fiscal 1987/88', '1999-2000', 'the 2003–04 season',
];

const RECOGNIZERS = [...BEFORE_CHRONO, ...AFTER_CHRONO];

test('every match of a date pattern contains its trigger', () => {
  for (const { pattern, trigger } of RECOGNIZERS) {
    for (const phrase of PHRASES) {
      for (const m of phrase.matchAll(new RegExp(pattern.source, pattern.flags))) {
        if (m[0]) assert.ok(trigger.test(m[0]), `${pattern.source.slice(0, 40)}… matches "${m[0]}" (in "${phrase}") without its trigger ${trigger}`);
      }
    }
  }
});

test('the phrases exercise every date pattern', () => {
  for (const { pattern } of RECOGNIZERS) {
    const matched = PHRASES.some((phrase) => new RegExp(pattern.source, pattern.flags.replace('g', '')).test(phrase));
    assert.ok(matched, `no phrase matches ${pattern.source.slice(0, 60)}…`);
  }
});

test('a trigger folds case as its pattern does', () => {
  for (const { pattern, trigger } of RECOGNIZERS) {
    for (const flag of ['i', 'u']) assert.equal(trigger.flags.includes(flag), pattern.flags.includes(flag), `${trigger} and ${pattern.source.slice(0, 40)}…`);
  }
});

// Overlapping readings of one stretch of text (chrono-node's and the patterns') keep the longest; a sentence listing
// thousands of dates must not take time in the square of their number to sort them out.
test('selectLongest keeps, of overlapping candidates, the longest (then the first found), in text order; an empty one is no date', () => {
  const candidate = (start: number, end: number) => ({ start, end, resolve: () => null });
  const asPairs = (chosen: { start: number; end: number }[]) => chosen.map((c) => [c.start, c.end]);
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(60), fc.integer({ min: 0, max: 12 })), { maxLength: 30 }), (spans) => {
      const candidates = spans.map(([start, length]) => candidate(start, start + length));
      const expected: { start: number; end: number }[] = [];
      const byLength = candidates.map((c, i) => ({ c, i })).sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.i - b.i);
      for (const { c } of byLength) if (c.end > c.start && !expected.some((o) => o.start < c.end && c.start < o.end)) expected.push(c);
      expected.sort((a, b) => a.start - b.start);
      assert.deepEqual(asPairs(selectLongest(candidates)), asPairs(expected));
    }),
  );
});
