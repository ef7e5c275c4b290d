// The client's activate(), which loads the language client's code after it returns: a command run before then waits
// for it; code that cannot be loaded is shown once, no promise is left rejected with no handler, and deactivate() still
// settles. Runs the compiled client with a stand-in vscode API.
import * as assert from 'node:assert/strict';
import Module from 'node:module';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const EXTENSION = path.resolve(__dirname, '../../client/src/extension.js');

type Handler = (...args: unknown[]) => Promise<unknown>;

/** The members of the vscode API that activate() and setArticleDate touch; registered commands go to `commands`. */
function vscodeStandIn(errors: string[], commands = new Map<string, Handler>()): Record<string, unknown> {
  const disposable = () => ({ dispose() {} });
  return {
    workspace: { onDidOpenTextDocument: disposable, onDidChangeConfiguration: disposable, textDocuments: [] },
    commands: { registerCommand: (name: string, handler: Handler) => (commands.set(name, handler), disposable()) },
    window: { showErrorMessage: (message: string) => errors.push(message), showInformationMessage: () => undefined },
  };
}

type Extension = { activate(context: unknown): Promise<{ started: Promise<void> }>; deactivate(): Promise<void> };
const CONTEXT = { subscriptions: [], asAbsolutePath: (p: string) => p, globalStorageUri: { fsPath: '/tmp' } };

/** The compiled client, loaded afresh with `vscode` and `./languageClient` answered by `stand`. */
function withStandIns<T>(stand: (request: string) => unknown, run: (extension: Extension) => Promise<T>): Promise<T> {
  const moduleLoader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = moduleLoader._load;
  moduleLoader._load = (request, ...rest) => stand(request) ?? load(request, ...rest);
  delete require.cache[EXTENSION];
  return run(require(EXTENSION) as Extension).finally(() => {
    moduleLoader._load = load;
  });
}

describe('client activation', () => {
  it('runs a command given before the language client has loaded once it has', async () => {
    const commands = new Map<string, Handler>();
    const sent: unknown[] = [];
    const client = {
      outputChannel: { appendLine() {} },
      start: async () => undefined,
      stop: async () => undefined,
      sendRequest: async (method: string, params: unknown) => (sent.push([method, params]), true),
    };
    const stand = (request: string) =>
      request === 'vscode' ? vscodeStandIn([], commands) : request === './languageClient' ? { createLanguageClient: () => client } : undefined;
    await withStandIns(stand, async (extension) => {
      const api = await extension.activate(CONTEXT);
      // activate() has returned; the language client's code loads on the next turn of the event loop.
      const done = commands.get('newsAnnotator.setArticleDate')!('file:///a.article', null, '2016-10-15');
      assert.deepEqual(sent, []);
      await done;
      await api.started;
      await extension.deactivate();
    });
    assert.deepEqual(sent, [['workspace/executeCommand', { command: 'newsAnnotator.storeArticleDate', arguments: ['file:///a.article', '2016-10-15'] }]]);
  });

  it('reports a language client that did not load once, leaves no unhandled rejection, and deactivates', async () => {
    const errors: string[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    const stand = (request: string) => {
      if (request === 'vscode') return vscodeStandIn(errors);
      if (request === './languageClient') throw new Error('languageClient.js is missing');
      return undefined;
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      await withStandIns(stand, async (extension) => {
        const api = await extension.activate(CONTEXT);
        await api.started;
        // Node reports a rejection with no handler once the microtasks have run.
        await new Promise((resolve) => setImmediate(resolve));
        await extension.deactivate();
      });
      assert.equal(errors.length, 1);
      assert.match(errors[0], /did not load: languageClient\.js is missing/);
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
