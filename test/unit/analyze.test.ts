import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type PipelineStage, type StageRunner, analyzeArticle } from '../../server/src/analyze';

const ARTICLE = [
  'Story highlights',
  'Flood waters rise in Valmora',
  'The river rose overnight, the mayor said on Tuesday. "We lost everything," said Ana Ruiz, a farmer.',
  'The ministry has promised aid by March 3, 2021, according to a statement.',
].join('\n');

describe('analyzeArticle', () => {
  it('runs each stage once, in pipeline order, through the runner it is given, with the same result as without', () => {
    const ran: PipelineStage[] = [];
    const runStage: StageRunner = (stage, run) => {
      ran.push(stage);
      return run();
    };
    const analysis = analyzeArticle(ARTICLE, { runStage });
    assert.deepEqual(ran, ['sentences', 'article date', 'entities', 'dates', 'attribution', 'sources', 'claims']);
    assert.deepEqual(analysis, analyzeArticle(ARTICLE));
    assert.ok(analysis.attributions.length > 0 && analysis.claims.length > 0 && analysis.dates.length > 0);
  });
});
