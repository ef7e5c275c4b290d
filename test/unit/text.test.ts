import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeArticle, isWordToken, lines, sentenceTokens, spanTokens, splitSentences, tokenize } from '../../server/src/text';
import { assertSlices } from '../support/spans';

const encode = (s: string) => new TextEncoder().encode(s);

describe('text: decoding', () => {
  it('removes a leading BOM and keeps CRLF line endings', () => {
    const result = decodeArticle(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('Title\r\nBody')]));
    assert.deepEqual(result, { ok: true, text: 'Title\r\nBody' });
  });

  it('refuses invalid UTF-8, binary files and files over the size limit with a reason', () => {
    assert.deepEqual(decodeArticle(new Uint8Array([0x41, 0xff, 0x42])), { ok: false, reason: 'not valid UTF-8' });
    assert.deepEqual(decodeArticle(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), { ok: false, reason: 'binary file (contains NUL bytes)' });
    const big = decodeArticle(encode('x'.repeat(100)), 10);
    assert.ok(!big.ok && /over the 10-byte limit/.test(big.reason));
  });

  it('decodes an empty file to empty text', () => {
    assert.deepEqual(decodeArticle(new Uint8Array()), { ok: true, text: '' });
  });

  it('accepts a file of very many short lines, refuses one long line among them, and decodes valid files after an invalid one', () => {
    const manyLines = 'A short line.\n'.repeat(300_000);
    assert.deepEqual(decodeArticle(encode(manyLines)), { ok: true, text: manyLines });
    const oneLong = decodeArticle(encode(`${manyLines}${'x'.repeat(60_000)}\r\nEnd.`));
    assert.ok(!oneLong.ok && /a line of 60000 characters/.test(oneLong.reason));
    assert.deepEqual(decodeArticle(new Uint8Array([0x41, 0xe2, 0x82])), { ok: false, reason: 'not valid UTF-8' });
    assert.deepEqual(decodeArticle(encode('\ufeffValid.')), { ok: true, text: 'Valid.' });
  });
});

describe('text: sentences', () => {
  it('splits at sentence ends but not after abbreviations, titles or initials', () => {
    const text = 'Gen. Mark Dunn met Dr. Ana Ruiz on Oct. 3 in the U.S. capital. John F. Kennedy airport closed. It reopened!';
    assert.deepEqual(splitSentences(text).map((s) => s.text), [
      'Gen. Mark Dunn met Dr. Ana Ruiz on Oct. 3 in the U.S. capital.',
      'John F. Kennedy airport closed.',
      'It reopened!',
    ]);
  });

  it('ends a sentence after U.S. when a new sentence clearly starts', () => {
    const text = 'The envoy returned to the U.S. The talks ended.';
    assert.deepEqual(splitSentences(text).map((s) => s.text), ['The envoy returned to the U.S.', 'The talks ended.']);
  });

  it('keeps closing quotes with the sentence and treats every line as its own paragraph', () => {
    const text = 'Headline here\n\n“We will rebuild,” she said. “Soon.”\r\nNext paragraph.';
    const sentences = splitSentences(text);
    assert.deepEqual(sentences.map((s) => [s.paragraph, s.text]), [
      [0, 'Headline here'],
      [1, '“We will rebuild,” she said.'],
      [1, '“Soon.”'],
      [2, 'Next paragraph.'],
    ]);
    assertSlices(text, sentences, 'sentence');
  });

  it('slices correctly around emoji (two UTF-16 units each) and returns nothing for empty text', () => {
    const text = '🌊 Flood hits town. 😀 People left.';
    const sentences = splitSentences(text);
    assert.deepEqual(sentences.map((s) => s.text), ['🌊 Flood hits town.', '😀 People left.']);
    assertSlices(text, sentences, 'sentence');
    assert.deepEqual(splitSentences(''), []);
    assert.deepEqual(splitSentences('\n\r\n  \n'), []);
  });

  it('lines() handles \\n, \\r\\n and lone \\r', () => {
    assert.deepEqual(lines('a\nb\r\nc\rd').map((l) => [l.start, l.end]), [[0, 1], [2, 3], [5, 6], [7, 8]]);
  });
});

describe('text: tokens', () => {
  it('keeps abbreviations whole and splits possessives off names', () => {
    const text = 'U.S. envoy Kerry’s plan, Oct. 15: 3.5% of 12,000 homes.';
    const tokens = tokenize(text);
    assert.deepEqual(tokens.map((t) => t.text), ['U.S.', 'envoy', 'Kerry', '’s', 'plan', ',', 'Oct.', '15', ':', '3.5%', 'of', '12,000', 'homes', '.']);
    assertSlices(text, tokens, 'token');
  });

  it('splits a possessive with either apostrophe off its word, and leaves other words ending in s whole', () => {
    const text = "Lord's and Lord’s, the Jones' house, the boss's bass's bus.";
    const tokens = tokenize(text);
    assert.deepEqual(tokens.map((t) => t.text), ['Lord', "'s", 'and', 'Lord', '’s', ',', 'the', 'Jones', "'", 'house', ',', 'the', 'boss', "'s", 'bass', "'s", 'bus', '.']);
    assertSlices(text, tokens, 'token');
  });

  it('tokenizes only the requested span, with offsets into the whole text', () => {
    const text = 'skip this. Anna al-Haddad left.';
    const tokens = tokenize(text, { start: 11, end: text.length });
    assert.deepEqual(tokens.map((t) => t.text), ['Anna', 'al-Haddad', 'left', '.']);
    assertSlices(text, tokens, 'token');
  });

  it('tokenizes a sentence once for all the stages of an analysis that read it', () => {
    const tokensOf = sentenceTokens();
    const sentence = 'Kerry’s envoy met Lavrov on Oct. 15.';
    const first = tokensOf(sentence);
    assert.deepEqual(first, tokenize(sentence));
    assert.equal(tokensOf(sentence), first);
    assert.deepEqual(tokensOf('Talks resumed.').map((t) => t.text), ['Talks', 'resumed', '.']);
  });

  it('gives the tokens of spans of a text from the tokens of their texts, at offsets into the whole text', () => {
    const text = 'Skip this.\n“Kerry’s envoy,” she said, “met Lavrov.” Talks resumed.';
    const memo = sentenceTokens();
    const read: string[] = [];
    const tokensOf = (sentence: string) => {
      read.push(sentence);
      return memo(sentence);
    };
    const spans = [{ start: 11, end: 52 }, { start: 53, end: text.length }, { start: 0, end: text.length }];
    const fromSentences = spanTokens(text, tokensOf);
    for (const span of spans) {
      const tokens = fromSentences(span);
      assert.deepEqual(tokens, tokenize(text, span));
      assertSlices(text, tokens, 'token');
      assert.equal(fromSentences(span), tokens);
    }
    assert.deepEqual(read, spans.map((span) => text.slice(span.start, span.end)));
    // The analysis's sentence tokens are read, not changed: they stay at offsets into the span's own text.
    assert.deepEqual(memo(text.slice(53)), tokenize(text.slice(53)));
  });

  it('tells word and number tokens by their first character, as /^[\\p{L}\\p{N}]/u does', () => {
    const startsWord = /^[\p{L}\p{N}]/u;
    for (let code = 0; code < 0x10000; code++) {
      const text = `${String.fromCharCode(code)}x`;
      assert.equal(isWordToken({ start: 0, end: 2, text }), startsWord.test(text), `U+${code.toString(16)}`);
    }
    for (const text of ['𝐀bc', '😀', '𐒠', '\u{1F600}a', '"', 'Łódź', '٣']) {
      assert.equal(isWordToken({ start: 0, end: text.length, text }), startsWord.test(text), text);
    }
    assert.equal(isWordToken(undefined), false);
  });
});
