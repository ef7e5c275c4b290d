import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analyze';
import { withSpanTexts, withoutSpanTexts } from '../../server/src/lsp/spanTexts';

const TEXT = 'Dam talks resume\r\n\r\n\uFEFFMayor Tomas Berg said on Monday 🙂 that "12,000 people had left Valmora," officials said.\n';

describe('span texts dropped for storage and put back', () => {
  it('gives back an equal analysis, smaller when stored', () => {
    const analysis = analyzeArticle(TEXT, { fallbackReferenceDate: '2024-05-01' });
    const stored = JSON.stringify(withoutSpanTexts(analysis, TEXT));
    assert.ok(stored.length < JSON.stringify(analysis).length);
    assert.ok(!stored.includes('Tomas Berg said'), 'sentence texts are not stored');
    assert.deepEqual(withSpanTexts(JSON.parse(stored), TEXT), analysis);
  });

  it('keeps a text that is not the article text at its span', () => {
    const value = { start: 0, end: 3, text: 'Bam', spans: [{ start: 4, end: 9, text: 'talks' }], title: null };
    const stored = withoutSpanTexts(value, TEXT);
    assert.equal(stored.text, 'Bam');
    assert.deepEqual(withSpanTexts(stored, TEXT), value);
  });
});
