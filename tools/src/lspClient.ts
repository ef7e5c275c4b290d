// A minimal LSP client that plays the editor's part over stdio against dist/server.js: for protocol tests and the bench.
import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { URI } from 'vscode-uri';
import { SERVER_ENVIRONMENT } from '../../server/src/serverEnvironment';

export const SERVER = path.resolve(__dirname, '../../../dist/server.js');

export interface TestServer {
  connection: MessageConnection;
  process: ChildProcess;
  /** Counts of server-to-client requests and notifications seen, by method. */
  seen: Map<string, number>;
  stderr: () => string;
  open(filePath: string, text: string, version?: number): Promise<string>;
  stop(): Promise<void>;
}

export interface ClientOptions {
  /**
   * Pull the open documents' diagnostics when the server asks for a refresh, as VS Code's client does. Off for the
   * protocol tests, which pull when they mean to; on for the bench, which should see what an editor makes the server do.
   */
  pullOnRefresh?: boolean;
  /** The server bundle to run (a copy of an install, damaged on purpose); SERVER by default. */
  serverFile?: string;
}

export async function startServer(workspaceFolder: string, settings: Record<string, unknown> = {}, cacheDir?: string, options: ClientOptions = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [options.serverFile ?? SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...SERVER_ENVIRONMENT } });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const seen = new Map<string, number>();
  const count = (method: string) => seen.set(method, (seen.get(method) ?? 0) + 1);
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
    count('workspace/configuration');
    return params.items.map(() => settings);
  });
  const opened: string[] = [];
  for (const method of ['window/showMessageRequest', 'window/workDoneProgress/create', 'client/registerCapability', 'workspace/diagnostic/refresh', 'workspace/semanticTokens/refresh']) {
    connection.onRequest(method, () => {
      count(method);
      if (method === 'workspace/diagnostic/refresh' && options.pullOnRefresh) {
        for (const uri of opened) connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }).catch(() => undefined);
      }
      return null;
    });
  }
  connection.onNotification((method) => {
    count(method);
  });
  connection.listen();
  const rootUri = URI.file(workspaceFolder).toString();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'test' }],
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
    process: child,
    seen,
    stderr: () => stderr,
    async open(filePath, text, version = 1) {
      const uri = URI.file(filePath).toString();
      opened.push(uri);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version, text } });
      return uri;
    },
    async stop() {
      const exited = child.exitCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // already gone: the exit code tells
      }
      const timer = setTimeout(() => child.kill(), 5000); // keeps the loop alive, and ends a server that hangs
      await exited;
      clearTimeout(timer);
      connection.dispose();
    },
  };
}

/** Waits until the server has finished its first indexing pass (it refreshes diagnostics when done). */
export async function indexed(server: TestServer, timeoutMs = 20000): Promise<void> {
  const start = Date.now();
  while (!server.seen.get('workspace/diagnostic/refresh')) {
    if (Date.now() - start > timeoutMs) throw new Error(`server did not finish indexing; stderr: ${server.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
