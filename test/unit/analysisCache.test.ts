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

  it('keeps, at a prune, only the entries read or written since it was opened', () => {
    const dir = tempDir();
    const before = new AnalysisCache<number>(dir, 'v1');
    before.set('Kept: still in the workspace.', '', 1);
    before.set('Deleted since.', '', 2);
    new AnalysisCache<number>(dir, 'v0').set('Kept: still in the workspace.', '', 0);
    fs.writeFileSync(path.join(dir, fs.readdirSync(dir)[0], 'stray.json.123.tmp'), '{');

    const now = new AnalysisCache<number>(dir, 'v1');
    assert.equal(now.get('Kept: still in the workspace.', ''), 1);
    now.set('New article.', '', 3);
    now.prune();

    const after = new AnalysisCache<number>(dir, 'v1');
    assert.equal(after.get('Kept: still in the workspace.', ''), 1);
    assert.equal(after.get('New article.', ''), 3);
    assert.equal(after.get('Deleted since.', ''), undefined);
    assert.equal(new AnalysisCache<number>(dir, 'v0').get('Kept: still in the workspace.', ''), undefined);
    assert.equal(countFiles(dir), 2);
  });

  it('still keeps the entries it used after an earlier prune', () => {
    const dir = tempDir();
    const cache = new AnalysisCache<number>(dir, 'v1');
    cache.set('An article that does not change.', '', 1);
    cache.prune();
    cache.prune(); // a second index reads nothing of an unchanged article
    assert.equal(new AnalysisCache<number>(dir, 'v1').get('An article that does not change.', ''), 1);
  });
});

const countFiles = (dir: string): number =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0);
