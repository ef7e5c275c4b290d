// Reopening a workspace from the analysis cache: the editor gets the same answers as after a cold index, whether the
// analyses come from the cache's pack file or from their own entry files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { sampleWorkspace } from '../support/sampleWorkspace';
import { indexed, startServer } from '../../tools/src/lspClient';

const SETTINGS = { articleFiles: ['**/*.txt', '**/*.news'] };

interface Position {
  line: number;
  character: number;
}

/** Starts a server on `dir` with the cache in `cacheDir`, and asks what an editor asks of every article. */
async function answers(dir: string, cacheDir: string): Promise<unknown[]> {
  const server = await startServer(dir, SETTINGS, cacheDir);
  const request = <T>(method: string, params: unknown) => server.connection.sendRequest<T>(method, params);
  try {
    await indexed(server);
    // In the order the articles were indexed, with opaque result ids: by article, without the ids.
    const { items } = await request<{ items: { uri: string; resultId?: string }[] }>('workspace/diagnostic', { previousResultIds: [] });
    const seen: unknown[] = items.map(({ resultId: _, ...report }) => report).sort((a, b) => (a.uri < b.uri ? -1 : 1));
    for (const file of fs.readdirSync(dir).sort()) {
      const textDocument = { uri: URI.file(path.join(dir, file)).toString() };
      const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
      // Every name and date (the semantic tokens), and the middle of every line (quotes, claims).
      const { data } = await request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument });
      const positions: Position[] = lines.map((line, i) => ({ line: i, character: Math.floor(line.length / 2) }));
      for (let i = 0, line = 0, character = 0; i < data.length; i += 5) {
        line += data[i];
        character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
        positions.push({ line, character });
      }
      seen.push(data, await request('textDocument/documentSymbol', { textDocument }));
      for (const position of positions) {
        seen.push(await request('textDocument/hover', { textDocument, position }));
        seen.push(await request('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }));
        seen.push(await request('textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } }));
      }
    }
    seen.push(await request('workspace/symbol', { query: '' }));
    return seen;
  } finally {
    await server.stop();
  }
}

describe('reopening a workspace from the analysis cache', () => {
  it('answers hovers, references, symbols, tokens and problems exactly as after a cold index', async () => {
    const dir = sampleWorkspace('reopen', {
      'flood-social.txt': '\uFEFFValmora flood 🌊 latest\r\n\r\n🌊 Mayor Tomas Berg says 😀 the flood destroyed 3,000 homes in Valmora.\r\n',
    });
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-cache-'));
    const cold = await answers(dir, cacheDir);
    assert.ok(fs.existsSync(path.join(cacheDir, 'pack')), 'the cold index packed its analyses');
    assert.ok(cold.some((answer) => JSON.stringify(answer)?.includes('Tomas Berg')), 'the answers name the people of the articles');

    assert.deepEqual(await answers(dir, cacheDir), cold, 'from the pack');
    fs.rmSync(path.join(cacheDir, 'pack'));
    assert.deepEqual(await answers(dir, cacheDir), cold, "from the entries' files");
  });
});
