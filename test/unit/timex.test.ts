import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addDays, describeDate, formatDay, isCalendarDate, isoWeek, mondayOfWeek, parseDay, seasonOf, shiftValue } from '../../server/src/timex';

test('ISO weeks: the Thursday decides the year', () => {
  assert.equal(isoWeek({ year: 2016, month: 10, day: 15 }), '2016-W41');
  assert.equal(isoWeek({ year: 2021, month: 1, day: 3 }), '2020-W53');
  assert.equal(isoWeek({ year: 2019, month: 12, day: 30 }), '2020-W01');
  assert.deepEqual(mondayOfWeek('2016-W41'), { year: 2016, month: 10, day: 10 });
});

test('every day lies in the week whose Monday is at most six days before it', () => {
  fc.assert(
    fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
      const day = addDays({ year: 2000, month: 1, day: 1 }, n);
      const monday = mondayOfWeek(isoWeek(day))!;
      const gap = (Date.UTC(day.year, day.month - 1, day.day) - Date.UTC(monday.year, monday.month - 1, monday.day)) / 86_400_000;
      return gap >= 0 && gap <= 6;
    }),
  );
});

test('shifting values keeps their granularity', () => {
  assert.equal(shiftValue('1989-Q3', 'Y', -1), '1988-Q3');
  assert.equal(shiftValue('1989-Q1', 'Q', -1), '1988-Q4');
  assert.equal(shiftValue('2016-10', 'M', 3), '2017-01');
  assert.equal(shiftValue('2016-03-31', 'M', -1), '2016-02-29');
  assert.equal(shiftValue('2016-10-15T14:00', 'D', 1), '2016-10-16T14:00');
  assert.equal(shiftValue('2016-W41', 'W', -2), '2016-W39');
  assert.equal(shiftValue('2016-SU', 'Y', 1), '2017-SU');
  assert.equal(shiftValue('PRESENT_REF', 'Y', 1), 'PRESENT_REF');
  // A quarter of an unknown year keeps its year unknown.
  assert.equal(shiftValue('XXXX-Q1', 'Q', -1), 'XXXX-Q4');
  assert.equal(shiftValue('XXXX-Q3', 'Q', 2), 'XXXX-Q1');
  assert.equal(shiftValue('XXXX-Q3', 'Y', -1), 'XXXX-Q3');
});

test('seasons are meteorological; a winter is named by the year of its December', () => {
  assert.deepEqual(seasonOf({ year: 2017, month: 1, day: 20 }), { year: 2016, season: 'WI' });
  assert.deepEqual(seasonOf({ year: 2016, month: 12, day: 1 }), { year: 2016, season: 'WI' });
  assert.deepEqual(seasonOf({ year: 2016, month: 10, day: 17 }), { year: 2016, season: 'FA' });
});

test('calendar dates are real days', () => {
  assert.ok(isCalendarDate('2016-02-29'));
  assert.ok(!isCalendarDate('2015-02-29'));
  assert.ok(!isCalendarDate('2016-10-15T12:00'));
  assert.ok(!isCalendarDate(20161015));
  assert.equal(formatDay(parseDay('0999-01-02')!), '0999-01-02');
});

test('describeDate words every kind of value', () => {
  assert.equal(describeDate('2016-Q3'), 'the third quarter of 2016');
  assert.equal(describeDate('2017-H1'), 'the first half of 2017');
  assert.equal(describeDate('2016-WI'), 'winter 2016');
  assert.equal(describeDate('2016-W41-WE'), 'the weekend of 15–16 October 2016');
  assert.equal(describeDate('2016-W44'), 'the week of 31 October–6 November 2016');
  assert.equal(describeDate('2016'), 'the year 2016');
  assert.equal(describeDate('19'), 'the 20th century');
  assert.equal(describeDate('P2Y6M'), '2 years 6 months');
  assert.equal(describeDate('PT5H30M'), '5 hours 30 minutes');
  assert.equal(describeDate('PXW'), 'some weeks');
  assert.equal(describeDate('PXX'), 'a while');
  assert.equal(describeDate('FUTURE_REF'), 'the future');
});
