import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyDecisionFile } from '../../server/src/decisions';
import { defaultRecognizer } from '../../server/src/entities';
import { type AnalysisJob, analyzeJob } from '../../server/src/lsp/analysisJob';
import { withoutSpanTexts } from '../../server/src/lsp/spanTexts';
import { StoredArticle } from '../../server/src/lsp/storedArticle';

// BOM, CRLF and emoji: span texts put back from the JSON must still slice the text.
const TEXT = '\uFEFFFlood hits Valmora 🌊\r\n\r\nMayor Tomas Berg said on Monday that 12,000 people had left. "We will rebuild," he said.\r\n';
const job: AnalysisJob = { uri: 'file:///news/a.txt', text: TEXT, decisions: emptyDecisionFile('a.txt'), fallbackReferenceDate: '2024-05-01' };

describe('stored article (analysis parsed when first read)', () => {
  const analyzed = analyzeJob(job, defaultRecognizer());
  const json = JSON.stringify(withoutSpanTexts(analyzed, TEXT));

  it('reads as the analysis it was stored from, every span slicing the text', () => {
    const stored = new StoredArticle(job.uri, 'a.txt', TEXT, json, () => assert.fail('a sound entry is not analyzed again'));
    assert.deepEqual(stored.analysis, analyzed.analysis);
    assert.deepEqual(stored.annotations, analyzed.annotations);
    assert.equal(stored.analysis, stored.analysis, 'parsed once');
    for (const span of [...stored.analysis.entities, ...stored.analysis.sentences, ...stored.analysis.claims]) assert.equal(span.text, TEXT.slice(span.start, span.end));
    assert.ok(analyzed.analysis.entities.some((e) => e.text === 'Tomas Berg'));
  });

  it('reads its JSON when first read, once, and analyzes again when it cannot be read any more', () => {
    let reads = 0;
    const stored = new StoredArticle(job.uri, 'a.txt', TEXT, () => (reads++, json), () => assert.fail('a sound entry is not analyzed again'));
    assert.equal(reads, 0, 'not read before something needs the analysis');
    assert.deepEqual(stored.analysis, analyzed.analysis);
    assert.deepEqual(stored.annotations, analyzed.annotations);
    assert.equal(reads, 1);
    let analyses = 0;
    const gone = new StoredArticle(job.uri, 'a.txt', TEXT, () => undefined, () => {
      analyses++;
      return analyzeJob(job, defaultRecognizer());
    });
    assert.deepEqual(gone.analysis, analyzed.analysis);
    assert.equal(analyses, 1);
  });

  it('analyzes again when the stored JSON is damaged', () => {
    let analyses = 0;
    const stored = new StoredArticle(job.uri, 'a.txt', TEXT, json.slice(0, json.length / 2), () => {
      analyses++;
      return analyzeJob(job, defaultRecognizer());
    });
    assert.deepEqual(stored.analysis, analyzed.analysis);
    assert.deepEqual(stored.annotations, analyzed.annotations);
    assert.equal(analyses, 1);
  });
});
