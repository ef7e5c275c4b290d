// The on-disk analysis cache as the editor uses it: a second start reads analyses instead of computing them, and
// what it reports is what a fresh analysis reports, also for an article changed while the editor was closed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { SAMPLES, sampleWorkspace } from '../support/sampleWorkspace';
import { indexed, startServer } from '../../tools/src/lspClient';

const SETTINGS = { articleFiles: ['**/*.txt', '**/*.news'] };

interface WorkspaceReport {
  items: { uri: string; items?: { code: string; message: string; range: unknown }[] }[];
}

async function diagnosticsOnce(dir: string, cacheDir: string): Promise<Map<string, unknown>> {
  const server = await startServer(dir, SETTINGS, cacheDir);
  try {
    await indexed(server);
    const report = await server.connection.sendRequest<WorkspaceReport>('workspace/diagnostic', { previousResultIds: [] });
    return new Map(report.items.map((item) => [item.uri, item.items?.map(({ code, message, range }) => ({ code, message, range }))]));
  } finally {
    await server.stop();
  }
}

/** Entries in their own files (in shard folders; the pack beside them holds copies). */
const countFiles = (dir: string): number =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? fs.readdirSync(path.join(dir, e.name)).length : 0), 0);

describe('analysis cache across editor sessions', () => {
  it('keeps one analysis per article, reports the same problems from it, and re-analyzes a changed article', async () => {
    const dir = sampleWorkspace('lsp-cache');
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-cache-'));
    const first = await diagnosticsOnce(dir, cacheDir);
    assert.equal(countFiles(cacheDir), fs.readdirSync(SAMPLES).length);
    const withProblems = [...first].find(([, items]) => Array.isArray(items) && items.length > 0)?.[0];
    assert.ok(withProblems, 'the samples have problems to report');

    assert.deepEqual(await diagnosticsOnce(dir, cacheDir), first);

    fs.writeFileSync(URI.parse(withProblems).fsPath, 'Weather\n\nIt rained in the afternoon.\n');
    const after = await diagnosticsOnce(dir, cacheDir);
    assert.deepEqual(after.get(withProblems), []);
  });

  it('drops the analyses of articles deleted since the last session, and keeps those of the others through a re-index', async () => {
    const dir = sampleWorkspace('lsp-cache-prune');
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-cache-'));
    await diagnosticsOnce(dir, cacheDir);
    const [deleted] = fs.readdirSync(dir);
    fs.rmSync(path.join(dir, deleted));

    const server = await startServer(dir, SETTINGS, cacheDir);
    try {
      await indexed(server);
      await cacheTidied(server);
      assert.equal(countFiles(cacheDir), fs.readdirSync(SAMPLES).length - 1);
      // Settings changed: every article is read again, none analyzed, and none of their analyses may go.
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await reindexed(server);
      await cacheTidied(server);
      assert.equal(countFiles(cacheDir), fs.readdirSync(SAMPLES).length - 1);
    } finally {
      await server.stop();
    }
  });
});

/**
 * Waits until the cache has been pruned after the last indexing: the server does that right after it reports the end
 * of indexing, before it reads any request that comes after that report.
 */
async function cacheTidied(server: Awaited<ReturnType<typeof startServer>>): Promise<void> {
  await server.connection.sendRequest('workspace/symbol', { query: '' });
}

/** Waits for the end of a second indexing pass (the server refreshes diagnostics at the end of each). */
async function reindexed(server: Awaited<ReturnType<typeof startServer>>): Promise<void> {
  const start = Date.now();
  while ((server.seen.get('workspace/diagnostic/refresh') ?? 0) < 2) {
    if (Date.now() - start > 20000) throw new Error(`server did not index again; stderr: ${server.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
