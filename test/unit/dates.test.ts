import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { resolveMonthDay } from '../../server/src/dateContext';
import { extractDates, findArticleDate } from '../../server/src/dates';
import { dayKey, describeDate, sameDay } from '../../server/src/timex';
import { analyzeArticle } from '../../server/src/analyze';
import { splitSentences } from '../../server/src/text';
import { fasterOfTwoCpuMs } from '../support/cpuTime';
import { assertSlices } from '../support/spans';

function dates(text: string, referenceDate: string | null = null) {
  const found = extractDates(text, splitSentences(text), referenceDate);
  assertSlices(text, found, 'date');
  return found;
}

/** [text, value] pairs, the part of a mention a hover shows. */
function values(text: string, referenceDate: string | null = null): [string, string][] {
  return dates(text, referenceDate).map((d) => [d.text, d.value]);
}

function referenceDate(text: string): string | null {
  return findArticleDate(text, splitSentences(text))?.date ?? null;
}

test('a month and day without a stated year keeps the year unknown', () => {
  assert.deepEqual(values('Kerry met Lavrov in Lausanne on October 15.'), [['October 15', 'XXXX-10-15']]);
});

test('a month and day takes its year from the reference date', () => {
  assert.deepEqual(values('Kerry met Lavrov in Lausanne on October 15.', '2016-10-17'), [['October 15', '2016-10-15']]);
});

test('a full date needs no reference date', () => {
  assert.deepEqual(values('The truce of Sept. 12, 2016 collapsed.'), [['Sept. 12, 2016', '2016-09-12']]);
});

test('a weekday resolves to the nearest such day before the publication date', () => {
  const text = 'Kerry flew to London after meeting Saturday in Lausanne.';
  assert.deepEqual(values(text, '2016-10-16'), [['Saturday', '2016-10-15']]);
});

test('a weekday without a reference date is an unknown week with a known ISO weekday', () => {
  assert.deepEqual(values('Kerry flew to London after meeting Saturday in Lausanne.'), [['Saturday', 'XXXX-WXX-6']]);
  assert.deepEqual(values('Militia groups warned Sunday.'), [['Sunday', 'XXXX-WXX-7']]);
});

test('relative months and weeks resolve against the reference date, else stay unknown', () => {
  const text = 'The deal collapsed last month. Last week, Russia vetoed a resolution.';
  assert.deepEqual(values(text, '2016-10-16'), [['last month', '2016-09'], ['Last week', '2016-W40']]);
  assert.deepEqual(values(text), [['last month', 'XXXX-XX'], ['Last week', 'XXXX-WXX']]);
});

test('yesterday, today and now', () => {
  const text = 'Rebels withdrew yesterday. The regime has today taken Daraya. Talks are now under way.';
  assert.deepEqual(values(text, '2016-08-27'), [['yesterday', '2016-08-26'], ['today', '2016-08-27'], ['now', 'PRESENT_REF']]);
  assert.deepEqual(values(text).map(([, value]) => value), ['XXXX-XX-XX', 'PRESENT_REF', 'PRESENT_REF']);
});

test('"today\'s" is the article\'s day, unless it is the present in general', () => {
  assert.deepEqual(values("The offer, advertised in today's editions, stands. Today's meeting failed.", '1989-11-02'), [
    ['today', '1989-11-02'],
    ['Today', '1989-11-02'],
  ]);
  assert.deepEqual(values("It is for today's youth, in today's world, as in many of today's personal computers.", '1989-11-02'), []);
});

test('a clock time with a weekday is a TIME', () => {
  assert.deepEqual(dates('Obama met his team at 3 p.m. Friday.', '2016-10-16').map((d) => [d.text, d.type, d.value]), [
    ['3 p.m. Friday', 'TIME', '2016-10-14T15:00'],
  ]);
  assert.deepEqual(values('Obama met his team at 3 p.m. Friday.'), [['3 p.m. Friday', 'XXXX-WXX-5T15:00']]);
});

test('a part of the day is a TIME with the TIMEX3 part-of-day code', () => {
  assert.deepEqual(values('Jets struck Aleppo Thursday night into Friday morning.'), [
    ['Thursday night', 'XXXX-WXX-4TNI'],
    ['Friday morning', 'XXXX-WXX-5TMO'],
  ]);
});

test('a month name alone is a date only after a time word', () => {
  assert.deepEqual(values('In his first meeting with May since she took office, Obama spoke.'), []);
  assert.deepEqual(values('Protesters march on the capital. March on Washington, they said.'), []);
  assert.deepEqual(values('A ceasefire agreed to in February failed.'), [['February', 'XXXX-02']]);
});

test('news words and parts of words that chrono can read as dates are not dates', () => {
  assert.deepEqual(values('The sun rose. The Sun reported it. Kerry has a second meeting.'), []);
  assert.deepEqual(values('At 5 they left. 275,000 people fled after the 9/11 attacks. Help is there 24/7.'), []);
  // chrono's word boundaries are ASCII-only: it finds "Jun" in "Junín" and "Mar" in "Marçal".
  assert.deepEqual(values('Protests spread in Junín and in Marçal.'), []);
});

test('durations: numbers in words or digits, plain or hyphenated', () => {
  const text = 'Aleppo could face destruction within two months in the five-year war; a 72-hour truce; the last few weeks.';
  assert.deepEqual(dates(text).map((d) => [d.text, d.type, d.value]), [
    ['two months', 'DURATION', 'P2M'],
    ['five-year', 'DURATION', 'P5Y'],
    ['72-hour', 'DURATION', 'PT72H'],
    ['the last few weeks', 'DURATION', 'PXW'],
  ]);
});

test('"two days ago" is a date, not a duration', () => {
  assert.deepEqual(dates('It happened two days ago.', '2016-10-17').map((d) => [d.text, d.type, d.value]), [
    ['two days ago', 'DATE', '2016-10-15'],
  ]);
});

test('sets and vague references', () => {
  const text = 'Daily, the envoys talk; their teams meet weekly. Experts meet every Sunday.';
  assert.deepEqual(dates(text).map((d) => [d.text, d.type, d.value]), [
    ['Daily', 'SET', 'P1D'],
    ['weekly', 'SET', 'P1W'],
    ['every Sunday', 'SET', 'XXXX-WXX-7'],
  ]);
  // A name, and an adjective: "daily flights" are flights, not a time.
  assert.deepEqual(values('The Daily Mail reported it. Qantas plans daily flights.'), []);
  // An unstated number of days, like "several days".
  assert.deepEqual(values('The assault will begin in the coming days, after talks in recent days.'), [
    ['the coming days', 'PXD'],
    ['recent days', 'PXD'],
  ]);
  assert.deepEqual(values('Prices are expected to rise in the months ahead, after falling in recent quarters.'), [
    ['the months ahead', 'PXM'],
    ['recent quarters', 'PXQ'],
  ]);
});

test('a weekday listed before a plural weekday or its nights is a set too', () => {
  assert.deepEqual(dates('Two flights will leave Bombay on Monday and Tuesday nights.', '1998-02-13').map((d) => [d.text, d.type, d.value]), [
    ['Monday', 'SET', 'XXXX-WXX-1TNI'],
    ['Tuesday nights', 'SET', 'XXXX-WXX-2TNI'],
  ]);
  assert.deepEqual(values('The office opens Monday, Wednesday and Fridays.'), [['Monday', 'XXXX-WXX-1'], ['Wednesday', 'XXXX-WXX-3'], ['Fridays', 'XXXX-WXX-5']]);
  assert.deepEqual(values('They met on Monday and Tuesday.', '1998-02-13'), [['Monday', '1998-02-09'], ['Tuesday', '1998-02-10']]);
});

test('offsets hold with CRLF line endings', () => {
  const text = 'Kerry in London\r\n\r\nKerry met Lavrov on October 15.\r\nHe flew to London on October 16.\r\n';
  const found = dates(text, '2016-10-17');
  assert.deepEqual(found.map((d) => [d.text, d.value]), [['October 15', '2016-10-15'], ['October 16', '2016-10-16']]);
  assert.equal(found[1].start, text.indexOf('October 16'));
});

test('offsets are UTF-16 indices after an emoji', () => {
  const text = '😀 Kerry met Lavrov 😀 on October 15.';
  const [found] = dates(text);
  assert.equal(found.start, text.indexOf('October 15'));
  assert.equal(found.text, 'October 15');
});

test('empty and blank text have no dates', () => {
  assert.deepEqual(dates(''), []);
  assert.deepEqual(dates('\r\n  \n'), []);
});

test('the reference date comes from a dateline or date line', () => {
  assert.equal(referenceDate('Kerry in London\n\nWASHINGTON, Oct. 16, 2016 (Reuters) - Kerry flew to London.'), '2016-10-16');
  assert.equal(referenceDate('Kerry in London\r\nPublished: 16 October 2016\r\nKerry flew to London.'), '2016-10-16');
  assert.equal(referenceDate('Kerry in London\n\n16 October 2016\n\nKerry flew to London on Sunday.'), '2016-10-16');
});

test('a dateline is preferred over an earlier date in the headline', () => {
  assert.equal(referenceDate('Remembering Oct. 3, 1993\nMOGADISHU, Oct. 3, 2016 (Reuters) - Crowds gathered.'), '2016-10-03');
});

test('no reference date is invented when no year is stated', () => {
  assert.equal(referenceDate('Truce talks\n\nGeneva [Switzerland], Aug. 27 : Kerry said talks made headway.'), null);
  assert.equal(referenceDate('Kerry met Lavrov today. They meet again next year.'), null);
  assert.equal(referenceDate('Truce talks\n\nOctober 2016\n\nKerry met Lavrov.'), null);
  assert.equal(referenceDate(''), null);
});

test('a dateline without a year is not overruled by another date of the lead', () => {
  const bond = 'Rowntree bond\n\nLONDON, March 12 - Rowntree is issuing a bond due March 31, 2002, the lead manager said.';
  assert.equal(referenceDate(bond), null);
  const { referenceDate: given, referenceDateSource } = analyzeArticle(bond, { fallbackReferenceDate: '1987-03-15' });
  assert.deepEqual([given, referenceDateSource], ['1987-03-12', 'dateline']);
  // The same day with its year further on in the lead dates the article.
  assert.equal(referenceDate('Rates\n\nLONDON, March 12 - The bank said on March 12, 1987 that rates were unchanged.'), '1987-03-12');
});

test('prices in sixteenths are neither dates nor the article date', () => {
  const text = 'Money market\n\nThe bank bought bills in band two at 9-13/16 pct and in band four at 9-11/16 pct.';
  assert.equal(referenceDate(text), null);
  assert.deepEqual(values(text, '1987-04-07'), []);
});

test('a month, a spaced dash and a number in a futures price table are no date', () => {
  const table = 'Corn (Barges - Basis Chgo futures) April - 21 ov May bid, 22 offered. June - 18 ov Jly bid, 19 offered.';
  assert.deepEqual(values(table, '1987-04-07'), []);
  // A dateline's dash follows its day, a range's dash its first day, and a year after a month is written in full.
  const dateline = 'NEW YORK, March 11 - Banks said they would lend from April 1 - 21, and in May, 1988.';
  assert.deepEqual(values(dateline, '1987-03-11').map(([, value]) => value), ['1987-03-11', '1987-04-01', '1987-04-21', '1988-05']);
});

test('values do not depend on the time zone of the machine', () => {
  const machineZone = process.env.TZ;
  try {
    for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
      process.env.TZ = zone;
      const text = 'Kerry met Lavrov yesterday; talks end October 17, said Kerry at 3 p.m. Friday.';
      const expected = ['2016-10-15', '2016-10-17', '2016-10-14T15:00'];
      assert.deepEqual(values(text, '2016-10-16').map(([, value]) => value), expected, zone);
    }
  } finally {
    if (machineZone === undefined) delete process.env.TZ;
    else process.env.TZ = machineZone;
  }
});

test('describeDate words values for hovers', () => {
  assert.equal(describeDate('2016-10-15'), 'Saturday, 15 October 2016');
  assert.equal(describeDate('XXXX-10-15'), '15 October (year unknown)');
  assert.equal(describeDate('XXXX-WXX-6'), 'a Saturday (date unknown)');
  assert.equal(describeDate('2016-10'), 'October 2016');
  assert.equal(describeDate('2016-W41'), 'the week of 10–16 October 2016');
  assert.equal(describeDate('2016-10-14T15:00'), 'Friday, 14 October 2016, 15:00');
  assert.equal(describeDate('XXXX-WXX-5TMO'), 'a Friday (date unknown), morning');
  assert.equal(describeDate('P3D'), '3 days');
  assert.equal(describeDate('PT72H'), '72 hours');
  assert.equal(describeDate('P1Y'), '1 year');
  assert.equal(describeDate('PRESENT_REF'), 'the present');
  assert.equal(describeDate('2016-Q3'), 'the third quarter of 2016');
});

test('dayKey and sameDay match mentions of one day across articles', () => {
  assert.equal(dayKey('2016-10-15'), '2016-10-15');
  assert.equal(dayKey('2016-10-14T15:00'), '2016-10-14');
  assert.equal(dayKey('XXXX-10-15'), 'XXXX-10-15');
  for (const notOneDay of ['2016-10', '2016-W41', 'XXXX-WXX-6', 'P3D', 'PRESENT_REF']) assert.equal(dayKey(notOneDay), null);
  assert.ok(sameDay('2016-10-14T15:00', '2016-10-14'));
  assert.ok(sameDay('XXXX-10-15', 'XXXX-10-15'));
  assert.ok(!sameDay('2016-10-15', 'XXXX-10-15'));
  assert.ok(!sameDay('2016-10', '2016-10'));
});

test('a bare year or decade counts only after a word that makes it a time', () => {
  const text = 'The dam was completed in 1962 and rebuilt in the 1990s. It holds 2000 tonnes; 1962 people voted.';
  const dates = extractDates(text, splitSentences(text), null);
  assert.deepEqual(dates.map((d) => [d.text, d.value]), [['1962', '1962'], ['the 1990s', '199']]);
  assert.equal(describeDate('199'), 'the 1990s');
});

// The normalizations chrono-node lacks, as TempEval-3 writes them.

test('weeks, quarters, halves, seasons, decades and fiscal years', () => {
  const text =
    'Fighting eased in the last week. Earnings fell in the third quarter and will recover in the first half of 2017. ' +
    'He left last summer and returns this winter. The dam was built in the 1990s. Sales rose in fiscal 2015.';
  assert.deepEqual(values(text, '2016-10-17'), [
    ['the last week', '2016-W41'],
    ['the third quarter', '2016-Q3'],
    ['the first half of 2017', '2017-H1'],
    ['last summer', '2016-SU'],
    ['this winter', '2016-WI'],
    ['the 1990s', '199'],
    ['fiscal 2015', '2015'],
  ]);
});

test('a clock time or part of the day in a past clause is not on a day ahead that the article named', () => {
  const text = 'Finance ministers meet on April 21. Fisons shares eased one penny on the announcement by 0830 GMT.';
  assert.deepEqual(values(text, '1987-03-27'), [['April 21', '1987-04-21'], ['0830 GMT', '1987-03-27T08:30']]);
  // A day behind, or a time to come, still follows the day named.
  assert.deepEqual(values('On Oct. 23 he was shot at 10 p.m.', '1998-10-26'), [['Oct. 23', '1998-10-23'], ['10 p.m.', '1998-10-23T22:00']]);
  assert.deepEqual(values('Talks open on April 21. Ministers will meet at 1500 GMT.', '1987-03-27'), [['April 21', '1987-04-21'], ['1500 GMT', '1987-04-21T15:00']]);
});

test('"the day before" or "after" a day moves it by one day', () => {
  const text = 'The day before last Tuesday\'s court hearing, Manuel went to Lazaro\'s home. He appeared in court the next morning.';
  assert.deepEqual(values(text, '2000-02-24'), [['day before last Tuesday', '2000-02-21'], ['the next morning', '2000-02-22TMO']]);
  assert.deepEqual(values('The idea came the day after Boxing Day.'), [['day after Boxing Day', 'XXXX-12-27']]);
  assert.deepEqual(values('He left the day before March 1.'), [['day before March 1', 'XXXX-02-28']]);
  assert.deepEqual(values('He left the day before Monday\'s vote.'), [['day before Monday', 'XXXX-WXX-7']]);
});

test('"the past week" is the seven days up to the date, in the week holding most of them; "last week" the week before', () => {
  const text = 'LPG prices were mixed in the past week. Crude prices fell last week. The Fed cut rates this past week.';
  assert.deepEqual(values(text, '1987-04-03'), [['the past week', '1987-W14'], ['last week', '1987-W13'], ['this past week', '1987-W14']]);
  assert.deepEqual(values(text, '1987-03-30'), [['the past week', '1987-W13'], ['last week', '1987-W13'], ['this past week', '1987-W13']]);
});

test('"the week of" a day is the ISO week holding it; of a month it is no week', () => {
  const text = 'The case may be resolved in a hearing the week of March 6. He appeared in court the next morning.';
  // The week names no day for "the next morning" to follow: that is the day after the article's.
  assert.deepEqual(values(text, '2000-02-24'), [['the week of March 6', '2000-W10'], ['the next morning', '2000-02-25TMO']]);
  assert.deepEqual(values('It was the highest since the week of December 31, 1986.', '1987-04-20'), [['the week of December 31, 1986', '1987-W01']]);
  assert.deepEqual(values('Trading begins the week of April 20.'), [['the week of April 20', 'XXXX-WXX']]);
  assert.deepEqual(values('Trading begins the week of April.', '2016-03-01'), [['April', '2016-04']]);
});

test('relative periods take their modifiers into the extent, not into the value', () => {
  const text = 'Earlier this month the talks stalled; they resume early next year. Aid arrives in the coming days.';
  assert.deepEqual(values(text, '2016-10-17'), [
    ['Earlier this month', '2016-10'],
    ['early next year', '2017'],
    ['the coming days', 'PXD'],
  ]);
  assert.deepEqual(values(text).map(([, value]) => value), ['XXXX-XX', 'XXXX', 'PXD']);
});

test('"now", "currently" and "recently" are the present and the past', () => {
  assert.deepEqual(values('Talks are now under way. Kerry currently leads them. Lavrov recently left.'), [
    ['now', 'PRESENT_REF'],
    ['currently', 'PRESENT_REF'],
    ['recently', 'PAST_REF'],
  ]);
  // "for now" is for the present time, as TimeBank marks it; an economic term is no time.
  assert.deepEqual(values('For now, the ceasefire holds.'), [['now', 'PRESENT_REF']]);
  assert.deepEqual(values('The current account deficit widened.'), []);
  assert.deepEqual(values('It gains access to the short term capital market.'), []);
  assert.deepEqual(values('In the short term, prices will rise.'), [['the short term', 'FUTURE_REF']]);
});

test('a range gives both of its days, sharing the month and year', () => {
  assert.deepEqual(values('Talks are set for Oct. 15-17 in Lausanne.', '2016-10-10'), [['Oct. 15', '2016-10-15'], ['17', '2016-10-17']]);
  assert.deepEqual(values('Talks are set for Oct. 15-17 in Lausanne.'), [['Oct. 15', 'XXXX-10-15'], ['17', 'XXXX-10-17']]);
  assert.deepEqual(values('The summit on April 24 and 25 ended.', '2016-05-01'), [['April 24', '2016-04-24'], ['25', '2016-04-25']]);
});

test('ago, earlier and later count from the article date at the granularity of their unit', () => {
  const text = 'The truce began two days ago, a week after talks that opened three weeks ago; the war began five years ago.';
  assert.deepEqual(values(text, '2016-10-17'), [
    ['two days ago', '2016-10-15'],
    ['a week', 'P1W'],
    ['three weeks ago', '2016-W39'],
    ['five years ago', '2011'],
  ]);
  assert.deepEqual(values('It happened several years ago.', '2016-10-17'), [['several years ago', 'PAST_REF']]);
});

test('"three days later" and "an hour earlier" are durations, "later" and "earlier" their signals', () => {
  const text = 'The shelling stopped. Three days later, the rebels withdrew. He was declared dead just over an hour later.';
  assert.deepEqual(dates(text, '1998-10-25').map((d) => [d.text, d.type, d.value]), [
    ['Three days', 'DURATION', 'P3D'],
    ['over an hour', 'DURATION', 'PT1H'],
  ]);
  assert.deepEqual(values('A few minutes later the plane landed.', '1998-10-25'), [['A few minutes', 'PTXM']]);
});

test('"a year earlier" in results reporting is the same quarter a year before', () => {
  const text = 'Net income rose in the third quarter. It was $2 million a year earlier.';
  assert.deepEqual(values(text, '1989-11-02'), [['the third quarter', '1989-Q3'], ['a year earlier', '1988-Q3']]);
  assert.deepEqual(values('Prices were lower a year earlier.', '1989-11-02'), [['a year earlier', '1988']]);
});

test('a year before "quarter" names a quarter of that year, not a count of quarters', () => {
  const text = 'Third-quarter net rose 5%. It was $376,000 in the 1988 quarter.';
  assert.deepEqual(
    dates(text, '1989-10-30').map((d) => [d.text, d.type, d.value]),
    [['Third-quarter', 'DATE', '1989-Q3'], ['the 1988 quarter', 'DATE', '1988-Q3']],
  );
  // Between an ordinal and "quarter", and after the month a quarter ends with.
  assert.deepEqual(values('Output fell from the fourth 1986 quarter and from the final 1985 quarter, but rose in the first 1987 quarter.', '1987-04-20'), [
    ['the fourth 1986 quarter', '1986-Q4'],
    ['the final 1985 quarter', '1985-Q4'],
    ['the first 1987 quarter', '1987-Q1'],
  ]);
  assert.deepEqual(values('Prices rose 8.9 pct in the December 1986 quarter and 2.3 pct in the March 1986 quarter.', '1987-04-20'), [
    ['the December 1986 quarter', '1986-Q4'],
    ['the March 1986 quarter', '1986-Q1'],
  ]);
  // "last year" or "this year" after a quarter is its year.
  assert.deepEqual(values('It earned 30 mln dlrs in the September quarter last year and 93 mln in the third quarter last year.', '1987-10-20'), [
    ['the September quarter last year', '1986-Q3'],
    ['the third quarter last year', '1986-Q3'],
  ]);
  assert.deepEqual(values('GNP rose in the October/December quarter, as in the July-to-September quarter.', '1987-03-10'), [
    ['the October/December quarter', '1986-Q4'],
    ['the July-to-September quarter', '1986-Q3'],
  ]);
});

test('"a year earlier" compares with the quarter its sentence reports on, not an earlier one it names', () => {
  const text = 'Imports for the December quarter were 2.6 billion against 2.8 billion in the September quarter and 2.4 billion a year earlier.';
  assert.deepEqual(values(text, '1987-03-10'), [
    ['the December quarter', '1986-Q4'],
    ['the September quarter', '1986-Q3'],
    ['a year earlier', '1985-Q4'],
  ]);
});

test('"a year ago" compares with a quarter ahead that its sentence forecasts', () => {
  const courier = 'Courier Corp said it expects to report a small loss for the second fiscal quarter against a profit of 828,000 dlrs a year ago.';
  assert.deepEqual(values(courier, '1987-03-26'), [
    ['the second fiscal quarter', '1987-Q2'],
    ['a year ago', '1986-Q2'],
  ]);
  const cars = "U.S. car production is scheduled to drop by 10.4 pct to about 1.47 mln in the third quarter from last year's 1.63 mln.";
  assert.deepEqual(values(cars, '1987-06-29'), [
    ['the third quarter', '1987-Q3'],
    ['last year', '1986-Q3'],
  ]);
});

test('"the same year-ago period" and "the same quarter last year" compare with a quarter ahead that their sentence forecasts', () => {
  const dean = 'Dean Foods Co expects earnings for the fourth quarter ending May 30 to exceed those of the same year-ago period.';
  assert.deepEqual(values(dean, '1987-02-26').at(-1), ['the same year-ago period', '1986-Q4']);
  const chelsea = 'Chelsea Industries said earnings for its fiscal second quarter ended March 30 will be lower than in the same quarter last year.';
  assert.deepEqual(values(chelsea, '1987-03-31').at(-1), ['the same quarter last year', '1986-Q2']);
});

test('a quarter of a point or of people is no stretch of time', () => {
  assert.deepEqual(values('Dealers saw room for a quarter percentage point cut; the Fed cut rates by a quarter point in the quarter.', '1987-03-09'), [
    ['the quarter', '1986-Q4'],
  ]);
  assert.deepEqual(values('More than a quarter have bought software through spam.'), []);
  assert.deepEqual(values('Almost a quarter, 22%, said they would buy a camera.'), []);
  assert.deepEqual(values('He spent a quarter in Paris.'), [['a quarter', 'P1Q']]);
});

test('"the past weeks" and "the past years" are the past, not "the past" and a loose unit', () => {
  assert.deepEqual(values('The market will decide as in the past weeks.'), [['the past weeks', 'PAST_REF']]);
  assert.deepEqual(values('Sales rose in the past two weeks.'), [['the past two weeks', 'P2W']]);
});

test('"year-end" is the last one in a past clause, the coming one in a future clause, or the one its year names', () => {
  assert.deepEqual(values('Both plants were sold out at year-end, and debt fell from 1.3 billion dlrs at year-end 1985.', '1987-03-10'), [
    ['year-end', '1986'],
    ['year-end 1985', '1985'],
  ]);
  assert.deepEqual(values('The percentage change is since year-end.', '1989-10-30'), [['year-end', '1988']]);
  assert.deepEqual(values('Mazda expects to ship the cars by year-end.', '1987-03-10'), [['year-end', '1987']]);
});

test('"end-year" and "mid-year" after a preposition date something as "year-end" does; before a noun they name a kind', () => {
  assert.deepEqual(values('Mazda expects to ship the cars by mid-year.', '1987-03-10'), [['mid-year', '1987']]);
  assert.deepEqual(values('Capacity will rise to 750,000 cars by end-year.', '1987-03-10'), [['end-year', '1987']]);
  assert.deepEqual(values('The system was installed in mid-year and replaced in the fourth quarter.', '1987-03-10').slice(0, 1), [['mid-year', '1986']]);
  assert.deepEqual(values('Bankers expect smaller end-year bonuses, and the mid-year meeting of the council.', '1987-03-10'), []);
});

test('a possessive weekday is the last such day, whatever the tense of the clause', () => {
  const text = 'The relatives said they would look for ways to get around Wednesday\'s ruling.';
  assert.deepEqual(values(text, '2000-01-07'), [['Wednesday', '2000-01-05']]);
  assert.deepEqual(values('Lawyers will appeal Friday\'s decision.', '2000-01-07'), [['Friday', '2000-01-07']]);
  // Unless it is awaited: an event ahead of which, or until after which, something stands.
  const awaited = 'It was unlikely the government would announce its decision until after Thursday\'s cabinet meeting.';
  assert.deepEqual(values(awaited, '1987-06-01'), [['Thursday', '1987-06-04']]);
  assert.deepEqual(values('Talks remained unresolved ahead of Thursday\'s deadline for a strike.', '1987-10-19'), [['Thursday', '1987-10-22']]);
  assert.deepEqual(values('The index closed at 72.4, well ahead of Friday\'s final 71.8.', '1987-03-09'), [['Friday', '1987-03-06']]);
});

test('"next Tuesday" said on a Monday is in next week, "this Tuesday" tomorrow', () => {
  assert.deepEqual(values('The council will vote next Tuesday, not this Tuesday.', '2016-10-17'), [
    ['next Tuesday', '2016-10-25'],
    ['this Tuesday', '2016-10-18'],
  ]);
  assert.deepEqual(values('The council will vote next Monday.', '2016-10-22'), [['next Monday', '2016-10-24']]);
});

test('"is expected on Thursday" is ahead, "as expected on Thursday" behind', () => {
  assert.deepEqual(values('The vote is expected on Thursday.', '2016-10-17'), [['Thursday', '2016-10-20']]);
  assert.deepEqual(values('Results came in as expected on Thursday.', '2016-10-17'), [['Thursday', '2016-10-13']]);
});

test('"next to" and "planned" are not the past and the future they look like', () => {
  assert.deepEqual(values('Hundreds were hurt in the blasts next to the embassies on Friday.', '1998-08-08'), [['Friday', '1998-08-07']]);
  assert.deepEqual(values('Protesters planned a large demonstration on Saturday.', '2000-01-07'), [['Saturday', '2000-01-08']]);
});

test('the tense of the clause decides between the last and the next weekday', () => {
  const text = 'Kerry met Lavrov on Saturday and will meet him again on Friday.';
  assert.deepEqual(values(text, '2016-10-17'), [['Saturday', '2016-10-15'], ['Friday', '2016-10-21']]);
  assert.deepEqual(values('The talks are scheduled to resume Monday.', '2016-10-16'), [['Monday', '2016-10-17']]);
  assert.deepEqual(values('The talks resumed Monday.', '2016-10-16'), [['Monday', '2016-10-10']]);
});

test('"likely to" looks ahead, and so does a scheduled verb before "at" a time', () => {
  const text = 'Analysts said higher Soviet imports are unlikely to affect the market Tuesday.';
  assert.deepEqual(values(text, '1987-03-09'), [['Tuesday', '1987-03-10']]);
  assert.deepEqual(values('Contracts at both companies expire at midnight September 14.', '1987-04-13'), [['midnight September 14', '1987-09-14T24:00']]);
});

test('a date that opens its clause takes the tense of the clause after its comma', () => {
  const ahead = 'On Tuesday, the National Abortion and Reproductive Rights Action League plans to hold a news conference.';
  assert.deepEqual(values(ahead, '1998-10-26'), [['Tuesday', '1998-10-27']]);
  assert.deepEqual(values('On Tuesday, the United States and the Soviet Union conferred in Washington.', '1998-10-26'), [['Tuesday', '1998-10-20']]);
  // The main clause's first verb, not one of the clause it introduces or of a subordinate clause before it.
  const reported = 'Over the weekend, Pentagon officials confirmed reports that a fourth carrier could head for the Middle East.';
  assert.deepEqual(values(reported, '1990-08-13'), [['the weekend', '1990-W32-WE']]);
  const subordinate = 'On Friday, when Albright set aside vacation plans for the trip, the State Department lifted a warning.';
  assert.deepEqual(values(subordinate, '1998-08-17'), [['Friday', '1998-08-14']]);
  assert.deepEqual(values('From October 1, no direct trade would be allowed.', '1987-06-02'), [['October 1', '1987-10-01']]);
});

test('a date that opens its clause is behind however far back when its main clause tells the event in the past', () => {
  // An irregular past verb, nine months back; an apposition without a verb before the main clause.
  assert.deepEqual(values('In January, American Medical brought in a new management team.', '1989-10-30'), [['January', '1989-01']]);
  const apposition = 'In January, a week after the anniversary of the court ruling, a clinic bombing in Birmingham killed a guard.';
  assert.deepEqual(values(apposition, '1998-10-25')[0], ['January', '1998-01']);
  // A reporting verb is not the event's: the day keeps the usual window, and one set off by commas is skipped.
  assert.deepEqual(values('After April 15, it said it will make every effort to meet the deadline.', '1987-04-08'), [['April 15', '1987-04-15']]);
  assert.deepEqual(values('On May 18, Data General said, it will redeem 150 mln dlrs of debentures.', '1987-04-07'), [['May 18', '1987-05-18']]);
});

test('a deadline that opens its clause is ahead when what was said after it looks ahead; "should have a" looks ahead', () => {
  const midYear = 'By mid-year, however, the company said a reduced corporate tax rate should have a positive impact on its net income.';
  assert.deepEqual(values(midYear, '1987-03-25'), [['mid-year', '1987']]);
  assert.deepEqual(values('By September, the company said it will have cut 500 jobs.', '1987-03-25'), [['September', '1987-09']]);
  assert.deepEqual(values('The program should have a neutral impact on prices Monday, traders said.', '1987-03-13'), [['Monday', '1987-03-16']]);
  // Not a day something was said on, nor a deadline of what was said to be over, nor a modal of the past.
  assert.deepEqual(values('On Tuesday, the company said it will cut 500 jobs.', '1987-03-25'), [['Tuesday', '1987-03-24']]);
  assert.deepEqual(values('By September, the company said the talks had failed.', '1987-03-25'), [['September', '1986-09']]);
  assert.deepEqual(values('The program should have been sold on Monday, traders said.', '1987-03-13'), [['Monday', '1987-03-09']]);
});

test('"last", "next" and "this" before a month and day pick its year; the extent stays the day', () => {
  assert.deepEqual(values('Announced last February 28, the plan froze prices.', '1987-02-26'), [['February 28', '1986-02-28']]);
  assert.deepEqual(values('VAT comes in next January 1.', '1987-03-20'), [['January 1', '1988-01-01']]);
  assert.deepEqual(values('The grain agreement year ends this September 30.', '1987-04-02'), [['September 30', '1987-09-30']]);
  // "past" alone is a preposition.
  assert.deepEqual(values('Plans are unaffected by any delay past June 30.', '1987-04-13'), [['June 30', '1987-06-30']]);
});

test('February 29 without a year resolves to a leap year, never to a day the calendar lacks', () => {
  assert.deepEqual(values('The vote took place on February twenty-nine.', '2025-03-10'), [['February twenty-nine', '2024-02-29']]);
  assert.deepEqual(values('The vote will take place on February twenty-nine.', '2027-01-10'), [['February twenty-nine', '2028-02-29']]);
  const reference = { year: 2026, month: 3, day: 10 };
  assert.deepEqual(resolveMonthDay(2, 29, reference, 'unknown', 'last'), { year: 2024, month: 2, day: 29 });
  assert.deepEqual(resolveMonthDay(2, 29, reference, 'unknown', 'next'), { year: 2028, month: 2, day: 29 });
  assert.deepEqual(resolveMonthDay(2, 29, { year: 2099, month: 6, day: 1 }, 'unknown', 'next'), { year: 2104, month: 2, day: 29 });
  assert.deepEqual(resolveMonthDay(2, 29, { year: 2024, month: 1, day: 10 }, 'unknown', 'this'), { year: 2024, month: 2, day: 29 });
});

test('a passive verb after will or to be is ahead, though its participle looks past', () => {
  assert.deepEqual(values('The Swiss franc notes will be redeemed July 12 at 100.5 pct.', '1987-03-11'), [['July 12', '1987-07-12']]);
  assert.deepEqual(values('The trade figures to be reported Tuesday will be on a new basis.', '1987-04-13'), [['Tuesday', '1987-04-14']]);
  assert.deepEqual(values('The notes were redeemed July 12 at par.', '1987-03-11'), [['July 12', '1986-07-12']]);
});

test('a month without a year is the one the tense points to (the last one without a tense) within months', () => {
  assert.deepEqual(values('The dividend is payable Jan. 2.', '1989-11-02'), [['Jan. 2', '1990-01-02']]);
  assert.deepEqual(values('The index set a record on Aug. 6.', '1998-02-06'), [['Aug. 6', '1997-08-06']]);
  assert.deepEqual(values('The index had set a record on Aug. 6.', '1998-02-06'), [['Aug. 6', '1997-08-06']]);
  assert.deepEqual(values('Shares rose to a high in June from $29.75 in March.', '1989-10-30'), [['June', '1989-06'], ['March', '1989-03']]);
  assert.deepEqual(values('The company will hold its annual meeting in March.', '1989-10-30'), [['March', '1990-03']]);
  assert.deepEqual(values('The ship has been at sea since March.', '1990-08-13'), [['March', '1990-03']]);
  assert.deepEqual(values('The crash last February killed 73.', '1998-04-01'), [['last February', '1998-02']]);
});

test('a month before the figure it dates is a date, up to two words on when it opens its sentence; "May" only right before figures published', () => {
  assert.deepEqual(values('February bankruptcies fell 14.9 pct from a year earlier.', '1987-03-11'), [
    ['February', '1987-02'],
    ['a year earlier', '1986-02'],
  ]);
  assert.deepEqual(values('March revenue passenger miles rose five pct.', '1987-04-03'), [['March', '1987-03']]);
  assert.deepEqual(values('April showers came.', '1987-06-03'), []);
  // Anywhere in a sentence, right before its figure; "May" only before figures published, and not after a name.
  assert.deepEqual(values('May exports fell. Brazilian February output rose, and officials said March sales rose.', '1987-06-03'), [
    ['May', '1987-05'],
    ['February', '1987-02'],
    ['March', '1987-03'],
  ]);
  assert.deepEqual(values('May output rose. Theresa May sales pitch failed. May orders be placed?', '1987-06-03'), []);
  assert.deepEqual(values('The 9 November traffic explosion went on.', '2016-12-03'), [['9 November', '2016-11-09']]);
});

test('a month before its published figures is behind, or the current one, whatever the tense', () => {
  // 2016-10-15: the coming January and March are 3 and 5 months ahead, the past ones 9 and 7 months back.
  assert.deepEqual(values("March data will be released Friday. Analysts said January's figures were decent.", '2016-10-15').filter(([text]) => text !== 'Friday'), [
    ['March', '2016-03'],
    ['January', '2016-01'],
  ]);
  // A future tense may be the figure's own: the coming December is two months ahead, the last one ten months back.
  assert.deepEqual(values('December sales will be strong, analysts said.', '2016-10-15'), [['December', '2016-12']]);
  // A list of months before its figures: its first month is behind too, and the others follow it.
  assert.deepEqual(values('January-September figures released at the weekend showed output at 467 mln tonnes.', '1987-10-20').slice(0, 2), [
    ['January', '1987-01'],
    ['September', '1987-09'],
  ]);
  // Not a month before other words: the three months to December on sales.
  assert.deepEqual(values('Profit rose for the three months to December on sales which fell.', '2016-10-15').slice(-1), [['December', '2016-12']]);
});

test('a month right after a past verb and "in" is behind however far back; not after a passive ahead or a noun', () => {
  // Nine months back, beyond the eight months a past tense read from the clause reaches.
  assert.deepEqual(values('US industrial production increased in January.', '2016-10-15'), [['January', '2016-01']]);
  assert.deepEqual(values('Halo 2, which was released in November, sold well.', '2016-08-15'), [['November', '2015-11']]);
  assert.deepEqual(values('Closing of the transaction is anticipated in August, the companies said.', '1987-06-01'), [['August', '1987-08']]);
  assert.deepEqual(values('He expects the rate cut in May or June.', '1987-04-13'), [['May', '1987-05'], ['June', '1987-06']]);
  assert.deepEqual(values('The dry spell would only break when the rains fell in late May.', '1987-03-30'), [['late May', '1987-05']]);
});

test('durations: fractions, approximations and the span before a duration', () => {
  assert.deepEqual(dates('She spent 5 1/2 hours in Nairobi over the past three months, nearly forty years after.').map((d) => [d.text, d.type, d.value]), [
    ['5 1/2 hours', 'DURATION', 'PT5H30M'],
    ['the past three months', 'DURATION', 'P3M'],
    ['nearly forty years', 'DURATION', 'P40Y'],
  ]);
  // Ages and rates are not durations.
  assert.deepEqual(values('The 6-year-old boy, 62 years old, pays $500 million a year.'), []);
});

test('"half an hour" and "half a century" are half of their unit', () => {
  assert.deepEqual(values('The talks lasted half an hour; the party ruled for half a century.'), [
    ['half an hour', 'PT30M'],
    ['half a century', 'P50Y'],
  ]);
});

test('"a week" after a preposition is a duration even after a number, a rate is not', () => {
  assert.deepEqual(values('The truce of Sept. 9 held for a week.', '2016-10-17'), [['Sept. 9', '2016-09-09'], ['a week', 'P1W']]);
  assert.deepEqual(values('The airline adds 700 seats a week.', '2016-10-17'), []);
});

test('sets: "every two weeks", "every other day" and "weekends" recur at their own step', () => {
  const text = 'The board meets every two weeks, he trains every other day, buses run every 10 minutes and shops close on weekends.';
  assert.deepEqual(dates(text).map((d) => [d.text, d.type, d.value]), [
    ['every two weeks', 'SET', 'P2W'],
    ['every other day', 'SET', 'P2D'],
    ['every 10 minutes', 'SET', 'PT10M'],
    ['weekends', 'SET', 'XXXX-WXX-WE'],
  ]);
  assert.deepEqual(values('Every day, he walks; each Sunday he prays.'), [['Every day', 'P1D'], ['each Sunday', 'XXXX-WXX-7']]);
});

test('quarters and halves by code ("Q3", "H1 2016", "3Q 2015") or by their months ("the July-September quarter")', () => {
  const text = 'Profit rose in Q3 and in H1 2016, fell in 3Q 2015 and in the April-June quarter.';
  assert.deepEqual(values(text, '2016-10-17'), [
    ['Q3', '2016-Q3'],
    ['H1 2016', '2016-H1'],
    ['3Q 2015', '2015-Q3'],
    ['the April-June quarter', '2016-Q2'],
  ]);
  // Months that do not make a calendar quarter are not one.
  assert.ok(!values('Sales in the April-September quarter rose.', '2016-10-17').some(([, value]) => /Q/.test(value)));
});

test('"that same day" after a month named since the last day is a day of that month', () => {
  const text = 'MindSpring closed the site Thursday night. Doctors were killed, most recently last October. His name was crossed out that same day.';
  assert.deepEqual(values(text, '1999-02-06').slice(-2), [['last October', '1998-10'], ['that same day', '1998-10-XX']]);
  // The day's own month named again keeps the day; a day counted from the month is not told by it.
  assert.deepEqual(values('He was shot on Oct. 23. Later in October he died. That day was sad.', '1998-11-02').slice(-1), [['That day', '1998-10-23']]);
  assert.deepEqual(values('Talks began on Feb. 3. They stalled in March. The next day they resumed.', '1998-04-02').slice(-1), [['The next day', '1998-02-04']]);
});

test('midnight is 24:00 of the day it ends', () => {
  assert.deepEqual(values('The offer had been scheduled to expire at midnight Friday.', '1989-10-30'), [['midnight Friday', '1989-10-27T24:00']]);
});

test('a number next to a day without a sign that it is an hour is no part of the date', () => {
  assert.deepEqual(values('Earlier on Friday 15 protesters climbed the palace.'), [['Friday', 'XXXX-WXX-5']]);
  assert.deepEqual(values('Flights fell to 43 on Sunday and 15 on Monday.'), [['Sunday', 'XXXX-WXX-7'], ['Monday', 'XXXX-WXX-1']]);
  assert.deepEqual(values('It bought 36,700 shares on Feb 10 at 17 dlrs a share.', '1987-03-02'), [['Feb 10', '1987-02-10']]);
  assert.deepEqual(values('The rate falls to 21.50 pct from 23 on June 15.', '1987-06-16'), [['June 15', '1987-06-15']]);
  assert.deepEqual(values('They were trading up 3/8 at 5-3/4 before the halt.', '1987-03-18'), []);
  // With a sign, it is the hour.
  assert.deepEqual(dates('They meet Friday at 10am.', '1987-03-18').map((d) => [d.text, d.type, d.value]), [['Friday at 10am', 'TIME', '1987-03-20T10:00']]);
});

test('a day and a clock time next to each other make one TIME', () => {
  assert.deepEqual(dates('The ceasefire began yesterday at 3 p.m.', '2016-10-17').map((d) => [d.text, d.type, d.value]), [
    ['yesterday at 3 p.m.', 'TIME', '2016-10-16T15:00'],
  ]);
});

test('"the night of" a date is that date\'s night', () => {
  const text = 'Slepian was shot on the night of Friday, Oct. 23. The suspect left the evening of Jan. 5, 1998.';
  assert.deepEqual(dates(text, '1998-11-21').map((d) => [d.text, d.type, d.value]), [
    ['the night of Friday, Oct. 23', 'TIME', '1998-10-23TNI'],
    ['the evening of Jan. 5, 1998', 'TIME', '1998-01-05TEV'],
  ]);
});

test('holidays resolve in the year nearest the article date', () => {
  assert.deepEqual(values('Shops closed on Thanksgiving Day and reopen after Christmas.', '2016-11-10'), [
    ['Thanksgiving Day', '2016-11-24'],
    ['Christmas', '2016-12-25'],
  ]);
});

test('values record what they were worked out from', () => {
  const found = dates('On March 14, 2025, two days after Friday, the flood peaked. It receded the next day.', '2025-03-16');
  assert.deepEqual(found.map((d) => [d.text, d.value, d.anchor]), [
    ['March 14, 2025', '2025-03-14', 'text'],
    ['two days', 'P2D', 'text'],
    ['Friday', '2025-03-14', 'article-date'],
    ['the next day', '2025-03-15', 'earlier-date'],
  ]);
});

test('the reference date: the first full date of the lead stated with its weekday when there is no dateline', () => {
  const text = 'Truce talks\n\nThe talks in Lausanne ended on Saturday, Oct. 15, 2016.';
  assert.deepEqual(findArticleDate(text, splitSentences(text)), { date: '2016-10-15', source: 'text' });
  // Without a weekday a lead's full date is an event's, before or after the article.
  assert.equal(referenceDate('Ossie Davis dies\n\nThe actor died in Miami on 4 February 2005. Friends gathered on Saturday.'), null);
  assert.equal(referenceDate('Child fund\n\nAll children born after 1st September 2002 will be eligible.'), null);
  // Nor does a weekday that is not the date's own make it the article's.
  assert.equal(referenceDate('Talks\n\nThe talks ended on Friday, Oct. 15, 2016.'), null);
  const dateline = 'Truce talks\n\nLAUSANNE, Oct. 16, 2016 (Reuters) - Talks ended.';
  assert.deepEqual(findArticleDate(dateline, splitSentences(dateline)), { date: '2016-10-16', source: 'dateline' });
});

test('a lead that opens with a name in capitals is read at once, not taken for a dateline', () => {
  const text = 'UNITED STATES STEEL CORPORATION said on Monday, Nov. 1, 2004 it will sell notes.';
  const started = process.cpuUsage();
  assert.deepEqual(findArticleDate(text, splitSentences(text)), { date: '2004-11-01', source: 'text' });
  const { user, system } = process.cpuUsage(started);
  assert.ok(user + system < 1e6, `took ${(user + system) / 1e3} ms`);
});

test('an editor date comes first, then the article own date, then the date given for articles without one', () => {
  const text = 'Truce talks\n\nLAUSANNE, Oct. 16, 2016 (Reuters) - Talks ended on Saturday.';
  const undated = 'Truce talks\n\nTalks ended on Saturday.';
  const source = (t: string, options: Parameters<typeof analyzeArticle>[1]) => {
    const { referenceDate, referenceDateSource, dates: found } = analyzeArticle(t, options);
    return [referenceDate, referenceDateSource, found.find((d) => d.text === 'Saturday')?.value];
  };
  assert.deepEqual(source(text, { articleDate: '2016-10-20', fallbackReferenceDate: '2000-01-01' }), ['2016-10-20', 'editor', '2016-10-15']);
  assert.deepEqual(source(text, { fallbackReferenceDate: '2000-01-01' }), ['2016-10-16', 'dateline', '2016-10-15']);
  assert.deepEqual(source(undated, { fallbackReferenceDate: '2016-10-17' }), ['2016-10-17', 'default', '2016-10-15']);
  assert.deepEqual(source(undated, {}), [null, null, 'XXXX-WXX-6']);
});

test('a dateline without a year dates the article once a date for undated articles gives the year', () => {
  const text = 'Truce talks\n\nGeneva [Switzerland], Aug. 27 : Kerry said on Friday that talks made headway.';
  const { referenceDate, referenceDateSource, dates: found } = analyzeArticle(text, { fallbackReferenceDate: '2016-10-17' });
  assert.deepEqual([referenceDate, referenceDateSource], ['2016-08-27', 'dateline']);
  assert.deepEqual(found.map((d) => [d.text, d.value]), [['Aug. 27', '2016-08-27'], ['Friday', '2016-08-26']]);
  assert.equal(analyzeArticle(text).referenceDate, null);
});

test('a dateline whose dash starts a sentence chrono-node would join to the day still dates the article', () => {
  const options = { fallbackReferenceDate: '1987-10-15' };
  for (const lead of ['After a week that left his presidency shaken, Reagan spoke.', "Today's debt talks were delayed.", 'Two days of talks broke off.']) {
    const { referenceDate, referenceDateSource } = analyzeArticle(`Talks\n\nNEW YORK, March 11 - ${lead}`, options);
    assert.deepEqual([referenceDate, referenceDateSource], ['1987-03-11', 'dateline'], lead);
  }
});

test('a dateline typed in haste or a bulletin stamped with its time dates the article', () => {
  const options = { fallbackReferenceDate: '1987-10-15' };
  const date = (text: string) => {
    const { referenceDate, referenceDateSource } = analyzeArticle(text, options);
    return [referenceDate, referenceDateSource];
  };
  for (const line of ['La paz, march 4 - about 1,000 employees quit.', 'LAKE SUCCESS, N.Y. March 4 - Tender Loving Care said.', 'OKLAHOMA CITY, Okla. March 4, Reuter - Empie said.', 'GRONINGEN, the Netherlands, March 4 - Philips said.']) {
    assert.deepEqual(date(`Talks\n\n${line}`), ['1987-03-04', 'dateline'], line);
  }
  assert.deepEqual(date('REUTER MONEY NEWS HIGHLIGHTS 1145 GMT - APRIL 7\n\nBERNE - Swiss prices rose.'), ['1987-04-07', 'dateline']);
  assert.deepEqual(date('REUTER WORLD NEWS HIGHLIGHTS 1300 GMT APRIL 7\n\nBEIRUT - Rescue workers planned to evacuate.'), ['1987-04-07', 'dateline']);
  // Without the dash after the day, a few words and a comma are the start of a sentence.
  assert.deepEqual(date('Talks\n\nIn the end, March 4 was the day they met.'), ['1987-10-15', 'default']);
  // Nor, further into the article, with the dash: a dateline opens the body.
  assert.deepEqual(date('Talks\n\nBERNE - Prices rose.\n\nSales fell.\n\nIn the meantime, March 4 - the deadline - passes.'), ['1987-10-15', 'default']);
  // A line ending CRLF, or a byte-order mark, before the dateline.
  assert.deepEqual(date('Talks\r\n\r\nLa paz, march 4 - about 1,000 employees quit.'), ['1987-03-04', 'dateline']);
  assert.deepEqual(date('\uFEFFLa paz, march 4 - about 1,000 employees quit.'), ['1987-03-04', 'dateline']);
  // Nor is a headline's day after words and a clock time without its zone the article's.
  assert.deepEqual(date('TALKS TO RESUME AT 1145 APRIL 7\n\nBERNE - Talks resume.'), ['1987-10-15', 'default']);
});

test('a month after a verb of wanting, seeking or proposing to do something is ahead', () => {
  assert.deepEqual(values('Japanese officials want to begin informal talks in August or September, sources said.', '1987-04-28'), [
    ['August', '1987-08'],
    ['September', '1987-09'],
  ]);
  assert.deepEqual(values('The Commission proposes to cut the increments during the November to May period.', '1987-06-16'), [
    ['November', '1987-11'],
    ['May', '1988-05'],
  ]);
  // What was wanted is behind.
  assert.deepEqual(values('She had wanted to run in the championships in August.', '1987-04-28'), [['August', '1986-08']]);
});

test('what a clause or a headline expects, sees or predicts is ahead', () => {
  assert.deepEqual(values('KUWAIT SEES OPEC OUTPUT OVER CEILING TO END-YEAR', '1987-06-29'), [['END-YEAR', '1987']]);
  assert.deepEqual(values('He expects a slowdown in the second quarter.', '1987-03-24'), [['the second quarter', '1987-Q2']]);
  const vista = values('Vista Chemical said it expects earnings for the year ending September 30 to be up substantially.', '1987-03-18');
  assert.deepEqual(vista.filter(([text]) => text === 'September 30'), [['September 30', '1987-09-30']]);
  assert.deepEqual(values('Levy predicts a brisk rise in the second quarter.', '1987-03-24'), [['the second quarter', '1987-Q2']]);
  // What was expected is behind.
  assert.deepEqual(values('He had expected a slowdown in the second quarter.', '1987-10-24'), [['the second quarter', '1987-Q2']]);
});

test('the end of a month, also written end-February, is that month, the one a month earlier counts from', () => {
  assert.deepEqual(values('The backlog of orders at end-February was 157 ships against 161 ships a month earlier.', '1987-03-17'), [
    ['end-February', '1987-02'],
    ['a month earlier', '1987-01'],
  ]);
  assert.deepEqual(values('End-January stocks included 1.28 mln tonnes, up from 1.1 mln at end-January 1986.', '1987-03-17'), [
    ['End-January', '1987-01'],
    ['end-January 1986', '1986-01'],
  ]);
  assert.deepEqual(values('M-3 rose 9.72 pct to 149.80 billion pesos at the end of December from a month earlier.', '1987-03-19'), [
    ['the end of December', '1986-12'],
    ['a month earlier', '1986-11'],
  ]);
  // A front end is no month's end.
  assert.deepEqual(values('The front-end March contract rose.', '1987-03-17'), []);
});

test('the end of a year written end-1986 is that year, and a year compared with does not replace the period reported on', () => {
  assert.deepEqual(values('End-1986 net assets totalled 11.85 mln dlrs, against 9.1 mln at end-1985.', '1987-04-08'), [
    ['End-1986', '1986'],
    ['end-1985', '1985'],
  ]);
  assert.deepEqual(values('External debt rose to 31.4 billion dlrs at end-1986 from 25.4 billion a year earlier.', '1987-04-08'), [
    ['end-1986', '1986'],
    ['a year earlier', '1985'],
  ]);
  const allowance = 'The allowance for credit losses at the end of March totaled 953 mln dlrs compared with 910 mln at end-1986 and 815 mln a year earlier.';
  assert.deepEqual(values(allowance, '1987-04-08'), [
    ['the end of March', '1987-03'],
    ['end-1986', '1986'],
    ['a year earlier', '1986-03'],
  ]);
});

test('an all-capitals headline\'s END-1986, MID-1986, END-FEBRUARY and MID-MAY read as the lower-case forms do', () => {
  assert.deepEqual(values('TURKISH DEBT REACHED 31.4 BILLION DLRS AT END-1986', '1987-03-19'), [['END-1986', '1986']]);
  assert.deepEqual(values('OUTPUT TO RECOVER BY MID-1986', '1985-11-02'), [['MID-1986', '1986']]);
  assert.deepEqual(values('JAPAN BANK LENDING RISES AT END-FEBRUARY', '1987-03-17'), [['END-FEBRUARY', '1987-02']]);
  assert.deepEqual(values('VENEZUELA FINANCE MINISTER TO JAPAN IN MID-MAY', '1987-04-27'), [['MID-MAY', '1987-05']]);
  // Only as a word of its own: "LEGEND-1986" is a name.
  assert.deepEqual(values('LEGEND-1986 TOUR SOLD OUT', '1987-04-27'), []);
});

test('days joined by a slash or a hyphen to a day or a month are a range, not a day of a two-digit year', () => {
  assert.deepEqual(values('A trading house bought 31,000 tonnes for April 10/May 10 shipment.', '1987-03-11'), [
    ['April 10', '1987-04-10'],
    ['May 10', '1987-05-10'],
  ]);
  assert.deepEqual(values('The shipment periods are March 15-April 20 (12,500 tonnes).', '1987-03-05'), [
    ['March 15', '1987-03-15'],
    ['April 20', '1987-04-20'],
  ]);
  assert.deepEqual(values('The committee meets on June 9/12, officials said.', '1987-03-30'), [
    ['June 9', '1987-06-09'],
    ['12', '1987-06-12'],
  ]);
  // Days that go back are no range: a price table's "May 2/1".
  assert.deepEqual(values('May 2/1 D May unch', '1987-04-07').filter(([text]) => text === '1'), []);
  // Nor, where the article's date is looked for, a day of 2030 or 2010.
  for (const line of ['May 5/30 shipments were sold.', 'LONDON, May 5/30 - Sold.', 'LONDON, April 10/May 10 - Sold.']) {
    const { referenceDate } = analyzeArticle(`Talks\n\n${line}`, { fallbackReferenceDate: '1987-03-11' });
    assert.equal(referenceDate?.slice(0, 4), '1987', line);
  }
});

test('a clock time given in two zones is on the day after them', () => {
  assert.deepEqual(values('The exchange offers end at 1700 EST (2100 GMT) November 17.', '1987-10-20'), [
    ['1700 EST', '1987-11-17T17:00'],
    ['2100 GMT', '1987-11-17T21:00'],
    ['November 17', '1987-11-17'],
  ]);
  // Without a day after them they are on the article's day.
  assert.deepEqual(values('Trading ends at 1700 EST (2100 GMT).', '1987-10-20'), [
    ['1700 EST', '1987-10-20T17:00'],
    ['2100 GMT', '1987-10-20T21:00'],
  ]);
});

test('a month paired with another after a preposition is a date, even May and March', () => {
  assert.deepEqual(values('Exports fell between March and May, the ministry said.', '2016-10-17'), [
    ['March', '2016-03'],
    ['May', '2016-05'],
  ]);
  assert.deepEqual(values('The fund rose from April to May.', '2016-10-17'), [
    ['April', '2016-04'],
    ['May', '2016-05'],
  ]);
});

test('a capitalized word ending in -ed inside a sentence is a name, not a past verb that puts the date behind', () => {
  const text = 'Two former Milan players are likely to line up against Manchester United on Wednesday.';
  assert.deepEqual(values(text, '2016-10-15'), [['Wednesday', '2016-10-19']]);
  // A past verb still is one, capitalized at the start of a sentence or not.
  assert.deepEqual(values('Asked on Friday about it, he smiled. They lined up against Manchester United on Wednesday.', '2016-10-15'), [
    ['Friday', '2016-10-14'],
    ['Wednesday', '2016-10-12'],
  ]);
});

test('"the week before" and "the previous week" count from the week the article named last, and leave it named', () => {
  assert.deepEqual(values('There were 3.8 mln gallons of imports last week versus 133,505 gallons the week before.', '1987-03-12'), [
    ['last week', '1987-W10'],
    ['the week before', '1987-W09'],
  ]);
  assert.deepEqual(values('Japan will make a request next week and the two sides would probably meet the week after.', '1987-03-12'), [
    ['next week', '1987-W12'],
    ['the week after', '1987-W13'],
  ]);
  // A period compared with is not what the next comparison counts from.
  const text = 'Exports in the week ended March 5 rose 10 pct from the previous week. Barley sales were 10 times the previous week.';
  assert.deepEqual(values(text, '1987-03-12'), [
    ['March 5', '1987-03-05'],
    ['the previous week', '1987-W09'],
    ['the previous week', '1987-W09'],
  ]);
});

test('a weekday counted within a month is that day of the month, not the weekday nearest the article', () => {
  const text = 'Daylight time will start on the first Sunday in April instead of the last Sunday in April.';
  assert.deepEqual(values(text, '2016-03-03'), [
    ['the first Sunday in April', '2016-04-03'],
    ['the last Sunday in April', '2016-04-24'],
  ]);
  assert.deepEqual(values('Voters go to the polls on the second Tuesday of November.', '2016-10-15'), [['the second Tuesday of November', '2016-11-08']]);
  // A stated year; a fifth weekday the month lacks leaves the month; without the article's date the year stays unknown.
  assert.deepEqual(values('It met on the fifth Monday of February 2016 and the fifth Friday of February 2016.'), [
    ['the fifth Monday of February 2016', '2016-02-29'],
    ['the fifth Friday of February 2016', '2016-02'],
  ]);
  assert.deepEqual(values('The race is held on the last Sunday in May.'), [['the last Sunday in May', 'XXXX-05']]);
  // February's last day in a leap year: a Sunday in 2032, a Saturday in 2020.
  assert.deepEqual(values('It ran on the last Sunday in February 2032 and the last Sunday in February 2020.'), [
    ['the last Sunday in February 2032', '2032-02-29'],
    ['the last Sunday in February 2020', '2020-02-23'],
  ]);
});

test('"the year before" and "the month after" at the end of a phrase count from the date the article last named', () => {
  assert.deepEqual(values('Net profit rose to 154 mln marks in 1985 from 103 mln the year before.'), [
    ['1985', '1985'],
    ['the year before', '1984'],
  ]);
  assert.deepEqual(values('Orders rose to 395 in February, up three from the month before.', '1987-03-12').slice(-1), [['the month before', '1987-01']]);
  assert.deepEqual(values('He was arrested in May 1990 and fled the month after.').slice(-1), [['the month after', '1990-06']]);
  // With no date named, the article's year; with neither, unknown.
  assert.deepEqual(values('Sales this year will rise five-fold over the year before.', '1987-03-03').slice(-1), [['the year before', '1986']]);
  assert.deepEqual(values('Exports fell from 7 billion the year before.'), [['the year before', 'XXXX']]);
  // Counted from something else, or no period: "the week before the vote", "the year before last".
  assert.deepEqual(values('They met the month before the vote and the year before last.'), []);
});

test('the following and the same month or year count from the date the article last named', () => {
  assert.deepEqual(values('The talks broke down in June 2014. The following month, fighting resumed.', '2016-10-17'), [
    ['June 2014', '2014-06'],
    ['The following month', '2014-07'],
  ]);
  assert.deepEqual(values('The mill closed on Feb. 3, 2009, and the same month its owner filed for bankruptcy.', '2016-10-17'), [
    ['Feb. 3, 2009', '2009-02-03'],
    ['the same month', '2009-02'],
  ]);
  assert.deepEqual(values('The party was founded in 1990. The following year it won 40 seats.', '2016-10-17'), [
    ['1990', '1990'],
    ['The following year', '1991'],
  ]);
});

test('the past century is the hundred years up to now, like the past decade', () => {
  assert.deepEqual(values('It was the worst flood of the past century.', '2016-10-17'), [['the past century', 'P100Y']]);
});

test('a price in thousands after a date is not a clock time', () => {
  assert.deepEqual(values('The bank may buy the stake after Jan. 1, 2017 at 1,015 euros a share.', '2016-10-17'), [['Jan. 1, 2017', '2017-01-01']]);
});

test('a clock time told by the part of the day', () => {
  assert.deepEqual(values('The convoy left at 4 in the morning on Oct. 12.', '2016-10-17'), [['4 in the morning on Oct. 12', '2016-10-12T04:00']]);
  assert.deepEqual(values('Shelling resumed at 10:30 at night, residents said.', '2016-10-17'), [['10:30 at night', '2016-10-17T22:30']]);
  assert.deepEqual(values('The index fell 3 in the morning session.', '2016-10-17'), []);
});

test('a date in parentheses leaves the closing parenthesis out', () => {
  assert.deepEqual(values('The plane will land at dawn (6 a.m. GMT Friday), officials said.', '2016-10-17'), [['6 a.m. GMT Friday', '2016-10-21T06:00']]);
});

test('the first or last two quarters of a year are its half-year; without a year, two quarters', () => {
  assert.deepEqual(values('Demand should grow through the first two quarters of 1990 and the final two quarters of fiscal 1990.', '1989-10-26'), [
    ['the first two quarters of 1990', '1990-H1'],
    ['the final two quarters of fiscal 1990', '1990-H2'],
  ]);
  assert.deepEqual(values('In the first two quarters, sales fell.', '1989-10-26'), [['the first two quarters', 'P2Q']]);
});

test('the first half without a year is a half-year in a sentence about results, not in one about a match', () => {
  assert.deepEqual(values('Profit rose 5% in the first half, the company said.', '2016-10-17'), [['the first half', '2016-H1']]);
  assert.deepEqual(values('Messi scored twice in the first half, and his first-half display won it.', '2016-10-17'), []);
  assert.deepEqual(values('Orders in the final half hour rose 5%.', '2016-10-17'), [['the final half hour', 'PT30M']]);
  assert.deepEqual(values('Sales in the first half of March rose 5%.', '2016-10-17'), [['March', '2016-03']]);
  assert.deepEqual(values('Its loss for the first half 2015 and the third quarter 2014 narrowed.', '2016-10-17'), [
    ['the first half 2015', '2015-H1'],
    ['the third quarter 2014', '2014-Q3'],
  ]);
});

test('"a year earlier" compares with the year its sentence states, not the quarter reported on or the article’s year', () => {
  const text = 'Net income rose in the third quarter. Exports grew 4% in 2014, after 6% a year earlier, and the fleet shrank in fiscal 2013 from year-earlier levels.';
  assert.deepEqual(values(text, '2016-10-25'), [
    ['the third quarter', '2016-Q3'],
    ['2014', '2014'],
    ['a year earlier', '2013'],
    ['fiscal 2013', '2013'],
    ['year-earlier', '2012'],
  ]);
  // A span of years is named by its first year; the base year of an index is not a period compared with.
  assert.deepEqual(values('Output in 2015/16 rose 3% from a year earlier.', '2016-10-25').slice(-1), [['a year earlier', '2014']]);
  assert.deepEqual(values('The index (base 2010) rose to 104 from 101 a year earlier.', '2016-10-25').slice(-1), [['a year earlier', '2015']]);
  // A quarter named in the same sentence still comes first.
  assert.deepEqual(values('Sales in 2016 rose, and third-quarter profit doubled from a year earlier.', '2016-10-25').slice(-1), [['a year earlier', '2015-Q3']]);
});

test('"a year earlier" compares with the one month its sentence reports on, not a month it compares with', () => {
  assert.deepEqual(values("Japan's car production in May fell 11 pct from a year earlier to 574,921.", '1987-06-18'), [
    ['May', '1987-05'],
    ['a year earlier', '1986-05'],
  ]);
  assert.deepEqual(values('Industrial production rose in February and was up 1.7 pct from a year ago, and on the year-earlier figure.', '1987-03-13').slice(1), [
    ['a year ago', '1986-02'],
    ['year-earlier', '1986-02'],
  ]);
  // Named as the subject too, not when it bounds a stretch.
  assert.deepEqual(values('The February figure was up 18.89 pct from a year earlier.', '1987-03-13').slice(-1), [['a year earlier', '1986-02']]);
  assert.deepEqual(values('January’s level was 1.29 pct higher than the same month a year ago.', '1987-03-13').slice(-1), [['a year ago', '1986-01']]);
  assert.deepEqual(values('Since January, output has risen 5 pct from a year earlier.', '1987-03-13').slice(-1), [['a year earlier', '1986']]);
  // "A month earlier" and "12 months earlier" count from it too.
  assert.deepEqual(values('Gas prices rose 1.8 pct in February after rising 4.2 pct a month earlier and were 14.8 pct lower than 12 months earlier.', '1987-03-13').slice(1), [
    ['a month earlier', '1987-01'],
    ['12 months earlier', '1986-02'],
  ]);
  // The month compared with is not the one reported on, which the sentence does not name; nor is one of two months.
  assert.deepEqual(values('The number of jobless rose to 650,700 from 631,900 in February and 593,200 a year earlier.', '1987-04-09').slice(-1), [['a year earlier', '1986']]);
  assert.deepEqual(values('Mining output rose 0.1 pct after a 1.6 pct increase in January, but was six pct lower than a year ago.', '1987-03-13').slice(-1), [['a year ago', '1986']]);
  assert.deepEqual(values('Exports rose in February from January and from a year earlier.', '1987-03-13').slice(-1), [['a year earlier', '1986']]);
  // Nor the month something was said in.
  assert.deepEqual(values('He said in May that sales had doubled from a year earlier.', '1987-07-20').slice(-1), [['a year earlier', '1986']]);
  assert.deepEqual(values('In July, the company reported that profit rose 10 pct from a year earlier.', '1987-07-20').slice(-1), [['a year earlier', '1986']]);
  assert.deepEqual(values('In May, car production fell 11 pct from a year earlier.', '1987-07-20').slice(-1), [['a year earlier', '1986-05']]);
});

test('an index’s base year is told from a reported one by the words right before it, whatever comes before them', () => {
  // Only the last few characters are read: a long run of spaces before them (or before the year) costs nothing.
  const gap = ' '.repeat(10_000);
  assert.deepEqual(values(`The index (base${gap}x) rose to 104 in 2012 from 101 a year earlier.`, '2016-10-25').slice(-1), [['a year earlier', '2011']]);
  assert.deepEqual(values(`The index (${gap}base year = 2010) rose to 104 from 101 a year earlier.`, '2016-10-25').slice(-1), [['a year earlier', '2015']]);
  assert.deepEqual(values(`The index (rose${gap}x) rose in 1986, 1987, 1988 and 1989.`, '2016-10-25').map(([, value]) => value), ['1986', '1987', '1988', '1989']);
});

test('the day a reporting period ended lies behind, however far back', () => {
  // Nine months back, beyond the reach of a past tense read from the clause.
  assert.deepEqual(values('In the fiscal year ended Feb. 28, the chain earned $3 million.', '2016-11-30').slice(-1), [['Feb. 28', '2016-02-28']]);
  assert.deepEqual(values('Sales for the quarter ended Sept. 30 rose.', '2016-10-05').slice(-1), [['Sept. 30', '2016-09-30']]);
  // Not when the sentence looks ahead, a few days before that day.
  assert.deepEqual(values('The company said it will take a charge in the quarter ended Sept. 30.', '2016-09-26').slice(-1), [['Sept. 30', '2016-09-30']]);
});

test('"last year" giving the time of an amount compared with, in results reporting, is the quarter a year before', () => {
  const text = 'Net income rose in the third quarter to $5 million, compared with a loss of $2 million last year. Sales grew 8% from last year’s $40 million.';
  assert.deepEqual(values(text, '2016-10-25'), [
    ['the third quarter', '2016-Q3'],
    ['last year', '2015-Q3'],
    ['last year', '2015-Q3'],
  ]);
  // Not an amount compared with, or a month or time of last year: the year.
  assert.deepEqual(values('Net income rose in the third quarter. The chief executive resigned last year.', '2016-10-25').slice(-1), [['last year', '2015']]);
  assert.deepEqual(values('Net income rose in the third quarter, from $4 million in the same month last year.', '2016-10-25').slice(-1), [['last year', '2015']]);
  assert.deepEqual(values('Rain fell to 40 mm from 55 mm last year.', '2016-10-25'), [['last year', '2015']]);
});

test('results for a stretch longer than a quarter compare with that stretch, not with the quarter', () => {
  const text = 'Net income rose in the third quarter. For the nine months, profit fell from $3 million a year earlier.';
  assert.deepEqual(values(text, '2016-10-25').slice(-1), [['a year earlier', '2015']]);
});

test('the corresponding period last year and last year’s quarter compare with the quarter reported on', () => {
  const text = 'Net income rose in the third quarter, from $1.8 million in the corresponding period last year. Sales for last year’s quarter were $3 million.';
  assert.deepEqual(values(text, '2016-10-25'), [
    ['the third quarter', '2016-Q3'],
    ['the corresponding period last year', '2015-Q3'],
    ['last year’s quarter', '2015-Q3'],
  ]);
});

test('lengths as adjectives without a number are durations', () => {
  assert.deepEqual(values('Talks resumed after a day-long meeting.', '2016-10-17'), [['day-long', 'P1D']]);
  assert.deepEqual(values('It ended a centuries-long feud.', '2016-10-17'), [['centuries-long', 'PXC']]);
});

test('a part of the day alone is a time after a preposition, not in a price or before a noun', () => {
  assert.deepEqual(values('Rooms will cost $55 a night. She spoke on the morning show and mostly at evening events.', '2016-10-17'), []);
  assert.deepEqual(values('Traders sold in the morning and the shelling resumed at night.', '2016-10-17'), [
    ['the morning', '2016-10-17TMO'],
    ['night', '2016-10-17TNI'],
  ]);
});

test('the article of a quarter used as an adjective and a possessive stay out of its extent', () => {
  assert.deepEqual(values('Citadel posted a third-quarter loss, and its fourth quarter looks weak. In the third quarter, sales fell.', '2016-10-25'), [
    ['third-quarter', '2016-Q3'],
    ['fourth quarter', '2016-Q4'],
    ['the third quarter', '2016-Q3'],
  ]);
});

test('focus words before an amount of time stay out of its extent', () => {
  assert.deepEqual(values('The envoy stayed only five hours; just a decade ago he lived there.', '2016-10-17'), [
    ['five hours', 'PT5H'],
    ['a decade ago', '2006'],
  ]);
});

test('that quarter is the quarter the article just named, not the one of the last day it named', () => {
  const text = 'The company lost $12 million in the second quarter ended June 30. Results for that quarter included a write-down.';
  assert.deepEqual(values(text, '2016-10-25').slice(-1), [['that quarter', '2016-Q2']]);
});

test('a month or a season before a year in words is a month or season of that year', () => {
  assert.deepEqual(values('Prices last fell this far in the winter of nineteen ninety-four. January nineteen ninety-seven was worse.'), [
    ['the winter of nineteen ninety-four', '1994-WI'],
    ['January nineteen ninety-seven', '1997-01'],
  ]);
});

test('the previous or following weekday counts from the day the article last named', () => {
  assert.deepEqual(values('The index closed at 2082.1 on Friday, down 4.5% from the previous Friday.', '2016-10-17'), [
    ['Friday', '2016-10-14'],
    ['the previous Friday', '2016-10-07'],
  ]);
  assert.deepEqual(values('The talks began on Oct. 3, 2016. The following Monday, the envoys left.'), [
    ['Oct. 3, 2016', '2016-10-03'],
    ['The following Monday', '2016-10-10'],
  ]);
});

test('Election Day and other calendar holidays resolve to their day in the year nearest the reference', () => {
  assert.deepEqual(values('Voters go to the polls on Election Day; the parade on St. Patrick’s Day drew crowds.', '2016-10-17'), [
    ['Election Day', '2016-11-08'],
    ['St. Patrick’s Day', '2016-03-17'],
  ]);
});

test('a scheduled event in the present tense is ahead, and a day joined to it shares its tense', () => {
  // 2016-10-19 is a Wednesday.
  assert.deepEqual(values('Finance ministers meet on Thursday; the festival, which opens Friday, drew crowds on Sunday.', '2016-10-19'), [
    ['Thursday', '2016-10-20'],
    ['Friday', '2016-10-21'],
    ['Sunday', '2016-10-16'],
  ]);
  assert.deepEqual(values('The council meets on Monday and Tuesday. The vote on Friday was close, and he did not play on Sunday.', '2016-10-19'), [
    ['Monday', '2016-10-24'],
    ['Tuesday', '2016-10-25'],
    ['Friday', '2016-10-14'],
    ['Sunday', '2016-10-16'],
  ]);
});

test('a scheduled event in the present tense is ahead with its place between the verb and the date', () => {
  // 2016-10-19 is a Wednesday.
  assert.deepEqual(values('The minister, who leaves for Moscow on Tuesday, met the ambassador. Auditions begin in Canada on Thursday.', '2016-10-19'), [
    ['Tuesday', '2016-10-25'],
    ['Thursday', '2016-10-20'],
  ]);
  assert.deepEqual(values('The dispute goes to the Commission on Monday, they said.', '2016-10-19'), [['Monday', '2016-10-24']]);
  // "a visit to" is a noun, and its clause's verb is past.
  assert.deepEqual(values('The chancellor began a visit to Beijing on Monday.', '2016-10-19'), [['Monday', '2016-10-17']]);
});

test('a year in a name is not a date; a 24-hour clock time with its zone is a time', () => {
  assert.deepEqual(values('The patch runs on Windows 2000, and the Communications Act 2003 applies.', '2005-03-16'), []);
  assert.deepEqual(values('That 1978 resolution still stands.', '2005-03-16'), [['1978', '1978']]);
  assert.deepEqual(values('Shares had fallen 6.87% by 1830 GMT.', '2005-03-16'), [['1830 GMT', '2005-03-16T18:30']]);
  assert.deepEqual(values('The studio logged 2000 hours of footage.', '2005-03-16'), [['2000 hours', 'PT2000H']]);
});

test('a year or months later count from the date the article last named', () => {
  assert.deepEqual(values('Sales grew 2.9% in 2001 and 2.5% a year later. He left in March 2003; two months later he returned.', '2005-03-16'), [
    ['2001', '2001'],
    ['a year later', '2002'],
    ['March 2003', '2003-03'],
    ['two months later', '2003-05'],
  ]);
});

test('newspapers named after a weekday and a lower-case election day are not dates', () => {
  assert.deepEqual(values('The Mail on Sunday and the Sunday Times reported that he would not announce election day.', '2005-03-16'), []);
});

test('fractions of the smallest units and ordinals before a hyphen', () => {
  assert.deepEqual(values('She won in 32.93 seconds, after one second-set outburst.', '2005-03-16'), [['32.93 seconds', 'PT32.93S']]);
});

test('at midday is noon', () => {
  assert.deepEqual(values('He appears before a judge at midday, after a midday meal.', '1999-10-08'), [['midday', '1999-10-08T12:00']]);
});

test('fractions of an hour are minutes', () => {
  assert.deepEqual(values('Bullock was called into action with just over a quarter-of-an-hour on the clock.'), [['a quarter-of-an-hour', 'PT15M']]);
  assert.deepEqual(values('Firms may not buy back stock in the last half hour of trading.'), [['the last half hour', 'PT30M']]);
  assert.deepEqual(values('The hearing lasted three quarters of an hour.'), [['three quarters of an hour', 'PT45M']]);
  // A hyphenated amount used as a noun keeps its determiner; as an adjective it leaves it to its noun.
  assert.deepEqual(values('Repurchases in the final half-hour of trading are barred.'), [['the final half-hour', 'PT30M']]);
  assert.deepEqual(values('He signed the two-year deal.'), [['two-year', 'P2Y']]);
});

test('a year by its number before "year" is that year, not a count of years', () => {
  assert.deepEqual(values('Wall Street has gotten ahead of eBay for the 2005 year, an analyst said.'), [['the 2005 year', '2005']]);
  assert.deepEqual(values('The tree is 2005 years old.'), []);
  assert.deepEqual(values("NCR's 1986 full-year earnings rose, as GNP did in the 1986 calendar year."), [
    ['1986 full-year', '1986'],
    ['the 1986 calendar year', '1986'],
  ]);
  // Before "month" it is the year of the month, not 1,986 months.
  assert.deepEqual(values('Output was 6.09 pct above the same 1986 month, and higher than in the first two 1987 months.'), [
    ['1986', '1986'],
    ['1987', '1987'],
  ]);
  // A count of years stays a count.
  assert.deepEqual(values('The temple has stood for 2000 years.'), [['2000 years', 'P2000Y']]);
});

test('"one day" before a clause is some day, ahead or behind by the clause', () => {
  assert.deepEqual(values('"One day you will be able to tell your children that you were there."'), [['One day', 'FUTURE_REF']]);
  assert.deepEqual(values('One day, he walked into the office and resigned.'), [['One day', 'PAST_REF']]);
  assert.deepEqual(values('The strike lasted for one day and then ended.'), [['one day', 'P1D']]);
  // After a modal it is some day to come; a modal's object is still a stretch.
  assert.deepEqual(values('Islam will one day be the second largest religion in the country.'), [['one day', 'FUTURE_REF']]);
  assert.deepEqual(values('The repairs will take one day.'), [['one day', 'P1D']]);
});

test('a quarter of a match is no quarter of the year', () => {
  assert.deepEqual(values('Ireland led 18-12 as the game entered the final quarter, but Italy attacked.', '2005-02-13'), []);
  assert.deepEqual(values('The company expects to report a gain in the final quarter.', '2005-02-13'), [['the final quarter', '2005-Q4']]);
});

test('a holiday on a fixed day keeps its month and day without the article date', () => {
  assert.deepEqual(values('Half of the spam received since Christmas was health-related.'), [['Christmas', 'XXXX-12-25']]);
  assert.deepEqual(values('Sales peaked at Easter.'), [['Easter', 'XXXX-XX-XX']]);
});

test('a month after "into", and a month a sentence is about, are dates', () => {
  assert.deepEqual(values('The harvest will be extended into May and June, the official said.', '1987-04-07'), [
    ['May', '1987-05'],
    ['June', '1987-06'],
  ]);
  assert.deepEqual(values('December was the busiest month for the shops.', '2005-02-10'), [['December', '2004-12']]);
  assert.deepEqual(values('June is expected to sing at the gala.', '2005-02-10'), []);
});

test('hyphenated halves and "another" count in an amount of time', () => {
  assert.deepEqual(values('Shares closed at a two-and-a-half year high.'), [['two-and-a-half year', 'P2Y6M']]);
  assert.deepEqual(values('It is a thrill-a-minute kind of action film.'), []);
  assert.deepEqual(values('The players will not be out for another year or so.'), [['another year or so', 'P1Y']]);
});

test('the year-earlier period with no quarter named is the year before the one last named', () => {
  const text = 'Cathay forecast a good 1987 on growth in traffic early this year over the year-earlier period.';
  assert.deepEqual(values(text, '1987-03-18'), [
    ['1987', '1987'],
    ['early this year', '1987'],
    ['the year-earlier period', '1986'],
  ]);
  assert.deepEqual(values('Net income rose in the third quarter from the year-earlier period.', '1986-11-10'), [
    ['the third quarter', '1986-Q3'],
    ['the year-earlier period', '1985-Q3'],
  ]);
});

test('the end of a range keeps the year it states', () => {
  assert.deepEqual(values('Pipa conducted the poll from 15 November 2004 to 3 January 2005 in 22 countries.'), [
    ['15 November 2004', '2004-11-15'],
    ['3 January 2005', '2005-01-03'],
  ]);
  assert.deepEqual(values('Talks ran from Oct. 15, 2016 to Oct. 17.', '2017-11-01'), [
    ['Oct. 15, 2016', '2016-10-15'],
    ['Oct. 17', '2016-10-17'],
  ]);
});

test('a range crossing a year end ends after it starts, and a year either end states dates the other', () => {
  // Reported to date: the end is the last March 13, the start the July before it.
  assert.deepEqual(values('Exports for the period July 1/March 13 totalled 7.16 mln tonnes.', '1987-03-31'), [
    ['July 1', '1986-07-01'],
    ['March 13', '1987-03-13'],
  ]);
  // About the future: the start is the coming April 1.
  assert.deepEqual(values('The financial year will run from April 1 to March 31.', '1987-03-18'), [
    ['April 1', '1987-04-01'],
    ['March 31', '1988-03-31'],
  ]);
  assert.deepEqual(values('Holders whose certificates expired from December 31, 1986, through March 31 were paid.', '1987-04-07'), [
    ['December 31, 1986', '1986-12-31'],
    ['March 31', '1987-03-31'],
  ]);
  assert.deepEqual(values('The cattle are for delivery May 7-June 7, 1987.', '2016-03-20'), [
    ['May 7', '1987-05-07'],
    ['June 7, 1987', '1987-06-07'],
  ]);
  // A dateline's day joined to a day after its dash is no range that crosses a year.
  assert.deepEqual(values('MILWAUKEE, June 2 - April 30 end', '1987-06-02')[0], ['June 2', '1987-06-02']);
});

test('both ends of a range crossing a year end read one tense, so they lie less than a year apart', () => {
  // "to Jan. 2" looks ahead ("extended ... to"), "from Dec. 30" does not: each end's own tense dated it from the other.
  assert.deepEqual(values('The company extended its offer from Dec. 30 to Jan. 2.', '2016-06-15'), [
    ['Dec. 30', '2015-12-30'],
    ['Jan. 2', '2016-01-02'],
  ]);
});

test('a range of fractions is a price, not dates', () => {
  assert.deepEqual(values('Bonds had opened 1/4 to 3/8 point stronger.', '1987-04-03'), []);
});

test('a 24-hour clock time with a place\'s time is a time', () => {
  assert.deepEqual(values('The offer will expire 1700 New York time April 1, 1987, unless extended.', '1987-03-24'), [['1700 New York time April 1, 1987', '1987-04-01T17:00']]);
});

test('a holiday name after another capitalized word names another day', () => {
  assert.deepEqual(values('His government introduced Holocaust Memorial Day.', '2005-01-20'), []);
  assert.deepEqual(values('Sales rose over Christmas, retailers said.', '2005-01-20'), [['Christmas', '2004-12-25']]);
});

test('a number of bits or a crowd\'s size is no year, and a fall to an amount is no autumn', () => {
  assert.deepEqual(values('It is a 2048-bit number that is virtually impossible to crack.'), []);
  assert.deepEqual(values('A 1600-strong crowd watched.'), []);
  assert.deepEqual(values('The bank predicts this fall from the 2.1% level.', '2005-01-20'), []);
  assert.deepEqual(values('Prices rose last fall, from Paris to Rome.', '2005-01-20'), [['last fall', '2004-FA']]);
});

test('"the fall in" something is a drop, not autumn; "in the fall" and "the fall of 1987" are autumn', () => {
  assert.deepEqual(values('Earnings were hit by the fall in oil prices.', '2005-01-20'), []);
  assert.deepEqual(values('Confidence weakened because of the fall in October.', '2005-01-20'), [['October', '2004-10']]);
  assert.deepEqual(values('The plant will reopen in the fall.', '2005-01-20'), [['the fall', '2005-FA']]);
  assert.deepEqual(values('The plant reopens this fall, and closed this winter.', '2005-01-20'), [['this fall', '2005-FA'], ['this winter', '2004-WI']]);
  assert.deepEqual(values('The plant closed in the fall of 1987.', '2005-01-20'), [['the fall of 1987', '1987-FA']]);
});

test('a day of the month in words is that day, not a count after a month', () => {
  assert.deepEqual(values('The plants will be closed for a week starting August six for inventory adjustment.', '1987-04-01'), [
    ['a week', 'P1W'],
    ['August six', '1987-08-06'],
  ]);
  assert.deepEqual(values('The notes will be redeemed June one, 1988, at par.', '1987-04-01'), [['June one, 1988', '1988-06-01']]);
  assert.deepEqual(values('Holders converting by the June eight record date get the dividend.', '1987-06-01'), [['June eight', '1987-06-08']]);
  assert.deepEqual(values('In June one company said sales fell.', '1987-08-01'), [['June', '1987-06']]);
  assert.deepEqual(values('He left in May two years ago.', '1987-08-01'), [['May', '1987-05'], ['two years ago', '1985']]);
});

test('a span of years gives each end its own date, and the span is named by its first year', () => {
  assert.deepEqual(values('He won the title in the 1991-92 season.'), [['1991', '1991'], ['92', '1992']]);
  assert.deepEqual(values('Lawson set the borrowing target for fiscal 1987/88 and 1988/89.'), [
    ['fiscal 1987', '1987'],
    ['88', '1988'],
    ['1988', '1988'],
    ['89', '1989'],
  ]);
  assert.deepEqual(values('Output was 700 mln marks in 1985/86, higher than in the preceding year.'), [
    ['1985', '1985'],
    ['86', '1986'],
    ['the preceding year', '1984'],
  ]);
  assert.deepEqual(values('Sales rose between 2002 and 2004.'), [['2002', '2002'], ['2004', '2004']]);
  assert.deepEqual(values('The vote went 1710-1650 against.'), []);
});

test('midnight of a day named by a word closes that day', () => {
  const found = dates('The Western name was to have disappeared at midnight last night.', '1987-04-01');
  assert.deepEqual(found.map((d) => [d.text, d.type, d.value]), [['midnight last night', 'TIME', '1987-03-31T24:00']]);
  assert.deepEqual(values('Shares must be tendered by midnight tonight.', '1987-03-24'), [['midnight tonight', '1987-03-24T24:00']]);
});

test('24-hour clock times at both ends of a span are times when a zone, "hours" or a leading zero says so', () => {
  const found = dates('The exchange will trade the contracts between 1700 and 2100 hrs central U.S. time.', '1987-04-03');
  assert.deepEqual(found.map((d) => [d.text, d.type, d.value]), [
    ['1700', 'TIME', '1987-04-03T17:00'],
    ['2100 hrs', 'TIME', '1987-04-03T21:00'],
  ]);
  assert.deepEqual(values('Magistrates imposed a curfew between 2200 and 0700.', '2004-06-30'), [
    ['2200', '2004-06-30T22:00'],
    ['0700', '2004-06-30T07:00'],
  ]);
  assert.deepEqual(values('Viewers tuned in between 2000 and 2100 GMT.'), [['2000', 'XXXX-XX-XXT20:00'], ['2100 GMT', 'XXXX-XX-XXT21:00']]);
});

test('that decade is the decade last named, else the ten years since the point last named', () => {
  assert.deepEqual(values('Growth was slow in the 1980s. That decade saw three recessions.'), [['the 1980s', '198'], ['That decade', '198']]);
  const found = dates('Back in 1994, Yahoo had only just launched. Some things have stayed constant in that decade.');
  assert.deepEqual(found.map((d) => [d.text, d.type, d.value]), [['1994', 'DATE', '1994'], ['that decade', 'DURATION', 'P10Y']]);
});

test('"the plan" is a noun, not a sign of the future tense', () => {
  assert.deepEqual(values('South Korea unveiled the plan in November.', '1987-03-10'), [['November', '1986-11']]);
  assert.deepEqual(values('The company also said its board Sunday agreed to a plan that gives executives bonuses.', '1987-06-02'), [['Sunday', '1987-05-31']]);
});

test('titles in Title Case and the names of prizes are not dates; a headline keeps its dates', () => {
  assert.deepEqual(values("Band Aid 20's remake of Do They Know It's Christmas? is number one in the charts."), []);
  assert.deepEqual(values("But his next single, It's Now Or Never, will face a challenge."), []);
  assert.deepEqual(values('He told The Mail On Sunday that he would quit.'), []);
  assert.deepEqual(values('She is favourite to win the Whitbread book of the year award.'), []);
  assert.deepEqual(values('Talks On Syria Resume On Monday In Geneva'), [['Monday', 'XXXX-WXX-1']]);
  assert.deepEqual(values('Profit rose 5% for the year.', '2004-12-10'), [['the year', '2004']]);
});

test('a range needs an end with a number, a month or a weekday; a band named after a weekday is no set', () => {
  assert.deepEqual(values('SACRAMENTO, Oct 20 - First Commercial Bancorp said it will acquire the bank.', '1987-10-20'), [['Oct 20', '1987-10-20']]);
  assert.deepEqual(values('The talks run Oct. 15-17 in Geneva.', '1987-10-01'), [['Oct. 15', '1987-10-15'], ['17', '1987-10-17']]);
  assert.deepEqual(values('The album drew comparisons to The Stone Roses and The Happy Mondays.'), []);
  assert.deepEqual(values('The shop is closed on Mondays.'), [['Mondays', 'XXXX-WXX-1']]);
});

test('24-hour clock times in parentheses with a zone are times', () => {
  assert.deepEqual(values('The session would run from 1700 to 2100 local time (2300 to 0300 GMT).', '1987-03-30'), [
    ['1700', '1987-03-30T17:00'],
    ['2100 local time', '1987-03-30T21:00'],
    ['2300', '1987-03-30T23:00'],
    ['0300 GMT', '1987-03-30T03:00'],
  ]);
});

test('dates without a digit are read, also when a name touches the word before or after it', () => {
  const reference = '2016-10-17';
  assert.deepEqual(values('The ship docked on December fifth.', reference), [['December fifth', '2016-12-05']]);
  assert.deepEqual(values('The vote was held Dec. fifth, officials said.', reference), [['Dec. fifth', '2016-12-05']]);
  assert.deepEqual(values('The vote was held on the firstofMarch.', reference), [['firstofMarch', '2016-03-01']]);
  assert.deepEqual(values('The vote was held on Marchfirst.', reference), [['Marchfirst', '2016-03-01']]);
  assert.deepEqual(values('Trading halted at midnight.', reference), [['midnight', '2016-10-17T24:00']]);
});

test('a day something is postponed or extended to is ahead; the day it was postponed or extended is behind', () => {
  // 2016-10-17 is a Monday.
  assert.deepEqual(values('Two rival bidders extended their offers for the drug maker Friday.', '2016-10-17'), [['Friday', '2016-10-14']]);
  assert.deepEqual(values('The board on Saturday postponed a decision until June.', '2016-10-17'), [
    ['Saturday', '2016-10-15'],
    ['June', '2017-06'],
  ]);
  assert.deepEqual(values('The offer was extended to Friday.', '2016-10-17'), [['Friday', '2016-10-21']]);
  assert.deepEqual(values('The vote was postponed until next month.', '2016-10-17'), [['next month', '2016-11']]);
});

test('a deadline ("until", "by", "before", "due") in a clause without a past verb is ahead', () => {
  // 2016-03-14 is a Monday.
  assert.deepEqual(values('The agency has given the family until 9 a.m. Tuesday to sign.', '2016-03-14'), [['9 a.m. Tuesday', '2016-03-15T09:00']]);
  assert.deepEqual(values('The boycott gives companies until late September to cut ties.', '2016-03-14'), [['late September', '2016-09']]);
  assert.deepEqual(values('Proposals must be in by August 3.', '2016-03-14'), [['August 3', '2016-08-03']]);
  assert.deepEqual(values('Only 31 pct of firms expect prices to rise before July.', '1987-03-20'), [['July', '1987-07']]);
  assert.deepEqual(values('Costs will be 190 mln dlrs, it said, with construction to start before year-end.', '1987-06-18'), [['year-end', '1987']]);
  assert.deepEqual(values('Prices fell before July.', '1987-03-20'), [['July', '1986-07']]);
  // What is due on a day, and not "was due" nor "missed", is ahead.
  assert.deepEqual(values('The company said 50 pct of the note, due August three, will be paid with the proceeds.', '1987-03-17'), [['August three', '1987-08-03']]);
  assert.deepEqual(values('Analysts said shifts of funds ahead of tax changes due in October boost demand.', '1987-06-01'), [['October', '1987-10']]);
  assert.deepEqual(values('It missed the first payment of 71 mln dlrs due on September 29.', '1987-03-02'), [['September 29', '1986-09-29']]);
  // A past verb, also one after an opening deadline, keeps it behind.
  assert.deepEqual(values('The strike lasted until Saturday.', '2016-03-14'), [['Saturday', '2016-03-12']]);
  assert.deepEqual(values('But by Wednesday, the dollar climbed.', '2016-03-14'), [['Wednesday', '2016-03-09']]);
});

test('months in a list of months are dates, read forward in time; names around a list are not', () => {
  assert.deepEqual(values('The main rains last between May and July, before returning in September/October.', '1987-03-12').map(([t]) => t), ['May', 'July', 'September', 'October']);
  assert.deepEqual(values('There were good rains in late January, February and March, but April and May were dry.', '1987-06-15'), [
    ['late January', '1987-01'],
    ['February', '1987-02'],
    ['March', '1987-03'],
    ['April', '1987-04'],
    ['May', '1987-05'],
  ]);
  assert.deepEqual(values('Exports rose in 1986/87 (October/September).', '1987-03-12').slice(2), [
    ['October', '1986-10'],
    ['September', '1987-09'],
  ]);
  assert.deepEqual(values('The rate equals the record marked in April, August and December last year.', '1987-03-02'), [
    ['April', '1986-04'],
    ['August', '1986-08'],
    ['December last year', '1986-12'],
  ]);
  assert.deepEqual(values('One arrives in April 1989, the others in May and September of that year.', '1987-03-02').slice(1, 3), [
    ['May', '1989-05'],
    ['September', '1989-09'],
  ]);
  assert.deepEqual(values('It sold the 1986 crop for November to April 1987 shipment.', '1987-03-02').slice(1), [
    ['November', '1986-11'],
    ['April 1987', '1987-04'],
  ]);
  assert.deepEqual(values('Exports rose in April/January 1986/87.', '1987-03-02')[0], ['April', '1986-04']);
  assert.deepEqual(values('Sales rose in October, November and January.', '1987-03-02'), [
    ['October', '1986-10'],
    ['November', '1986-11'],
    ['January', '1987-01'],
  ]);
  assert.deepEqual(values('In January, March Networks said it would.', '1987-03-12'), [['January', '1987-01']]);
  assert.deepEqual(values('Theresa May and Paul met.', '2016-10-17'), []);
});

test('"should" looks ahead, "should have" does not', () => {
  assert.deepEqual(values('Good flowering should result in mature fruit in August.', '1987-03-12'), [['August', '1987-08']]);
  assert.deepEqual(values('The crop should have been covered by rains in August.', '1987-03-12'), [['August', '1986-08']]);
});

test('one or two digits after a month and day are no year', () => {
  assert.deepEqual(values('As of October 11, 12 pct of the crop had been harvested.', '1987-10-19'), [['October 11', '1987-10-11']]);
  assert.equal(referenceDate('LONDON - As of October 11, 12 pct of the crop had been harvested.'), null);
  assert.deepEqual(values('The bond is due Oct. 11, 1999.', '1987-10-19'), [['Oct. 11, 1999', '1999-10-11']]);
});

test('a fortnight is two weeks', () => {
  // 1987-03-12 is in ISO week 11.
  assert.deepEqual(values('Forecasts were 2.5 mln a fortnight ago.', '1987-03-12'), [['a fortnight ago', '1987-W09']]);
  assert.deepEqual(values('The talks lasted a fortnight.', '1987-03-12'), [['a fortnight', 'P2W']]);
  // "the past fortnight" is the two weeks up to now, as "the past two weeks" is, not "the past".
  assert.deepEqual(values('After three wins over the past fortnight, he is confident.', '2005-02-14'), [['the past fortnight', 'P2W']]);
  assert.deepEqual(values('She will announce her plans in the next fortnight.'), [['the next fortnight', 'P2W']]);
});

test('"some day" and "some time ago" are vague points, "some days" a stretch', () => {
  assert.deepEqual(values('Stockholders might some day find themselves victims.', '1987-10-20'), [['some day', 'FUTURE_REF']]);
  assert.deepEqual(values('The investigation was made some time ago.', '1987-10-20'), [['some time ago', 'PAST_REF']]);
  assert.deepEqual(values('He spent some days there.', '1987-10-20'), [['some days', 'PXD']]);
});

test('a span of two years in a row after a name, or written with one digit, gives both years', () => {
  assert.deepEqual(values('Rains may have hit Ivory Coast 1987/88 main crop prospects.', '1987-06-15'), [
    ['1987', '1987'],
    ['88', '1988'],
  ]);
  assert.deepEqual(values('Spending on roads was counted twice since 1998/9.'), [
    ['1998', '1998'],
    ['9', '1999'],
  ]);
  assert.deepEqual(values('The 1998/7 figure was revised.'), []);
});

test('an amount of something "a day" or "a year" is a rate, not a duration', () => {
  assert.deepEqual(values('It processes 500,000 tonnes of beet a year.', '1987-10-19'), []);
  assert.deepEqual(values('Output is 3 mln barrels of oil a day.', '1987-10-19'), []);
});

test('"last year of" an amount is last year; "the last year of" a term is not', () => {
  assert.deepEqual(values('It compares with the record set last year of 6.03 mln.', '1987-03-12'), [['last year', '1986']]);
  assert.deepEqual(values('It was the last year of his term.', '1987-03-12'), []);
  assert.deepEqual(values('Sales fell from the same month of 1985.', '1987-03-12'), [['1985', '1985']]);
});

test('a "daily" or "weekly" that is a newspaper is no set', () => {
  assert.deepEqual(values('The Milan daily, Il Giornale, said a bond issue was under study.'), []);
  assert.deepEqual(values("Japan's leading economic daily, Nihon Keizai Shimbun, said so."), []);
  assert.deepEqual(values('The paper is published daily.'), [['daily', 'P1D']]);
  assert.deepEqual(values('Prices are reported daily, officials said.'), [['daily', 'P1D']]);
  assert.deepEqual(values('The English-language daily, The Nation, said so.'), []);
});

/** CPU ms of reading the dates of `text`, to compare with a text of the same length that holds no trap. */
const datesCpuMs = (text: string) => fasterOfTwoCpuMs(() => dates(text, '1987-03-12'));

test('the words before a "daily" and a list of months are read in time linear in their length', () => {
  // Each run of words was read again from each of its words (a run of "English-language" in as many ways as it has
  // words); a long word before a list, from each of its letters.
  const runs: [string, string][] = [
    [`The ${'English-language '.repeat(24)}weird daily, it said.`, `The ${'english-language '.repeat(24)}weird daily, it said.`],
    [`The ${'A '.repeat(10_000)}weird daily, it said.`, `The ${'a '.repeat(10_000)}weird daily, it said.`],
    [`${'Q'.repeat(20_000)}1 May and June were wet.`, `${'q'.repeat(20_000)}1 May and June were wet.`],
  ];
  for (const [slow, plain] of runs) {
    const [slowMs, plainMs] = [datesCpuMs(slow), datesCpuMs(plain)];
    assert.ok(slowMs < 1.5 * plainMs + 50, `${slowMs.toFixed(0)} ms for ${slow.slice(0, 30)}..., ${plainMs.toFixed(0)} ms for ${plain.slice(0, 30)}...`);
  }
});

test('a sentence of many months is read in time linear in their number', () => {
  // The words before each month were read back to the sentence's start.
  const monthsMs = (n: number) => datesCpuMs(`Rain fell ${'in May and '.repeat(n)}then stopped.`);
  const [fewMs, manyMs] = [monthsMs(2_000), monthsMs(8_000)];
  assert.ok(manyMs < 6 * fewMs + 50, `${fewMs.toFixed(0)} ms for 2,000 months, ${manyMs.toFixed(0)} ms for 8,000`);
});

test('a sentence of many years, month ends and dates chrono-node reads is read in time linear in their number', () => {
  // Each year read the words before it back to the sentence's start, and each date found blanked a copy of the sentence;
  // each date chrono-node reads was read back to the start for a modifier ("last"), and by chrono's own refiner of
  // "the last day of".
  for (const unit of ['in 1986 and ', 'at the end of February and ', 'last Friday and ', 'in Feb 1986 and ']) {
    const unitsMs = (n: number) => datesCpuMs(`Rain fell ${unit.repeat(n)}then stopped.`);
    const [fewMs, manyMs] = [unitsMs(2_000), unitsMs(8_000)];
    assert.ok(manyMs < 6 * fewMs + 50, `${fewMs.toFixed(0)} ms for 2,000 of "${unit}", ${manyMs.toFixed(0)} ms for 8,000`);
  }
});

test('a long run of digits is read in time linear in its length', () => {
  // The patterns that hide decimals from chrono-node were tried from each digit of the run, and each try read the rest.
  const [digitsMs, lettersMs] = [datesCpuMs(`Prices rose ${'7'.repeat(20_000)} percent in May.`), datesCpuMs(`Prices rose ${'x'.repeat(20_000)} percent in May.`)];
  assert.ok(digitsMs < 1.5 * lettersMs + 50, `${digitsMs.toFixed(0)} ms for 20,000 digits, ${lettersMs.toFixed(0)} ms for 20,000 letters`);
});

test('a future verb further back in the clause than the words next to the date still puts it ahead', () => {
  // 1998-08-17 is a Monday: "her first stop Tuesday morning" is the next day, more than 80 characters after "is scheduled".
  const scheduled = 'Albright, after a 16-hour flight, is scheduled to spend only five hours on the ground in Dar es Salaam, Tanzania, her first stop Tuesday morning.';
  assert.deepEqual(values(scheduled, '1998-08-17').at(-1), ['Tuesday morning', '1998-08-18TMO']);
  // A relative clause set off by commas is not the clause's verb: "had been expected" does not outweigh "is part of a
  // program to pay down", so February is the coming one.
  const relative = "The sale, which had been expected by everyone for a while, is part of KKR's program to pay down $5 billion of a $6 billion bridge loan by February.";
  assert.deepEqual(values(relative, '1989-11-02').at(-1), ['February', '1990-02']);
  // A past verb that far back does not decide: what was proposed "until July 1" lies ahead.
  const proposed = 'The U.S. Treasury proposed allowing temporary imports of South African uranium ore and uranium oxide until July 1 under certain conditions.';
  assert.deepEqual(values(proposed, '1987-03-06'), [['July 1', '1987-07-01']]);
});

test('a relative clause set off by commas right before a date does not lend it its modal', () => {
  // 1987-02-27 is a Friday: "could" is the relative clause's, and the days the float ranged over are behind.
  const float = 'Float ranged from under 500 mln dlrs on Friday, for which he could give no reason, to nearly one billion dlrs on both Thursday and Wednesday.';
  assert.deepEqual(values(float, '1987-02-27').slice(1), [
    ['Thursday', '1987-02-26'],
    ['Wednesday', '1987-02-25'],
  ]);
  const which = 'The shares, which could be sold later, closed at 31 on Tuesday.';
  assert.deepEqual(values(which, '1987-02-27'), [['Tuesday', '1987-02-24']]);
});

test('a day something "planned for" was canceled on is behind; one it is planned for is ahead', () => {
  // 1999-10-24 is a Sunday.
  const canceled = 'A memorial service planned at the University of Rochester for Saturday was canceled after security plans were leaked.';
  assert.deepEqual(values(canceled, '1999-10-24'), [['Saturday', '1999-10-23']]);
  assert.deepEqual(values('A memorial service is planned at the university for Saturday.', '1999-10-24'), [['Saturday', '1999-10-30']]);
});

test('a month something was said in (before "that" or a pronoun, or fronted) is behind however far back; the future is the reported clause\'s', () => {
  assert.deepEqual(values('United\'s chief executive said in December that talks would not resume.', '2016-10-15'), [['December', '2015-12']]);
  assert.deepEqual(values('Taiwan announced in January that it will cut tariffs.', '2016-10-15'), [['January', '2016-01']]);
  assert.deepEqual(values('The Conservatives said in November they would increase maternity pay.', '2016-10-15'), [['November', '2015-11']]);
  // Without a reporting verb the future is the date's own.
  assert.deepEqual(values('The meeting in January will decide on tariffs.', '2016-10-15'), [['January', '2017-01']]);
  // A fronted date before a reporting verb is when it was said, unless what was said looks ahead.
  assert.deepEqual(values('In November, Absa said it was close to striking a deal with Barclays.', '2016-10-15'), [['November', '2015-11']]);
  assert.deepEqual(values('After April 15, it said it will make every effort to meet the deadline.', '2016-04-08'), [['April 15', '2016-04-15']]);
  assert.deepEqual(values('The talks end in November, said the minister.', '2016-10-15'), [['November', '2016-11']]);
});

test('an ordinal week of a month is the ISO week holding most of its seven days, and leaves that month named', () => {
  // March 2016 starts on a Tuesday: its first seven days are mostly in the week of Monday Feb. 29 (W09).
  assert.deepEqual(values('Output was 2.9 mln bpd in the first week of March and fell in the second week of March.', '2016-03-16'), [
    ['the first week of March', '2016-W09'],
    ['the second week of March', '2016-W10'],
  ]);
  // February 2016 ends on Monday the 29th: its last seven days, Feb. 23-29, are mostly in W08, not the week of the 29th.
  assert.deepEqual(values('Cash rose in the last week of February, a gain of 8.3 pct over the same month last year.', '2016-03-06'), [
    ['the last week of February', '2016-W08'],
    ['the same month', '2016-02'],
    ['last year', '2015'],
  ]);
  // A stated year; without the article's date the year stays unknown; a fifth week is the month.
  assert.deepEqual(values('The last week of December 2004 saw record sales.'), [['The last week of December 2004', '2004-W53']]);
  assert.deepEqual(values('Results come in the third week in April.'), [['the third week in April', 'XXXX-04']]);
  assert.deepEqual(values('It rained in the fifth week of March.', '2016-04-09'), [['the fifth week of March', '2016-03']]);
  // The month before "week": not the first of March nor last year's March.
  assert.deepEqual(values('Holdings fell to 2.2 billion marks in the last March week from 4.4 billion the week before.', '2016-04-03'), [
    ['the last March week', '2016-W13'],
    ['the week before', '2016-W12'],
  ]);
  assert.deepEqual(values('It worsened in the first March week.', '2016-03-12'), [['the first March week', '2016-W09']]);
});

test('"the following quarter" comes after a forecast quarter, which "a year earlier" does not compare with', () => {
  const text = 'Output will begin next quarter, with full production the following quarter. Profit rose 5 pct in the fourth quarter from a year earlier.';
  assert.deepEqual(values(text, '1987-03-20'), [
    ['next quarter', '1987-Q2'],
    ['the following quarter', '1987-Q3'],
    ['the fourth quarter', '1986-Q4'],
    ['a year earlier', '1985-Q4'],
  ]);
  // After a reported quarter and an earlier one it is compared with, the later one is counted from.
  assert.deepEqual(values('Imports for the December quarter were 2.6 billion against 2.8 billion in the September quarter. They will rise in the following quarter.', '1987-03-20'), [
    ['the December quarter', '1986-Q4'],
    ['the September quarter', '1986-Q3'],
    ['the following quarter', '1987-Q1'],
  ]);
});

test('without the article\'s date, a quarter named without its year is still the one "the quarter" and "a year earlier" report on', () => {
  const text = 'Acme said it lost 232 mln dlrs in the fourth quarter. The loss in the quarter compares with a profit of 10 mln dlrs a year earlier and a loss of 20 mln dlrs in the previous quarter.';
  assert.deepEqual(values(text), [
    ['the fourth quarter', 'XXXX-Q4'],
    ['the quarter', 'XXXX-Q4'],
    ['a year earlier', 'XXXX-Q4'],
    ['the previous quarter', 'XXXX-Q3'],
  ]);
  // Named again without its year, a quarter named with one keeps its year and stays the one reported on.
  const later = 'Profits rose in the last 1986 quarter. Sales rose. Costs fell. Profits of the fourth quarter were 5 pct up. Sales rose. Sales fell 1 pct against the previous quarter.';
  assert.deepEqual(values(later), [
    ['the last 1986 quarter', '1986-Q4'],
    ['the fourth quarter', 'XXXX-Q4'],
    ['the previous quarter', '1986-Q3'],
  ]);
});
