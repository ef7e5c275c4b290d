import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analyze';
import { stackedFeatures, tokenStrings } from '../../server/src/attributionFeatures';
import { TAGS, TAG_COUNT, allowed, paragraphsOf, roleSpans, viterbi } from '../../server/src/attributionTagger';
import { attributionModel } from '../../server/src/attributionModel';
import { Lru } from '../../server/src/lru';
import { type ParagraphMemo, taggedAttributions } from '../../server/src/taggedAttribution';
import { spanTokens, splitSentences, tokenize } from '../../server/src/text';
import { assertSlices } from '../support/spans';

const tag = (name: (typeof TAGS)[number]) => TAGS.indexOf(name);

describe('attribution tagger', () => {
  it('reads no content from a lone quotation mark (found by the incremental-edit property test)', () => {
    const text = '", 2016 — Senator Maria Lopez said on Friday that the bill "will fail."';
    const { attributions } = analyzeArticle(text);
    assert.ok(attributions.length > 0);
    for (const { content } of attributions) assert.ok(content.end > content.start, `content [${content.start},${content.end}) is not empty`);
    assertSlices(text, attributions.map((a) => a.content), 'content');
  });

  it('reads a paragraph as one sequence of tokens that slice the text, with the sentence of each', () => {
    const text = 'Flood 🌊 update\r\n\r\n"The levee held." Berg said it twice.\r\n';
    const paragraphs = paragraphsOf(text, splitSentences(text), []);
    assert.equal(paragraphs.length, 2);
    const [, body] = paragraphs;
    assertSlices(text, body.tokens, 'token');
    assert.deepEqual([...new Set(body.sentenceOf)], [0, 1]);
    assert.equal(body.quotes.length, 1);
  });

  it('marks each token of a named entity with its place in it and the entity type', () => {
    const text = 'Police chief Ana Ruiz told the Valmora Times it rained.';
    const entities = [
      { start: 13, end: 21, text: 'Ana Ruiz', type: 'PERSON' as const },
      { start: 31, end: 44, text: 'Valmora Times', type: 'ORGANIZATION' as const },
    ];
    const [paragraph] = paragraphsOf(text, splitSentences(text), entities);
    assert.deepEqual(paragraph.tokens.map((t, i) => [t.text, paragraph.entityOf[i]]), [
      ['Police', ''], ['chief', ''], ['Ana', 'B-PERSON'], ['Ruiz', 'I-PERSON'], ['told', ''], ['the', ''],
      ['Valmora', 'B-ORGANIZATION'], ['Times', 'I-ORGANIZATION'], ['it', ''], ['rained', ''], ['.', ''],
    ]);
  });

  it('marks a token of overlapping mentions by the first of them, and a token a mention only partly covers', () => {
    const text = 'Ana Ruiz-Vega spoke in New York City.';
    const entities = [
      { start: 23, end: 36, text: 'New York City', type: 'LOCATION' as const },
      { start: 4, end: 8, text: 'Ruiz', type: 'PERSON' as const },
      { start: 23, end: 31, text: 'New York', type: 'ORGANIZATION' as const },
    ];
    const [paragraph] = paragraphsOf(text, splitSentences(text), entities);
    assert.deepEqual(paragraph.tokens.map((t, i) => [t.text, paragraph.entityOf[i]]), [
      ['Ana', ''], ['Ruiz-Vega', 'B-PERSON'], ['spoke', ''], ['in', ''],
      ['New', 'B-LOCATION'], ['York', 'I-LOCATION'], ['City', 'I-LOCATION'], ['.', ''],
    ]);
  });

  it('tokenizes a span once for all its readers, as tokenize does, and a longer span from the same place anew', () => {
    const text = 'Kerry’s aide said no on Monday. Then he left.';
    const [first, second] = splitSentences(text);
    const tokensOf = spanTokens(text);
    assert.deepEqual(tokensOf(first), tokenize(text, first));
    assert.equal(tokensOf(first), tokensOf({ start: first.start, end: first.end }));
    const both = { start: first.start, end: second.end };
    assert.deepEqual(tokensOf(both), tokenize(text, both));
    assert.deepEqual(tokensOf(first), tokenize(text, first));
  });

  it('counts every form of a training cue word as a cue, not the word alone ("grills" after "grilled")', () => {
    const context = { cueStems: new Set(['grill']) };
    assert.equal(tokenStrings('grills', context).cue, true);
    assert.equal(tokenStrings('Grilled', context).cue, true);
    assert.equal(tokenStrings('grille', context).cue, false);
  });

  it('reads a title however it is cased, and nothing else as one', () => {
    const context = { cueStems: new Set<string>() };
    assert.equal(tokenStrings('Minister', context).title, 'title');
    assert.equal(tokenStrings('minister', context).title, 'title-lower');
    assert.equal(tokenStrings('ministry', context).title, null);
  });

  it('second pass: each token reads the nearest cue of its own sentence on either side, and a comma between', () => {
    const text = 'Lopez said, on Friday, the bill failed. Rain fell, said Berg.';
    const [paragraph] = paragraphsOf(text, splitSentences(text), []);
    const words = paragraph.tokens.map((t) => t.text);
    const first = words.map((w) => tag(w === 'said' ? 'B-CUE' : 'O'));
    const features = stackedFeatures(paragraph, first);
    const of = (word: string) => features[words.indexOf(word)];
    assert.ok(of('Lopez').includes('pcrw=said') && !of('Lopez').includes('pcr-comma'));
    assert.ok(of('bill').includes('pclw=said') && of('bill').includes('pcl-comma'));
    assert.ok(!of('Rain').some((f) => f.startsWith('pcl')), 'a cue of the sentence before is not read');
    assert.ok(of('Rain').includes('pcr-comma'));
    // The comma right before the cue lies between the two, not in it.
    assert.ok(!features[words.lastIndexOf(',')].includes('pcr-comma'));
  });

  it('never decodes an inside tag without its beginning, however the scores lean', () => {
    const length = 3;
    const scores = new Float64Array(length * TAG_COUNT);
    for (let i = 0; i < length; i++) scores[i * TAG_COUNT + tag('I-CONTENT')] = 5;
    const path = viterbi(scores, length, new Float64Array((TAG_COUNT + 1) * TAG_COUNT));
    assert.deepEqual(path.map((t) => TAGS[t]), ['B-CONTENT', 'I-CONTENT', 'I-CONTENT']);
  });

  it('decodes the best allowed path of a paragraph of any length, long ones and the short ones after them alike', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 10 - 5;
    const transitions = Float64Array.from({ length: (TAG_COUNT + 1) * TAG_COUNT }, random);
    // The plain recurrence, every token's best score kept: what viterbi must find whatever it keeps.
    const plain = (scores: Float64Array, length: number) => {
      const best: number[][] = [];
      const back: number[][] = [];
      for (let i = 0; i < length; i++) {
        best.push([]);
        back.push([]);
        for (let t = 0; t < TAG_COUNT; t++) {
          let top = -Infinity;
          for (let p = i === 0 ? -1 : 0; p < (i === 0 ? 0 : TAG_COUNT); p++) {
            if (!allowed(p, t)) continue;
            const s = (i === 0 ? 0 : best[i - 1][p]) + transitions[(p + 1) * TAG_COUNT + t];
            if (s > top) [top, back[i][t]] = [s, p];
          }
          best[i][t] = top + scores[i * TAG_COUNT + t];
        }
      }
      const path = [best[length - 1].indexOf(Math.max(...best[length - 1]))];
      for (let i = length - 1; i > 0; i--) path.unshift(back[i][path[0]]);
      return path;
    };
    for (const length of [1, 2, 40, 5000, 3, 4097, 4096, 60]) {
      const scores = Float64Array.from({ length: length * TAG_COUNT }, random);
      assert.deepEqual(viterbi(scores, length, transitions), plain(scores, length), `${length} tokens`);
    }
  });

  it('turns B/I tags into spans of one role each, splitting where a new B starts', () => {
    const tags = ['B-SOURCE', 'B-CUE', 'B-CONTENT', 'I-CONTENT', 'B-CONTENT', 'O'].map((t) => tag(t as (typeof TAGS)[number]));
    assert.deepEqual(roleSpans(tags), [
      { role: 'source', first: 0, last: 0 },
      { role: 'cue', first: 1, last: 1 },
      { role: 'content', first: 2, last: 3 },
      { role: 'content', first: 4, last: 4 },
    ]);
  });

  it('gives the quotation of the next paragraph to a speaker whose paragraph ends before it ("She said:")', () => {
    const text = 'Storm hits coast\n\nThe governor spoke to reporters on Monday. She said:\n\n"We will rebuild every road and every bridge before winter."\n';
    const found = taggedAttributions(attributionModel()!, text, splitSentences(text), analyzeArticle(text).entities);
    assert.deepEqual(found.map((a) => [a.cue.text, a.source?.text, a.content.text]), [
      ['said', 'She', 'We will rebuild every road and every bridge before winter'],
    ]);
    assertSlices(text, found.flatMap((a) => [a.cue, a.content, ...(a.source ? [a.source] : [])]));
  });

  it('after an edit in one paragraph, tags the others from memory exactly as from scratch, at their new offsets', () => {
    const before = 'Flood in Valmora\n\nThe river rose overnight, the mayor said.\n\n"We lost everything," said Ana Ruiz, a farmer.\n';
    const after = before.replace('overnight', 'quickly overnight');
    const model = attributionModel()!;
    const memo: ParagraphMemo = new Lru(100);
    taggedAttributions(model, before, splitSentences(before), analyzeArticle(before).entities, memo); // remembers every paragraph of the first version
    const remembered = taggedAttributions(model, after, splitSentences(after), analyzeArticle(after).entities, memo);
    assert.equal(memo.size, 4, 'one paragraph tagged anew');
    const fresh = taggedAttributions(model, after, splitSentences(after), analyzeArticle(after).entities);
    assert.deepEqual(remembered, fresh);
    assert.deepEqual(remembered.map((a) => a.content.text), ['The river rose quickly overnight', 'We lost everything']);
    assertSlices(after, remembered.flatMap((a) => [a.cue, a.content, ...(a.source ? [a.source] : [])]));
  });
});
