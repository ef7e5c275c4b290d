import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { extractDates, findReferenceDate } from '../../server/src/dates';
import { dayKey, describeDate, sameDay } from '../../server/src/timex';
import { splitSentences } from '../../server/src/text';
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
  return findReferenceDate(text, splitSentences(text));
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
  assert.deepEqual(values('The assault will begin in the coming days, after talks in recent days.'), [
    ['the coming days', 'FUTURE_REF'],
    ['recent days', 'PAST_REF'],
  ]);
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
