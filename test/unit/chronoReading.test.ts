// chrono-node's reading for the dates stages: the same results as chrono.parse, with fewer of its parsers run again
// and its patterns' cases spelled out.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as chrono from 'chrono-node';
import { SPELLED_PARSERS, parseChrono, spelledCases } from '../../server/src/chronoReading';

const REFERENCE = new Date(2001, 1, 3, 12);
const OTHER_REFERENCE = new Date(2012, 10, 21, 12);

// Texts that each of chrono's English parsers reads, alone and next to others' (merges, ranges, overlaps).
const TEXTS = [
  'The truce of Sept. 12, 2016 collapsed on 15 October 2016 at 10:30 p.m. EDT.',
  'Talks resume on 2016-03-05, on 3/5/2016, in 5/2016 and on 2016/03/05.',
  'Three days ago, two weeks later and 5 years before, the vote came a few months after.',
  'This morning, yesterday, tonight and at noon tomorrow; by the end of the month.',
  'Next week, last year and this quarter; within 3 days, in 2 hours and +2 days.',
  'On Friday, March 3 - 5, the meeting of Monday and the 3rd of March 1986 at 5 pm.',
  'In 1986 March, fiscal 1986, the twenty-first of May and from May 3 to May 10.',
  'Shares rose 5 pct to 16.4 mln dlrs at 16 stores.',
  'THREE DAYS AGO, ON FRIDAY, MARCH 3 AT 5 PM; Next Week, In 1986 March and TOMORROW Morning.',
];

/** What a reading states, to compare two readings. */
const stated = (results: chrono.ParsedResult[]) =>
  results.map((r) => [r.index, r.text, r.start.date().getTime(), r.end?.date().getTime() ?? null, [...r.tags()].sort()]);

/** The casual parsers whose patterns were asked for while `run` ran. */
function parsersAsked(run: () => void): string[] {
  const asked = new Set<string>();
  const originals = chrono.casual.parsers.map((parser) => parser.pattern);
  chrono.casual.parsers.forEach((parser, i) => {
    parser.pattern = (context) => {
      asked.add(parser.constructor.name);
      return originals[i].call(parser, context);
    };
  });
  try {
    run();
  } finally {
    chrono.casual.parsers.forEach((parser, i) => (parser.pattern = originals[i]));
  }
  return [...asked].sort();
}

describe("chrono-node's reading", () => {
  it('finds what chrono.parse finds, and a second reading what chrono.parse finds against its reference', () => {
    for (const text of TEXTS) {
      const first = parseChrono(text, REFERENCE);
      assert.deepEqual(stated(first.results), stated(chrono.parse(text, REFERENCE)), text);
      assert.deepEqual(stated(parseChrono(text, OTHER_REFERENCE, first).results), stated(chrono.parse(text, OTHER_REFERENCE)), text);
    }
  });

  it('gives a second reading only to the parsers that matched the first', () => {
    const text = 'Talks ended on Friday.';
    const first = parseChrono(text, REFERENCE);
    assert.deepEqual(parsersAsked(() => parseChrono(text, OTHER_REFERENCE, first)), ['ENWeekdayParser']);
  });
});

describe('patterns with their cases spelled out', () => {
  it('match an ASCII letter as ignoring case does without the u flag: its two cases and no other character', () => {
    for (const letter of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      const ignoring = new RegExp(letter, 'i');
      const spelled = spelledCases(ignoring);
      for (let unit = 0; unit <= 0xffff; unit++) {
        const c = String.fromCharCode(unit);
        if (ignoring.test(c) !== spelled.test(c)) assert.fail(`${letter} and U+${unit.toString(16)}`);
      }
    }
  });

  it('spell out the letters outside classes and escapes, and drop the i flag', () => {
    const spelled = spelledCases(/(\W|^)(?:ago|\d+\s*h)[-\s\d](?=\W|$)/i);
    assert.equal(spelled.source, String.raw`(\W|^)(?:[aA][gG][oO]|\d+\s*[hH])[-\s\d](?=\W|$)`);
    assert.equal(spelled.flags, '');
    for (const text of ['3 days AGO ', 'Ago.', 'in 5h 2', 'agony']) assert.deepEqual(spelled.exec(text), /(\W|^)(?:ago|\d+\s*h)[-\s\d](?=\W|$)/i.exec(text), text);
  });

  it('keep a pattern with anything else that case could touch, or that does not ignore case', () => {
    for (const pattern of [/[a-z]+/i, /(?<word>may)/i, /(a)\1/i, /caf\u00e9/i, /\x41/i, /é/i, /may/iu, /may/]) assert.equal(spelledCases(pattern), pattern);
    // An escaped letter other than ASCII is that letter; a range between signs can hold letters ("[0-_]" holds A-Z).
    for (const pattern of [/\é/i, /\Ⓐ/i, /[0-_]x/i, /[_-\{]x/i, /[^!-_]x/i]) {
      assert.equal(spelledCases(pattern), pattern, String(pattern));
    }
    // A dash that opens or closes a class is no range.
    assert.equal(spelledCases(/[-_]x[_-]/i).source, '[-_][xX][_-]');
  });

  it("spell out chrono-node's patterns named to be, which it still has", () => {
    const context = new chrono.ParsingContext('', REFERENCE);
    for (const name of SPELLED_PARSERS) {
      const parser = chrono.casual.parsers.find((p) => p.constructor.name === name);
      assert.ok(parser, name);
      assert.equal(spelledCases(parser.pattern(context)).flags, '', name);
    }
  });
});
