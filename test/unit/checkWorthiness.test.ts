import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type CheckWorthinessModelFile, checkWorthiness, scoreWith } from '../../server/src/checkWorthiness';
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
      'Hello.',
      '',
    ];
    for (let i = 0; i + 3 < pairs.length; i += 97) {
      sentences.push(`${pairs[i]} ${pairs[i + 1]} ${pairs[i]}, ${pairs[i + 2]} 1,200 ${pairs[i + 1]} ${pairs[i + 3]} ${pairs[i]}.`);
    }
    for (const sentence of sentences) assert.equal(checkWorthiness(sentence), scoreWith(model, sentence), sentence);
  });
});
