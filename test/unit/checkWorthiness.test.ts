import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MIN_CHECK_WORTHINESS } from '../../server/src/claims';
import { type CheckWorthinessModelFile, checkWorthiness, checkWorthinessFeatures, scoreWith } from '../../server/src/checkWorthiness';
import modelFile from '../../server/src/checkWorthinessModel.json';

const model = modelFile as CheckWorthinessModelFile;

describe('checkWorthiness', () => {
  test('scores exactly as the named features the trainer uses', () => {
    // Word pairs the model weighs, repeated and run together, so that words and pairs recur within a sentence.
    const pairs = Object.keys(model.weights).filter((name) => name.startsWith('b:')).map((name) => name.slice(2));
    const sentences = [
      'The unemployment rate fell to 4.9 percent in October, the lowest since 2008.',
      'Prices rose 12% and prices rose again: “prices rose” he said, as prices rose.',
      "We've never seen anything like it, and we’ve never seen anything like it.",
      'The flood is the worst to hit the valley in forty years, and sixty-two homes are gone.',
      'Hello.',
      '',
    ];
    for (let i = 0; i + 3 < pairs.length; i += 97) {
      sentences.push(`${pairs[i]} ${pairs[i + 1]} ${pairs[i]}, ${pairs[i + 2]} 1,200 ${pairs[i + 1]} ${pairs[i + 3]} ${pairs[i]}.`);
    }
    for (const sentence of sentences) assert.equal(checkWorthiness(sentence), scoreWith(model, sentence), sentence);
  });

  test('reads a record, and a number written out, as checkable', () => {
    const record = 'The flood is the worst to hit the valley in forty years.';
    assert.ok(checkWorthinessFeatures(record).includes('record'));
    assert.ok(checkWorthinessFeatures(record).includes('w:<number-word>'));
    assert.ok(checkWorthiness(record) >= MIN_CHECK_WORTHINESS, String(checkWorthiness(record)));
    assert.ok(checkWorthinessFeatures('Unemployment is at its highest level since 1983.').includes('record'));
    assert.ok(checkWorthinessFeatures('It was the deadliest attack in the country’s history.').includes('record'));
    // A superlative alone, or a span of time alone, is no record.
    assert.ok(!checkWorthinessFeatures('She is the best candidate we have.').includes('record'));
    assert.ok(!checkWorthinessFeatures('He has lived there for forty years.').includes('record'));
    assert.ok(!checkWorthinessFeatures('No one of them agreed.').includes('w:<number-word>'));
  });
});
