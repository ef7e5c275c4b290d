// Bad input, for the server's workspace and for the command line: files that are not articles are skipped with a
// reason a person can act on, the odd characters real articles carry keep every offset right, and nothing else stops.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { defaultRecognizer } from '../../server/src/entities';
import { AnalysisFailure, type AnalysisPool } from '../../server/src/lsp/analysisPool';
import { ArticleWorkspace } from '../../server/src/lsp/articleWorkspace';
import { diagnosticsFor } from '../../server/src/lsp/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { MAX_LINE_LENGTH, decodeArticle } from '../../server/src/text';
import { assertSlices } from '../support/spans';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const SENTENCE = 'Senator Maria Lopez said on Friday that the bill will fail.';
const MAX_FILE_SIZE = 1_500_000;

/** Files that must be skipped, with the words their reason must contain. */
const REFUSED: Record<string, [Buffer, RegExp]> = {
  'binary.txt': [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]), /binary/],
  'oversize.txt': [Buffer.from(`${SENTENCE}\n`.repeat(30_000)), /over the 1500000-byte limit/],
  'invalid-utf8.txt': [Buffer.concat([Buffer.from(`${SENTENCE} caf`), Buffer.from([0xc3, 0x28])]), /not valid UTF-8/],
  // A lone surrogate as UTF-8 (CESU-8): what some Windows tools write for a broken emoji.
  'lone-surrogate.txt': [Buffer.concat([Buffer.from(SENTENCE), Buffer.from([0xed, 0xa0, 0xbd])]), /not valid UTF-8/],
  'one-long-line.txt': [Buffer.from('word '.repeat(200_000)), new RegExp(`over the ${MAX_LINE_LENGTH}-character limit`)],
};

/** Files that must be analyzed with every span right. */
const ACCEPTED: Record<string, string> = {
  'cr.txt': `Headline\r${SENTENCE}\rMore text.`,
  'crlf.txt': `Headline\r\n\r\n${SENTENCE}\r\n`,
  'bom.txt': `\uFEFF${SENTENCE}\n`,
  'emoji.txt': `🗳️ Vote 👩‍👩‍👧 day\n${SENTENCE} 🙂\n`,
  'marks.txt': `\u200F${SENTENCE.replace('Maria', 'Maria\u200B')} \u202Bשלום\u202C\n`,
  'empty.txt': '',
};

function folderWith(files: Record<string, Buffer | string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-bad-input-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

describe('bad input', () => {
  let dir: string;
  /** The same without the over-size file: the command line has no size limit, and analyzing 1.6 MB takes long. */
  let cliDir: string;
  before(() => {
    const refused = Object.fromEntries(Object.entries(REFUSED).map(([name, [bytes]]) => [name, bytes]));
    dir = folderWith({ ...refused, ...ACCEPTED });
    const { 'oversize.txt': _, ...withinSize } = refused;
    cliDir = folderWith({ ...withinSize, ...ACCEPTED });
    for (const folder of [dir, cliDir]) {
      fs.symlinkSync(path.join(folder, 'gone.txt'), path.join(folder, 'dangling.txt'));
      fs.mkdirSync(path.join(folder, 'folder.txt'));
    }
    // A device named like an article: reading it would never end (/dev/zero), or read as an empty article (/dev/null).
    if (process.platform !== 'win32') fs.symlinkSync('/dev/null', path.join(dir, 'device.txt'));
  });

  it('decodes a BOM away and keeps CR and CRLF line ends, so offsets match the editor', () => {
    const bom = decodeArticle(Buffer.from(ACCEPTED['bom.txt']));
    assert.deepEqual(bom, { ok: true, text: SENTENCE + '\n' });
    const cr = decodeArticle(Buffer.from(ACCEPTED['cr.txt']));
    assert.ok(cr.ok && cr.text === ACCEPTED['cr.txt']);
  });

  it('the server skips each file that is no article, says why, and analyzes every other file', () => {
    const workspace = new ArticleWorkspace(defaultRecognizer());
    workspace.configure([{ uri: URI.file(dir).toString(), path: dir }], { ...DEFAULT_SETTINGS, articleFiles: ['**/*.txt'], maxFileSize: MAX_FILE_SIZE });
    const loaded = new Map(workspace.scan().map((file) => [path.basename(file), workspace.loadFromDisk(file)]));
    for (const [name, [, reason]] of Object.entries(REFUSED)) {
      assert.equal(loaded.get(name), false, `${name} is skipped`);
      assert.match(workspace.skipped.get(URI.file(path.join(dir, name)).toString()) ?? '', reason, name);
    }
    assert.match(workspace.skipped.get(URI.file(path.join(dir, 'dangling.txt')).toString()) ?? '', /cannot read: ENOENT/);
    assert.match(workspace.skipped.get(URI.file(path.join(dir, 'folder.txt')).toString()) ?? '', /cannot read: EISDIR/);
    if (process.platform !== 'win32') assert.match(workspace.skipped.get(URI.file(path.join(dir, 'device.txt')).toString()) ?? '', /not a regular file/);
    for (const [name, text] of Object.entries(ACCEPTED)) {
      assert.equal(loaded.get(name), true, `${name} is analyzed`);
      const article = workspace.article(URI.file(path.join(dir, name)).toString());
      assert.ok(article, name);
      const { analysis } = article;
      assertSlices(text.replace(/^\uFEFF/, ''), [...analysis.sentences, ...analysis.entities, ...analysis.dates, ...analysis.claims], name);
      if (name !== 'empty.txt') assert.ok(analysis.entities.some((e) => e.text.startsWith('Maria')), `${name}: the name is found`);
    }
    assert.equal(workspace.fresh().size, Object.keys(ACCEPTED).length);
  });

  it('an open document with a lone surrogate or a line over the limit is shown, not analyzed, and says so', () => {
    const workspace = new ArticleWorkspace(defaultRecognizer());
    workspace.configure([], DEFAULT_SETTINGS);
    const surrogate = TextDocument.create('untitled:a.article', 'article', 1, `${SENTENCE} \uD83D and more.`);
    workspace.updateOpen(surrogate);
    assertSlices(surrogate.getText(), workspace.article(surrogate.uri)!.analysis.entities, 'entity');
    const long = TextDocument.create('untitled:b.article', 'article', 1, 'x'.repeat(MAX_LINE_LENGTH + 1));
    workspace.updateOpen(long);
    const started = Date.now();
    const messages = diagnosticsFor(workspace, long.uri).map((d) => String(d.message));
    assert.ok(Date.now() - started < 1000, 'answered at once');
    assert.ok(messages.some((m) => /^Not analyzed: a line of 50001 characters/.test(m)), messages.join('\n'));
  });

  it('the server skips an article its workers cannot analyze, says why, and does not analyze it in its own thread', async () => {
    let inServerThread = 0;
    const workspace = new ArticleWorkspace({ recognize: () => (inServerThread++, []) });
    const folder = folderWith(ACCEPTED);
    workspace.configure([{ uri: URI.file(folder).toString(), path: folder }], { ...DEFAULT_SETTINGS, articleFiles: ['**/*.txt'] });
    const reason = 'the analysis needs more than the 320 MB of memory a worker may use';
    const failing = { analyze: () => Promise.reject(new AnalysisFailure(reason)) } as unknown as AnalysisPool;
    const file = path.join(folder, 'crlf.txt');
    assert.equal(await workspace.loadFromDiskIn(file, failing), false);
    assert.equal(workspace.skipped.get(URI.file(file).toString()), reason);
    assert.equal(workspace.article(URI.file(file).toString()), undefined);
    assert.equal(inServerThread, 0);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('the command line warns once per skipped file and exports the rest', () => {
    const result = spawnSync(process.execPath, [CLI, 'export', cliDir], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const warnings = result.stderr.trim().split('\n');
    for (const name of [...Object.keys(REFUSED).filter((n) => n !== 'oversize.txt'), 'dangling.txt']) {
      assert.equal(warnings.filter((w) => w.startsWith(`news-annotator: skipped ${path.join(cliDir, name)}: `)).length, 1, `${name}: ${result.stderr}`);
    }
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    const exported = JSON.parse(result.stdout) as { articles: { path: string }[] };
    assert.deepEqual(exported.articles.map((a) => a.path).sort(), Object.keys(ACCEPTED).sort());
  });

  for (const [label, args, message] of [
    ['a missing path', (d: string) => ['export', path.join(d, 'missing.txt')], /^news-annotator: cannot read .*missing\.txt: no such file or folder\n$/],
    ['a binary file named on the command line', (d: string) => ['summary', path.join(d, 'binary.txt')], /^news-annotator: cannot read .*binary\.txt: binary file/],
    ['invalid UTF-8 named on the command line', (d: string) => ['export', path.join(d, 'invalid-utf8.txt')], /not valid UTF-8\n$/],
    ['an output path under a file', (d: string) => ['export', path.join(d, 'cr.txt'), '--out', path.join(d, 'cr.txt', 'out.json')], /^news-annotator: cannot write .*out\.json: E[A-Z]+\n$/],
  ] as const) {
    it(`the command line answers ${label} with one line and a non-zero exit`, () => {
      const result = spawnSync(process.execPath, [CLI, ...args(dir)], { encoding: 'utf8' });
      assert.notEqual(result.status, 0);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    });
  }
});
