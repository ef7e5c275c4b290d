// Which sentences the dates stages give chrono-node: none that cannot state what they keep, and all that can.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractDates, findArticleDate } from '../../server/src/dates';
import { splitSentences } from '../../server/src/text';
import { readByChrono } from '../support/chronoReads';

const values = (text: string) => extractDates(text, splitSentences(text), null).map((d) => [d.text, d.value]);

describe('what chrono-node is given', () => {
  it('the dates stage gives it no sentence whose only digits are bare numbers', () => {
    const text = 'Profit rose 5 pct to 16 mln dlrs at 16 stores.';
    const { result, read } = readByChrono(() => values(text));
    assert.deepEqual(result, []);
    assert.deepEqual(read, []);
  });

  it('the dates stage still reads clock times and numeric dates, which digits state with a sign or a separator', () => {
    const text = "The talks began at 10:30, broke at 5 p.m., ended at 11 o'clock and resume on 3/5/2016.";
    assert.deepEqual(values(text), [
      ['10:30', 'XXXX-XX-XXT10:30'],
      ['5 p.m.', 'XXXX-XX-XXT17:00'],
      ["11 o'clock", 'XXXX-XX-XXT11:00'],
      ['3/5/2016', '2016-03-05'],
    ]);
  });

  it("the article's date gives it no lead sentence without a day's number", () => {
    const text = 'The mayor may resign in a decision due soon, aides said in March.\n';
    const { result, read } = readByChrono(() => findArticleDate(text, splitSentences(text)));
    assert.equal(result, null);
    assert.deepEqual(read, []);
  });

  it("the article's date still reads the end of a month in a dateline, a day chrono-node states without digits", () => {
    const text = 'LONDON, end of March - Talks ended.\nThe talks closed on March 31, 2016.\n';
    assert.deepEqual(findArticleDate(text, splitSentences(text)), { date: '2016-03-31', source: 'dateline' });
  });
});
