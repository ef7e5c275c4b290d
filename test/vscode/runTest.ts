// Runs the extension-host suite in a downloaded VS Code (the minimum supported version) with @vscode/test-electron.
// Offline, the same suite runs inside code-server instead (see README, "Testing").
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { makeFixtureWorkspace } from './fixtureWorkspace';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const minimum = String(manifest.engines.vscode).replace(/^\^/, '');
  const workspace = makeFixtureWorkspace(fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-vscode-')));
  await runTests({
    version: process.env.VSCODE_VERSION ?? minimum,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error) => {
  console.error(`Extension-host tests failed: ${(error as Error).message}`);
  process.exit(1);
});
