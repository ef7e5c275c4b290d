// Articles read from disk are indexed under the URI the editor uses for them (vscode-uri's form), whatever their
// names: the URI built from the folder's for plain names must be the same string.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { defaultRecognizer } from '../../server/src/entities';
import { ArticleWorkspace } from '../../server/src/lsp/articleWorkspace';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

const NAMES = [
  'plain.txt',
  'sub/deeper/a-b_c.d~e.txt',
  'with space.txt',
  'percent%20.txt',
  'hash#1.txt',
  'question?.txt',
  'copy(1).txt',
  'brackets[2].txt',
  'plus+and&.txt',
  'café/été.txt',
  'emoji 📰.txt',
  'UPPER/Case.TXT',
  "quote'.txt",
  'colon:x.txt',
];

describe('article URIs', () => {
  for (const folderName of ['news', 'my news (2016)', 'été%']) {
    it(`are vscode-uri's for every file name, in a folder named ${JSON.stringify(folderName)}`, () => {
      const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'na-uris-')), folderName);
      const workspace = new ArticleWorkspace(defaultRecognizer());
      workspace.configure([{ uri: URI.file(dir).toString(), path: dir }], { ...DEFAULT_SETTINGS, articleFiles: ['**/*.txt', '**/*.TXT'] });
      for (const name of NAMES) {
        const file = path.join(dir, ...name.split('/'));
        assert.equal(workspace.uriOf(file), URI.file(file).toString(), name);
      }
      const outside = path.join(os.tmpdir(), 'elsewhere', 'a b.txt');
      assert.equal(workspace.uriOf(outside), URI.file(outside).toString());
    });
  }

  it('index each article read from disk under that URI', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-uris-'));
    for (const name of ['plain.txt', 'with space.txt', 'café.txt']) fs.writeFileSync(path.join(dir, name), 'Mayor Tomas Berg visited Valmora on Monday.\n');
    const workspace = new ArticleWorkspace(defaultRecognizer());
    workspace.configure([{ uri: URI.file(dir).toString(), path: dir }], { ...DEFAULT_SETTINGS, articleFiles: ['**/*.txt'] });
    for (const file of workspace.scan()) assert.equal(workspace.loadFromDisk(file), true);
    assert.deepEqual(workspace.uris().sort(), ['café.txt', 'plain.txt', 'with space.txt'].map((name) => URI.file(path.join(dir, name)).toString()).sort());
  });
});
