// One language server for a whole test suite: started on a fresh sample workspace and indexed before the suite's
// tests, stopped and the workspace removed after them.
import * as fs from 'node:fs';
import { after, before } from 'node:test';
import { indexed, startServer, type TestServer } from '../../tools/src/lspClient';

export interface SuiteServer {
  dir: string;
  server: TestServer;
}

/** Registers the suite's before/after hooks; `started` receives the workspace folder and the indexed server. */
export function serveDuringSuite(makeWorkspace: () => string, settings: Record<string, unknown>, started: (suite: SuiteServer) => void): void {
  let suite: SuiteServer | undefined;
  before(async () => {
    const dir = makeWorkspace();
    suite = { dir, server: await startServer(dir, settings) };
    await indexed(suite.server);
    started(suite);
  });
  after(async () => {
    if (!suite) return;
    await suite.server.stop();
    fs.rmSync(suite.dir, { recursive: true, force: true });
  });
}
