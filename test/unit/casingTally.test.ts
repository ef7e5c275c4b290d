// The document's casing kept up to date across edits is the one read afresh from the edited article's sentences.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CasingTally } from '../../server/src/ner/casingTally';
import { contextOf } from '../../server/src/ner/features';

const sorted = (casing: Map<string, string>) => [...casing].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('CasingTally', () => {
  it('gives contextOf casings as sentences are added, removed, repeated and replaced', () => {
    const pair = fc.tuple(fc.constantFrom('apple', 'bank', 'may', 'us', 'reed'), fc.constantFrom('Xx', 'x', 'X'));
    const sentence = fc.array(pair, { maxLength: 4 }).map((pairs) => pairs.flat());
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 8 }), fc.array(fc.array(fc.nat(20), { maxLength: 12 }), { maxLength: 8 }), (pool, articles) => {
        // Each article picks sentences of the pool by identity, as the tagger's memo gives them; a pick past the
        // pool is a sentence read anew (a copy).
        const tally = new CasingTally();
        for (const picks of articles) {
          const sentences = picks.map((p) => (p < pool.length ? pool[p] : [...pool[p % pool.length]]));
          assert.deepEqual(sorted(tally.contextOf(sentences).casing), sorted(contextOf(sentences).casing));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('forgets a word whose last sentence went, and reads a word seen two ways as mixed', () => {
    const tally = new CasingTally();
    const apple = ['apple', 'Xx'];
    const lowerApple = ['apple', 'x', 'bank', 'x'];
    assert.deepEqual(sorted(tally.contextOf([apple, lowerApple]).casing), [['apple', 'mixed'], ['bank', 'x']]);
    assert.deepEqual(sorted(tally.contextOf([apple, apple]).casing), [['apple', 'Xx']]);
    assert.deepEqual(sorted(tally.contextOf([apple]).casing), [['apple', 'Xx']]);
  });
});
