// A long article opened in the editor is analyzed in the background: the server answers at once meanwhile, and asks
// the editor to pull the article's problems again once they are there.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SAMPLES, sampleWorkspace } from '../support/sampleWorkspace';
import { indexed, startServer } from '../../tools/src/lspClient';

/** Over the 200,000 characters from which an article is analyzed in the background (articleWorkspace LONG_ARTICLE). */
const LONG_LENGTH = 210_000;

interface Report {
  items: { message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}

describe('a long article opened in the editor', () => {
  it('is analyzed in the background: the server answers meanwhile, then its problems are there', async () => {
    const dir = sampleWorkspace('lsp-long');
    const server = await startServer(dir, { articleFiles: ['**/*.txt', '**/*.news'] });
    try {
      await indexed(server);
      const daily = fs.readFileSync(path.join(SAMPLES, 'alder-dam-daily.txt'), 'utf8');
      const body = daily.slice(daily.indexOf('\n') + 1);
      const text = `Alder Dam: the week in reports\n${body.repeat(Math.ceil(LONG_LENGTH / body.length))}`;
      const uri = await server.open(path.join(dir, 'week.article'), text);
      const refreshes = server.seen.get('workspace/diagnostic/refresh') ?? 0;

      const first = await server.connection.sendRequest<Report>('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual(first.items, [], 'answered before the analysis is done');

      // The editor pulls again when asked to; this client pulls until the problems are there.
      const start = Date.now();
      let analyzed = first;
      while (analyzed.items.length === 0) {
        assert.ok(Date.now() - start < 60_000, `its unattributed claims are not reported; stderr: ${server.stderr()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        analyzed = await server.connection.sendRequest<Report>('textDocument/diagnostic', { textDocument: { uri } });
      }
      while ((server.seen.get('workspace/diagnostic/refresh') ?? 0) === refreshes) {
        assert.ok(Date.now() - start < 60_000, 'the editor is asked to pull them');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const document = TextDocument.create(uri, 'article', 1, text);
      for (const { range } of analyzed.items) assert.ok(document.offsetAt(range.end) <= text.length && document.offsetAt(range.start) <= document.offsetAt(range.end));
      assert.equal(server.process.exitCode, null, 'the server is up');
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
