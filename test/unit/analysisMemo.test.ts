import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analyze';
import { AnalysisMemo } from '../../server/src/analysisMemo';
import { readByChrono } from '../support/chronoReads';

const ARTICLE = [
  'Flood waters rise in Valmora',
  'The river rose overnight, the mayor said on Tuesday. Officials counted 40 homes under water.',
  '"We lost everything," said Ana Ruiz, a farmer. She said:',
  '"The water came in minutes."',
  'The ministry of agriculture has promised aid by March 3, 2021, according to a statement.',
].join('\n');

describe('re-analysis with a memo', () => {
  it('after an edit, equals a fresh analysis and reads anew only the sentence and paragraph that changed', () => {
    const memo = new AnalysisMemo();
    const before = analyzeArticle(ARTICLE, { memo });
    const sentences = before.sentences.length;
    const edited = ARTICLE.replace('rose overnight', 'rose quickly overnight'); // every later offset moves
    const remembered = analyzeArticle(edited, { memo });
    assert.deepEqual(remembered, analyzeArticle(edited));
    assert.equal(memo.entities.size, sentences + 1);
    assert.equal(memo.dates.candidates.size, sentences + 1);
    assert.equal(memo.attribution.tagged.size, 5 + 1);
  });

  it('tokenizes anew only what an edit changed: an unchanged sentence keeps the tokens read before', () => {
    const memo = new AnalysisMemo();
    analyzeArticle(ARTICLE, { memo });
    const unchanged = 'Officials counted 40 homes under water.';
    const tokens = memo.tokens.get(unchanged);
    assert.ok(tokens?.length, 'the tagger tokenized the sentence');
    const tokenized = memo.tokens.size;
    const edited = ARTICLE.replace('rose overnight', 'rose quickly overnight');
    assert.deepEqual(analyzeArticle(edited, { memo }), analyzeArticle(edited));
    assert.equal(memo.tokens.get(unchanged), tokens);
    assert.equal(memo.tokens.size - tokenized, 1, 'the edited sentence alone is tokenized');
  });

  it('tags an unchanged sentence anew when an edit elsewhere changes how the article cases a word in it', () => {
    const memo = new AnalysisMemo();
    const before = 'Bush arrived in Texas.\nThe crowd cheered for bush and the trees.\n';
    const after = before.replace('for bush', 'for Bush');
    assert.deepEqual(analyzeArticle(before, { memo }).entities.map((e) => e.text), ['Texas']);
    const remembered = analyzeArticle(after, { memo });
    assert.deepEqual(remembered.entities.map((e) => e.text), ['Bush', 'Texas', 'Bush']);
    assert.deepEqual(remembered, analyzeArticle(after));
  });

  it('resolves a remembered sentence\'s dates against the article\'s new date', () => {
    const memo = new AnalysisMemo();
    const text = (year: number) => `GENEVA, Aug. 27, ${year} — Talks ended.\nThe envoy left on Friday.\n`;
    analyzeArticle(text(2015), { memo });
    const remembered = analyzeArticle(text(2016), { memo });
    assert.deepEqual(remembered, analyzeArticle(text(2016)));
    assert.equal(remembered.dates.find((d) => d.text === 'Friday')?.value, '2016-08-26');
  });

  it('without a memo, has chrono-node read each text once: the article date and the dates stage share the lead', () => {
    const text = 'GENEVA, Aug. 27, 2015 - Talks ended on Friday.\nThe envoy left on Friday.\n';
    const { result: analysis, read } = readByChrono(() => analyzeArticle(text));
    assert.equal(analysis.referenceDate, '2015-08-27');
    assert.deepEqual(analysis.dates.map((d) => d.value), ['2015-08-27', '2015-08-21', '2015-08-21']);
    // parseStated asks twice (two stand-in references), so each distinct text shows up exactly twice.
    const counts = new Map<string, number>();
    for (const words of read) counts.set(words, (counts.get(words) ?? 0) + 1);
    assert.ok(counts.size > 0);
    assert.deepEqual([...new Set(counts.values())], [2]);
  });
});
