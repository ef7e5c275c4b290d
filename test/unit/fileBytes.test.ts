import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readFileBytes } from '../../server/src/lsp/fileBytes';

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
});
