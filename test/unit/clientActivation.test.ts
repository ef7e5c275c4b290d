// The client's activate() when the language client's code cannot be loaded: the failure is shown once, no promise is
// left rejected with no handler, and deactivate() still settles. Runs the compiled client with a stand-in vscode API.
import * as assert from 'node:assert/strict';
import Module from 'node:module';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const EXTENSION = path.resolve(__dirname, '../../client/src/extension.js');

/** The members of the vscode API that activate() touches. */
function vscodeStandIn(errors: string[]): Record<string, unknown> {
  const disposable = () => ({ dispose() {} });
  return {
    workspace: { onDidOpenTextDocument: disposable, onDidChangeConfiguration: disposable, textDocuments: [] },
    commands: { registerCommand: disposable },
    window: { showErrorMessage: (message: string) => errors.push(message) },
  };
}

describe('client activation', () => {
  it('reports a language client that did not load once, leaves no unhandled rejection, and deactivates', async () => {
    const errors: string[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    const moduleLoader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const load = moduleLoader._load;
    moduleLoader._load = (request, ...rest) => {
      if (request === 'vscode') return vscodeStandIn(errors);
      if (request === './languageClient') throw new Error('languageClient.js is missing');
      return load(request, ...rest);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      const extension = require(EXTENSION) as { activate(context: unknown): Promise<{ started: Promise<void> }>; deactivate(): Promise<void> };
      const api = await extension.activate({ subscriptions: [], asAbsolutePath: (p: string) => p, globalStorageUri: { fsPath: '/tmp' } });
      await api.started;
      // Node reports a rejection with no handler once the microtasks have run.
      await new Promise((resolve) => setImmediate(resolve));
      await extension.deactivate();
      assert.equal(errors.length, 1);
      assert.match(errors[0], /did not load: languageClient\.js is missing/);
      assert.deepEqual(unhandled, []);
    } finally {
      moduleLoader._load = load;
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
