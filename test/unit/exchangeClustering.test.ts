import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exchangeClustering } from '../../tools/src/ner/exchangeClustering';

describe('ner training: exchange clustering', () => {
  it('puts words that follow the same words in one class, deterministically', () => {
    // Words 0-3 are clustered; 4 = "the", 5 = "he" (context only). Nouns follow "the", verbs follow "he".
    const [cat, dog, runs, sleeps, the, he] = [0, 1, 2, 3, 4, 5];
    const sentences = [[the, cat], [he, runs], [the, dog], [he, sleeps], [the, cat], [he, sleeps], [the, dog], [he, runs]];
    const corpus = Int32Array.from(sentences.flat());
    const input = { corpus, clusteredCount: 4, vocabularySize: 6 };
    const classes = exchangeClustering(input, 2, 10);
    assert.equal(classes[cat], classes[dog]);
    assert.equal(classes[runs], classes[sleeps]);
    assert.notEqual(classes[cat], classes[runs]);
    assert.deepEqual(exchangeClustering(input, 2, 10), classes);
  });
});
