// An install without its attribution model (a damaged extension folder) still analyzes articles, with attribution from
// the rules alone: the server says so once, naming the file, indexes, and answers with names and problems.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { sampleWorkspace } from '../support/sampleWorkspace';
import { SERVER, startServer } from '../../tools/src/lspClient';

/** A copy of the server bundle with the entity model beside it and no attribution model. */
function damagedInstall(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'na-damaged-'));
  fs.mkdirSync(path.join(root, 'dist'));
  fs.mkdirSync(path.join(root, 'models'));
  fs.copyFileSync(SERVER, path.join(root, 'dist', 'server.js'));
  fs.copyFileSync(path.resolve(path.dirname(SERVER), '..', 'models', 'ner.model.gz'), path.join(root, 'models', 'ner.model.gz'));
  return root;
}

describe('an install without its attribution model', () => {
  it('says so once, naming the file, indexes, and finds names, quotes and problems', async () => {
    const install = damagedInstall();
    const dir = sampleWorkspace('damaged');
    const server = await startServer(dir, { articleFiles: ['**/*.txt', '**/*.news'] }, undefined, { serverFile: path.join(install, 'dist', 'server.js') });
    const messages: { type: number; message: string }[] = [];
    const progress: string[] = [];
    server.connection.onNotification('window/showMessage', (m: { type: number; message: string }) => void messages.push(m));
    server.connection.onNotification('$/progress', ({ value }: { value: { kind: string } }) => void progress.push(value.kind));
    try {
      const start = Date.now();
      while (!progress.includes('end')) {
        assert.ok(Date.now() - start < 20_000, `indexing never ends: ${JSON.stringify(progress)}; stderr: ${server.stderr()}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.deepEqual(progress.filter((kind) => kind === 'begin').length, 1);
      assert.equal(messages.length, 1, JSON.stringify(messages));
      assert.equal(messages[0].type, 1, 'an error');
      assert.match(messages[0].message, /attribution model models\/attribution\.model\.json is missing: sources are found by rules alone/);
      const file = path.join(dir, 'alder-dam-daily.txt');
      const text = fs.readFileSync(file, 'utf8');
      const uri = await server.open(file, text);
      const hoverAt = (words: string) => server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: text.slice(0, text.indexOf(words)).split('\n').length - 1, character: text.split('\n').find((l) => l.includes(words))!.indexOf(words) + 1 } });
      assert.match(JSON.stringify(await hoverAt('Orlov')), /Dmitry Orlov/, 'names are found');
      assert.match(JSON.stringify(await hoverAt('They knew')), /Berg/, 'the rules find who said a quotation');
      const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: { message: string }[] };
      assert.ok(report.items.some((d) => /no source/.test(d.message)), JSON.stringify(report.items));
      assert.equal(server.process.exitCode, null, 'the server is up');
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(install, { recursive: true, force: true });
    }
  });
});
