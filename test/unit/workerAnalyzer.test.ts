// A worker remembers what it read of an open article's sentences: a keystroke in a long article, analyzed in the
// background, re-reads only the sentences it changed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { EntityRecognizer } from '../../server/src/entities';
import type { AnalysisJob } from '../../server/src/lsp/analysisJob';
import { WorkerAnalyzer } from '../../server/src/lsp/workerAnalyzer';

const SAMPLE = fs.readFileSync(path.resolve(__dirname, '../../../samples/alder-dam-wire.txt'), 'utf8');

/** A recognizer that finds nothing and counts the sentences it reads, not those its memo holds. */
function countingRecognizer() {
  const read: string[] = [];
  const recognizer: EntityRecognizer = {
    recognize: (text, sentences, memo) => {
      for (const s of sentences) {
        const sentence = text.slice(s.start, s.end);
        if (memo?.get(sentence)) continue;
        read.push(sentence);
        memo?.set(sentence, { casingSeen: [], casingRead: [], mentions: [] });
      }
      return [];
    },
  };
  return { recognizer, read };
}

const job = (text: string, open: boolean): AnalysisJob => ({ uri: 'untitled:long.article', text, decisions: null, fallbackReferenceDate: null, open });

describe('the analysis in a worker', () => {
  it('of an open article re-reads only the sentences a keystroke changed', () => {
    const { recognizer, read } = countingRecognizer();
    const analyzer = new WorkerAnalyzer(recognizer);
    analyzer.analyze(job(SAMPLE, true));
    const sentences = read.length;
    assert.ok(sentences > 5);
    read.length = 0;
    const typed = `${SAMPLE.slice(0, 10)}x${SAMPLE.slice(10)}`;
    const json = analyzer.analyze(job(typed, true));
    assert.equal(read.length, 1, `re-read: ${read.join(' | ')}`);
    assert.ok(read[0].includes(typed.slice(0, 11)));
    assert.equal(typeof JSON.parse(json), 'object');
  });

  it('of an indexed article keeps nothing for the next', () => {
    const { recognizer, read } = countingRecognizer();
    const analyzer = new WorkerAnalyzer(recognizer);
    analyzer.analyze(job(SAMPLE, false));
    const sentences = read.length;
    analyzer.analyze(job(SAMPLE, false));
    assert.equal(read.length, 2 * sentences);
  });
});
