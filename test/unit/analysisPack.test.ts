import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it, mock } from 'node:test';
import { readPack, writePack } from '../../server/src/lsp/analysisPack';

const read = (file: string) => new Map([...readPack(file).entries].map(([key, entry]) => [key, entry()]));
const tempDirs: string[] = [];
const tempFile = () => {
  tempDirs.push(fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-pack-')));
  return path.join(tempDirs[tempDirs.length - 1], 'pack');
};
after(() => tempDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }))); // a pack of megabytes per run

describe('analysis pack', () => {
  it('reads back every entry written, long ones and characters beyond ASCII included', async () => {
    const file = tempFile();
    const entries = new Map<string, string>();
    // About 3 MB in entries of different lengths (cut at the ends of the chunks it is read in), one of 2.5 MB, non-ASCII.
    for (let i = 0; i < 700; i++) entries.set(`key${i}`, JSON.stringify({ i, text: 'Tomás said “yes” 🌊 '.repeat(40 + (i % 317)) }));
    entries.set('long', JSON.stringify({ text: 'x'.repeat(2.5 * (1 << 20)) }));
    entries.set('last', '{}');
    await writePack(file, entries.keys(), (key) => entries.get(key));
    const parsed = (map: Map<string, string | undefined>) => new Map([...map].map(([key, json]) => [key, JSON.parse(json ?? 'null') as unknown]));
    assert.deepEqual(parsed(read(file)), parsed(entries), 'the same JSON (escaped to ASCII in the pack)');
  });

  it('keeps the sound lines of a damaged pack: a line without its tab, a last line cut short', () => {
    const file = tempFile();
    fs.writeFileSync(file, 'a\t{"n":1}\nno tab here\nb\t{"n":2}\nc\t{"n":');
    assert.deepEqual(read(file), new Map([['a', '{"n":1}'], ['b', '{"n":2}'], ['c', '{"n":']]));
  });

  it('is empty when there is no pack', () => {
    assert.equal(readPack(path.join(os.tmpdir(), 'no-such-folder-for-a-pack', 'pack')).entries.size, 0);
  });

  it('reads an entry when called, from the pack as it was when read, until closed', async () => {
    const file = tempFile();
    await writePack(file, ['a', 'b'], (key) => `{"pack":1,"key":"${key}"}`);
    const pack = readPack(file);
    await writePack(file, ['a', 'b'], (key) => `{"pack":2,"key":"${key}"}`); // a newer pack replaces the file
    assert.equal(pack.entries.get('a')!(), '{"pack":1,"key":"a"}');
    assert.equal(read(file).get('a'), '{"pack":2,"key":"a"}');
    pack.close();
    assert.equal(pack.entries.get('b')!(), undefined, 'closed: the caller reads the entry elsewhere');
  });

  it('closes the pack it replaces before the new one takes its place (Windows does not replace a file that is open)', async () => {
    const file = tempFile();
    await writePack(file, ['a'], () => '{"pack":1}');
    const old = readPack(file);
    const readAtRename: (string | undefined)[] = [];
    const rename = mock.method(nodeFs, 'renameSync', (from: string, to: string) => {
      readAtRename.push(old.entries.get('a')!());
      rename.mock.restore();
      nodeFs.renameSync(from, to);
    });
    await writePack(file, ['a'], (key) => old.entries.get(key)!()!.replace('1', '2'), old);
    assert.deepEqual(readAtRename, [undefined], 'closed by the time of the rename');
    assert.equal(read(file).get('a'), '{"pack":2}');
  });

  it('gives no entry whose bytes are gone (the file cut short after its keys were read)', async () => {
    const file = tempFile();
    await writePack(file, ['a', 'b'], (key) => `{"key":"${key}"}`);
    const pack = readPack(file);
    fs.truncateSync(file, fs.statSync(file).size - 4);
    assert.equal(pack.entries.get('a')!(), '{"key":"a"}');
    assert.equal(pack.entries.get('b')!(), undefined);
    pack.close();
  });
});
