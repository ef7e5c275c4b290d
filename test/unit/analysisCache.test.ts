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
    new AnalysisCache(dir, 'v1').set('Mayor Tomas Berg visited Valmora.', '2024-05-01', '{"entities":["Tomas Berg","Valmora"]}');
    assert.equal(new AnalysisCache(dir, 'v1').get('Mayor Tomas Berg visited Valmora.', '2024-05-01'), '{"entities":["Tomas Berg","Valmora"]}');
  });

  it('misses when the text, the settings or the analyzer changed', () => {
    const dir = tempDir();
    new AnalysisCache(dir, 'v1').set('The flood destroyed 3,000 homes.', '', '1');
    assert.equal(new AnalysisCache(dir, 'v1').get('The flood destroyed 3,001 homes.', ''), undefined);
    assert.equal(new AnalysisCache(dir, 'v1').get('The flood destroyed 3,000 homes.', '2024-05-01'), undefined);
    assert.equal(new AnalysisCache(dir, 'v2').get('The flood destroyed 3,000 homes.', ''), undefined);
  });

  it('says when an entry could not be written, and misses it then', () => {
    const file = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(file, '');
    const cache = new AnalysisCache(file, 'v1');
    assert.equal(cache.set('Text.', '', '1'), false);
    assert.equal(cache.get('Text.', ''), undefined);
    assert.equal(new AnalysisCache(tempDir(), 'v1').set('Text.', '', '1'), true);
  });

  it('replaces an entry that is set again', () => {
    const dir = tempDir();
    const cache = new AnalysisCache(dir, 'v1');
    cache.set('Text.', '', '{"trunc');
    cache.set('Text.', '', '2');
    assert.equal(cache.get('Text.', ''), '2');
    assert.equal(new AnalysisCache(dir, 'v1').get('Text.', ''), '2');
  });

  it('keeps, at a prune, only the entries read or written since it was opened', async () => {
    const dir = tempDir();
    const before = new AnalysisCache(dir, 'v1');
    before.set('Kept: still in the workspace.', '', '1');
    before.set('Deleted since.', '', '2');
    new AnalysisCache(dir, 'v0').set('Kept: still in the workspace.', '', '0');
    fs.writeFileSync(path.join(dir, fs.readdirSync(dir)[0], 'stray.json.123.tmp'), '{');
    fs.writeFileSync(path.join(dir, 'pack.123.tmp'), 'half a pack');

    const now = new AnalysisCache(dir, 'v1');
    assert.equal(now.get('Kept: still in the workspace.', ''), '1');
    now.set('New article.', '', '3');
    await now.prune();

    const after = new AnalysisCache(dir, 'v1');
    assert.equal(after.get('Kept: still in the workspace.', ''), '1');
    assert.equal(after.get('New article.', ''), '3');
    assert.equal(after.get('Deleted since.', ''), undefined);
    assert.equal(new AnalysisCache(dir, 'v0').get('Kept: still in the workspace.', ''), undefined);
    assert.deepEqual(entryFiles(dir).length, 2);
    assert.deepEqual(fs.readdirSync(dir).filter((name) => name.startsWith('pack')), ['pack']);
  });

  it('says when a prune under way has written its pack (a server shutting down waits for it)', async () => {
    const dir = tempDir();
    const cache = new AnalysisCache(dir, 'v1');
    const json = JSON.stringify({ words: 'Talks resume. '.repeat(1500) });
    for (let i = 0; i < 200; i++) cache.set(`Article ${i}.`, '', json);
    void cache.prune(1);
    await cache.written();
    assert.deepEqual(fs.readdirSync(dir).filter((name) => name.startsWith('pack')), ['pack']);
    const reopened = new AnalysisCache(dir, 'v1');
    assert.equal(reopened.get('Article 199.', ''), json);
  });

  it('prunes in slices, with other work (requests) done between them, and packs every entry', async () => {
    const dir = tempDir();
    const cache = new AnalysisCache(dir, 'v1');
    const json = JSON.stringify({ words: 'Talks resume. '.repeat(1500) });
    for (let i = 0; i < 200; i++) cache.set(`Article ${i}.`, '', json);
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 0);
    await cache.prune(1);
    clearInterval(ticking);
    assert.ok(ticks > 0, 'nothing else ran during the prune');
    fs.rmSync(path.join(dir, fs.readdirSync(dir).find((name) => name !== 'pack')!), { recursive: true }); // read from the pack
    const after = new AnalysisCache(dir, 'v1');
    for (let i = 0; i < 200; i++) assert.equal(after.get(`Article ${i}.`, ''), json);
  });

  it('still keeps the entries it used after an earlier prune', async () => {
    const dir = tempDir();
    const cache = new AnalysisCache(dir, 'v1');
    cache.set('An article that does not change.', '', '1');
    await cache.prune();
    await cache.prune(); // a second index reads nothing of an unchanged article
    assert.equal(new AnalysisCache(dir, 'v1').get('An article that does not change.', ''), '1');
  });

  it('packs the entries used into one file at a prune, which the next start reads them from, characters beyond ASCII included', async () => {
    const dir = tempDir();
    const cache = new AnalysisCache(dir, 'v1');
    cache.set('Flood in Zürich.', '', '{"place":"Zürich","emoji":"🌊"}');
    cache.set('Talks resume.', '', '{"place":null}');
    await cache.prune();
    const pack = fs.readFileSync(path.join(dir, 'pack'));
    assert.ok(pack.every((byte) => byte < 0x80), 'the pack is ASCII');
    for (const file of entryFiles(dir)) fs.rmSync(file); // only the pack can answer now

    const next = new AnalysisCache(dir, 'v1');
    assert.deepEqual(JSON.parse(next.get('Flood in Zürich.', '')!), { place: 'Zürich', emoji: '🌊' });
    assert.equal(next.get('Talks resume.', ''), '{"place":null}');
    assert.equal(next.get('Not kept.', ''), undefined);
  });

  it('packs anew an entry set again (a damaged one replaced), and leaves the pack alone when nothing changed', async () => {
    const dir = tempDir();
    const first = new AnalysisCache(dir, 'v1');
    first.set('Flood.', '', '{"trunc');
    first.set('Talks.', '', '1');
    await first.prune();
    const packed = fs.statSync(path.join(dir, 'pack')).mtimeMs;

    const second = new AnalysisCache(dir, 'v1');
    assert.equal(second.get('Talks.', ''), '1');
    assert.equal(second.get('Flood.', ''), '{"trunc');
    await second.prune();
    await second.prune(); // a re-index
    assert.equal(fs.statSync(path.join(dir, 'pack')).mtimeMs, packed, 'the same entries: the pack is not written again');
    second.set('Flood.', '', '2');
    await second.prune();
    for (const file of entryFiles(dir)) fs.rmSync(file);
    assert.equal(new AnalysisCache(dir, 'v1').get('Flood.', ''), '2');
  });

  it('gives an entry found in the pack from its own file once a newer pack replaced that one', async () => {
    const dir = tempDir();
    const first = new AnalysisCache(dir, 'v1');
    first.set('Flood.', '', '1');
    first.set('Talks.', '', '2');
    await first.prune();

    const second = new AnalysisCache(dir, 'v1');
    const talks = second.find('Talks.', '') as () => string | undefined;
    assert.equal(typeof talks, 'function', 'found in the pack, not read yet');
    second.find('Flood.', '');
    second.set('Talks.', '', '3'); // the entry replaced, as a damaged one would be
    await second.prune(); // writes a new pack and closes the one the entries were found in
    assert.equal(talks(), '3');
    assert.equal(new AnalysisCache(dir, 'v1').get('Talks.', ''), '3');
  });

  it('drops from the pack, at the next prune, the entries that start did not use', async () => {
    const dir = tempDir();
    const first = new AnalysisCache(dir, 'v1');
    first.set('Kept.', '', '1');
    first.set('Deleted since.', '', '2');
    await first.prune();

    const second = new AnalysisCache(dir, 'v1');
    assert.equal(second.get('Kept.', ''), '1');
    await second.prune();
    assert.equal(fs.readFileSync(path.join(dir, 'pack'), 'latin1').split('\n').filter(Boolean).length, 1);
    assert.equal(new AnalysisCache(dir, 'v1').get('Deleted since.', ''), undefined);
  });
});

const entryFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? fs.readdirSync(path.join(dir, e.name)).map((f) => path.join(dir, e.name, f)) : []));
