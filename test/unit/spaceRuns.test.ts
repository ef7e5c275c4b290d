// Long runs of white space: the dates stages read them in time linear in their length (chrono-node's patterns took
// n² steps on a run of n after a date word), with the same dates and every span slicing the text.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractDates, findArticleDate } from '../../server/src/dates';
import { RUN_LIMIT, shortenRuns } from '../../server/src/spaceRuns';
import { splitSentences } from '../../server/src/text';
import { readByChrono } from '../support/chronoReads';
import { assertSlices } from '../support/spans';

/** What `run` returns, and how many characters chrono-node was given while it ran. */
function countingChrono<T>(run: () => T): { result: T; characters: number } {
  const { result, read } = readByChrono(run);
  return { result, characters: read.reduce((sum, words) => sum + words.length, 0) };
}

describe('shortenRuns', () => {
  it('cuts each run longer than the limit to its first RUN_LIMIT characters and maps offsets back', () => {
    const text = `a${' '.repeat(RUN_LIMIT + 10)}b\t${'\t'.repeat(RUN_LIMIT + 5)}c`;
    const runs = shortenRuns(text);
    assert.equal(runs.text, `a${' '.repeat(RUN_LIMIT)}b${'\t'.repeat(RUN_LIMIT)}c`);
    const b = runs.text.indexOf('b');
    const c = runs.text.indexOf('c');
    assert.equal(text[runs.original(b)], 'b');
    assert.equal(text[runs.original(c)], 'c');
    assert.equal(runs.original(0), 0);
    assert.equal(runs.original(5), 5); // inside the first run, before its cut
    assert.equal(runs.original(runs.text.length), text.length);
  });

  it('leaves a text without a long run as it is', () => {
    const text = `a${' '.repeat(RUN_LIMIT)}b\n\nc`;
    const runs = shortenRuns(text);
    assert.equal(runs.text, text);
    assert.equal(runs.original(7), 7);
  });
});

describe('dates across long runs of white space', () => {
  for (const [name, space] of [['spaces', ' '], ['tabs', '\t'], ['no-break spaces', '\u00a0']]) {
    it(`gives chrono-node at most RUN_LIMIT characters of 20,000 ${name} after a date word, and finds the same dates`, () => {
      const text = `They met in March${space.repeat(20_000)}and left on Friday, March 4, 2016.`;
      const sentences = splitSentences(text);
      const { result: dates, characters } = countingChrono(() => ({
        article: findArticleDate(text, sentences),
        mentions: extractDates(text, sentences, null),
      }));
      assertSlices(text, dates.mentions, 'date');
      assert.deepEqual(
        dates.mentions.map((d) => [d.text, d.value]),
        [['March', 'XXXX-03'], ['Friday, March 4, 2016', '2016-03-04']],
      );
      assert.equal(dates.mentions[1].start, text.indexOf('Friday'));
      assert.deepEqual(dates.article, { date: '2016-03-04', source: 'text' });
      // Each reading gives chrono-node the sentence once per stand-in reference, a few times in all.
      assert.ok(characters < 8 * (RUN_LIMIT + 100), `chrono-node was given ${characters} characters`);
    });
  }

  it('gives chrono-node at most RUN_LIMIT characters of a run the patterns leave by hiding what they read', () => {
    // The durations are hidden from chrono-node, which then saw "March" and 20,000 spaces.
    const text = `The March ${'two weeks '.repeat(2_000)}rise.`;
    const { result: mentions, characters } = countingChrono(() => extractDates(text, splitSentences(text), null));
    assertSlices(text, mentions, 'date');
    assert.equal(mentions.length, 2_000);
    assert.ok(mentions.every((d) => d.text === 'two weeks' && d.value === 'P2W'));
    assert.equal(mentions[1_999].start, text.lastIndexOf('two weeks'));
    assert.ok(characters < 4 * (RUN_LIMIT + 100), `chrono-node was given ${characters} characters`);
  });
});

describe('dates across long runs of white space, for any text', () => {
  // Words of dates and of their tense, and runs of white space short and long, CRLF ones included.
  const words = ['March', '5', ',', '2016', 'Friday', 'said', 'on', 'last', 'next', 'week', 'ended', 'two weeks', '😀', 'Oct.', '15-17', '5 p.m.', '10:30', '.', 'until', '"'];
  const space = fc.tuple(fc.constantFrom(' ', '\t', '\r\n', '\n', '\u00a0'), fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: RUN_LIMIT - 4, max: 2 * RUN_LIMIT })));
  const piece = fc.oneof(fc.constantFrom(...words), space.map(([s, n]) => s.repeat(n)));
  /** The text of the pieces, each run longer than RUN_LIMIT made `longer` characters longer. */
  const textOf = (bom: boolean, pieces: string[], longer: number) =>
    (bom ? '\ufeff' : '') + pieces.map((p) => (/^\s+$/.test(p) && p.length > RUN_LIMIT ? p + p[0].repeat(longer) : p)).join(' ');
  const read = (text: string) => extractDates(text, splitSentences(text), '2016-10-15');

  it('finds the same dates whatever the length of a run longer than RUN_LIMIT, each span slicing the text', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(piece, { maxLength: 30 }), fc.integer({ min: 1, max: 300 }), (bom, pieces, longer) => {
        const [short, long] = [textOf(bom, pieces, 0), textOf(bom, pieces, longer)];
        const [shortDates, longDates] = [read(short), read(long)];
        assertSlices(short, shortDates, 'date');
        assertSlices(long, longDates, 'date');
        const values = (dates: typeof shortDates) => dates.map((d) => [d.text.replace(/\s+/g, ' '), d.type, d.value]);
        assert.deepEqual(values(longDates), values(shortDates));
      }),
      { numRuns: 200 },
    );
  });
});
