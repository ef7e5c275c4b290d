import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RefusedFile, readFileBytes } from '../../server/src/lsp/fileBytes';

describe('readFileBytes', () => {
  it('reads files of every size as readFileSync does, one after another', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-bytes-'));
    // Around the first buffer's size (64 KB), past the largest one kept (1 MB), empty, then small again.
    const sizes = [5, 65535, 65536, 65537, 200_000, 3_000_000, 0, 17, 1_048_577, 64];
    sizes.forEach((size, i) => fs.writeFileSync(path.join(dir, `${i}.txt`), Buffer.from(Array.from({ length: size }, (_, n) => (n * 7 + i) % 256))));
    sizes.forEach((_, i) => {
      const file = path.join(dir, `${i}.txt`);
      assert.ok(Buffer.from(readFileBytes(file)).equals(fs.readFileSync(file)), `file ${i} of ${sizes[i]} bytes`);
    });
  });

  it('fails as readFileSync does on a missing file and a folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-bytes-'));
    assert.throws(() => readFileBytes(path.join(dir, 'missing.txt')), { code: 'ENOENT' });
    assert.throws(() => readFileBytes(dir), { code: 'EISDIR' });
  });

  it('refuses a file over the limit without reading it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-bytes-'));
    const file = path.join(dir, 'huge.txt');
    fs.closeSync(fs.openSync(file, 'w'));
    fs.truncateSync(file, 100_000_000); // sparse: no disk, and read in full it would be 100 MB of memory
    assert.throws(() => readFileBytes(file, 2_000_000), new RefusedFile('file is 100000000 bytes, over the 2000000-byte limit'));
    fs.truncateSync(file, 2_000_000);
    assert.equal(readFileBytes(file, 2_000_000).length, 2_000_000, 'a file at the limit is read');
  });

  it('refuses a named pipe at once instead of waiting for a writer', { skip: process.platform === 'win32' }, () => {
    const fifo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'na-bytes-')), 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    // In a child process: were it to wait, it would hang this one.
    const script = `const { readFileBytes } = require(${JSON.stringify(require.resolve('../../server/src/lsp/fileBytes'))});
      try { readFileBytes(${JSON.stringify(fifo)}); } catch (e) { console.log(e.message); }`;
    const child = spawnSync(process.execPath, ['-e', script], { timeout: 5000, encoding: 'utf8' });
    assert.equal(child.stdout.trim(), 'not a regular file (a pipe, socket or device)', `status ${child.status}, signal ${child.signal}`);
  });
});
