// The extension-host mocha suite (test/vscode/suite, the one `npm run test:vscode` runs in a downloaded VS Code with
// @vscode/test-electron) run unchanged inside code-server: the workbench takes extensionDevelopmentPath and
// extensionTestsPath from its URL payload, and calls window.codeAutomationExit(code) when the suite is done.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { test } from 'node:test';
import { freshProfile, launchBrowser, recordConsole, repoRoot, resultsDir, startCodeServer } from './codeServer.mjs';

const require = createRequire(import.meta.url);
const { makeFixtureWorkspace } = require('../../out/test/vscode/fixtureWorkspace.js');

test('the extension-host suite passes inside code-server', { timeout: 240000 }, async (t) => {
  const profile = freshProfile(path.join(resultsDir, 'e2e-extension-host'));
  const workspace = path.join(profile.dir, 'workspace');
  fs.mkdirSync(workspace);
  makeFixtureWorkspace(workspace);
  const resultsFile = path.join(profile.dir, 'results.json');
  // EXT_TEST_RESULTS reaches the extension host, where suite/index.js writes each test's outcome.
  const server = await startCodeServer(profile, { EXT_TEST_RESULTS: resultsFile });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    recordConsole(page, path.join(profile.dir, 'browser-console.log'));
    let exited;
    const exitCode = new Promise((resolve) => (exited = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => exited(code));
    const remote = (file) => `vscode-remote://127.0.0.1:${server.port}${file}`;
    const payload = [
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionTestsPath', remote(path.join(repoRoot, 'out/test/vscode/suite/index.js'))],
    ];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('the suite did not finish within 180 s')), 180000).unref());
    const code = await Promise.race([exitCode, timeout]);

    assert.ok(fs.existsSync(resultsFile), `the suite wrote ${resultsFile}`);
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    for (const title of results.passes) await t.test(title, () => {});
    for (const failure of results.failures) await t.test(failure.title, () => assert.fail(failure.error));
    assert.equal(code, 0, 'codeAutomationExit code');
  } finally {
    await browser.close();
    await server.stop();
  }
});
