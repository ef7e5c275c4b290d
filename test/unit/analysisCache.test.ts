import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { AnalysisCache } from '../../server/src/lsp/analysisCache';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-cache-'));

describe('analysis cache', () => {
  it('gives back what was kept for the same text, settings and analyzer version, from a new instance too', () => {
    const dir = tempDir();
    new AnalysisCache<{ entities: string[] }>(dir, 'v1').set('Mayor Tomas Berg visited Valmora.', '2024-05-01', { entities: ['Tomas Berg', 'Valmora'] });
    assert.deepEqual(new AnalysisCache(dir, 'v1').get('Mayor Tomas Berg visited Valmora.', '2024-05-01'), { entities: ['Tomas Berg', 'Valmora'] });
  });

  it('misses when the text, the settings or the analyzer changed', () => {
    const dir = tempDir();
    new AnalysisCache<number>(dir, 'v1').set('The flood destroyed 3,000 homes.', '', 1);
    assert.equal(new AnalysisCache(dir, 'v1').get('The flood destroyed 3,001 homes.', ''), undefined);
    assert.equal(new AnalysisCache(dir, 'v1').get('The flood destroyed 3,000 homes.', '2024-05-01'), undefined);
    assert.equal(new AnalysisCache(dir, 'v2').get('The flood destroyed 3,000 homes.', ''), undefined);
  });

  it('treats a damaged entry as missing, and replaces it', () => {
    const dir = tempDir();
    const cache = new AnalysisCache<number>(dir, 'v1');
    cache.set('Text.', '', 1);
    const [shard] = fs.readdirSync(dir);
    const [entry] = fs.readdirSync(path.join(dir, shard));
    fs.writeFileSync(path.join(dir, shard, entry), '{"trunc');
    assert.equal(cache.get('Text.', ''), undefined);
    cache.set('Text.', '', 2);
    assert.equal(cache.get('Text.', ''), 2);
  });
});
