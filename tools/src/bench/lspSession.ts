// Drives the bundled server (dist/server.js) over stdio as an editor would, for latency and memory figures.
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { URI } from 'vscode-uri';
import { repoRoot } from '../dataPaths';

export interface LspSession {
  connection: MessageConnection;
  /** Resolves when the first indexing pass is over (the server then asks the editor to refresh diagnostics). */
  indexed: Promise<void>;
  open(filePath: string, text: string): string;
  /** The server's peak resident memory so far, in MB (Linux: VmHWM). */
  peakRssMb(): number | null;
  stop(): Promise<void>;
}

export async function startSession(workspaceFolder: string, settings: Record<string, unknown>, cacheDir?: string): Promise<LspSession> {
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  let markIndexed = () => {};
  const indexed = new Promise<void>((resolve) => (markIndexed = resolve));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
  connection.onRequest('workspace/diagnostic/refresh', () => {
    markIndexed();
    return null;
  });
  for (const method of ['window/workDoneProgress/create', 'client/registerCapability', 'workspace/semanticTokens/refresh', 'window/showMessageRequest']) {
    connection.onRequest(method, () => null);
  }
  connection.onNotification(() => {});
  connection.listen();
  const rootUri = URI.file(workspaceFolder).toString();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: path.basename(workspaceFolder) }],
    initializationOptions: { settings, cacheDir },
    capabilities: {
      workspace: { configuration: true, diagnostics: { refreshSupport: true }, semanticTokens: { refreshSupport: true }, workspaceFolders: true },
      window: { workDoneProgress: true },
      textDocument: { diagnostic: { relatedDocumentSupport: false } },
    },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    indexed,
    open(filePath, text) {
      const uri = URI.file(filePath).toString();
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version: 1, text } });
      return uri;
    },
    peakRssMb() {
      try {
        const kb = /VmHWM:\s*(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return kb ? Number(kb[1]) / 1024 : null;
      } catch {
        return null;
      }
    },
    async stop() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const timer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(timer);
      connection.dispose();
    },
  };
}

/** Milliseconds from sending `request` to its answer, for each of `times` runs. */
export async function timed(times: number, request: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await request(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
