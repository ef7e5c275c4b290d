// `npm run test:e2e`: the extension in a real VS Code (code-server) driven by headless Chromium, offline.
// Checks the prerequisites, installs code-server into a cache outside the repository when it is missing, packages
// the .vsix, then runs the UI test and the extension-host suite. `-- --update-screenshots` also copies the
// screenshots into docs/images for the README.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheDir, chromiumPath, CODE_SERVER_VERSION, PLAYWRIGHT_CORE_VERSION, repoRoot, resultsDir } from './codeServer.mjs';

const installed = { 'code-server': CODE_SERVER_VERSION, 'playwright-core': PLAYWRIGHT_CORE_VERSION };
const installedFile = path.join(cacheDir, 'installed.json');

function fail(line) {
  console.error(`e2e: ${line}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', ...options });
  if (result.status !== 0) fail(`\`${[command, ...args].join(' ')}\` failed (exit ${result.status ?? result.signal})`);
}

const which = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();

function installCodeServer() {
  // Building code-server's native modules (kerberos, node-pty, spdlog...) needs these; ripgrep is seeded below.
  const needed = { rg: 'ripgrep', 'krb5-config': 'libkrb5-dev', 'g++': 'g++', make: 'make', python3: 'python3' };
  const missing = Object.entries(needed).filter(([command]) => !which(command)).map(([, debianPackage]) => debianPackage);
  if (missing.length > 0) {
    fail(`code-server is not in ${cacheDir} and installing it needs the Debian packages: ${missing.join(' ')} (apt-get install -y ${missing.join(' ')})`);
  }
  const ripgrepTarget = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[process.arch];
  if (process.platform !== 'linux' || !ripgrepTarget) fail(`the e2e tests run on Linux x64 or arm64, not ${process.platform} ${process.arch}`);
  console.log(`e2e: installing code-server ${CODE_SERVER_VERSION} and playwright-core ${PLAYWRIGHT_CORE_VERSION} into ${cacheDir} (once, a few minutes)`);
  fs.rmSync(cacheDir, { recursive: true, force: true });
  // @vscode/ripgrep 1.15.11 (in code-server 4.100.3) downloads rg from GitHub in its postinstall unless its cache in
  // os.tmpdir() already holds the archive: seed it with the system's rg and point TMPDIR at it.
  const tmp = path.join(cacheDir, 'tmp');
  const ripgrepCache = path.join(tmp, 'vscode-ripgrep-cache-1.15.11');
  fs.mkdirSync(ripgrepCache, { recursive: true });
  const rg = which('rg');
  execFileSync('tar', ['-h', '-C', path.dirname(rg), '-czf', path.join(ripgrepCache, `ripgrep-v13.0.0-10-${ripgrepTarget}.tar.gz`), path.basename(rg)]);
  const env = { ...process.env, TMPDIR: tmp, npm_config_yes: 'true', npm_config_unsafe_perm: 'true' }; // code-server's postinstall refuses root without unsafe-perm
  const nodeDir = path.resolve(process.execPath, '../..');
  if (fs.existsSync(path.join(nodeDir, 'include', 'node', 'node.h'))) env.npm_config_nodedir = nodeDir; // node-gyp would download the headers
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', cacheDir, ...Object.entries(installed).map(([name, version]) => `${name}@${version}`)], {
    cwd: cacheDir,
    env,
  });
  fs.writeFileSync(installedFile, JSON.stringify(installed));
}

if (process.versions.node.split('.')[0] !== '20') fail(`code-server ${CODE_SERVER_VERSION} needs Node 20; this is Node ${process.version}`);
if (!fs.existsSync(chromiumPath)) fail(`Chromium not found at ${chromiumPath}; install the Debian package 'chromium' (or set CHROMIUM to a Chromium binary)`);
const cached = fs.existsSync(installedFile) && fs.readFileSync(installedFile, 'utf8') === JSON.stringify(installed);
if (!cached) installCodeServer();

run('npm', ['run', 'package']); // the UI test installs the .vsix, as a user would
run('npx', ['tsc', '-b']); // the fixture workspace, the schema validator and the extension-host suite are compiled

const timingsFile = path.join(resultsDir, 'e2e-timings.json');
fs.rmSync(timingsFile, { force: true });
const tests = ['ui.test.mjs', 'extensionHost.test.mjs'].map((file) => path.join('test', 'e2e', file));
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...tests], { cwd: repoRoot, stdio: 'inherit' });

if (fs.existsSync(timingsFile)) {
  const { fromCodeServerStart, vscodeActivationMs } = JSON.parse(fs.readFileSync(timingsFile, 'utf8'));
  const { extensionActivatedMs, firstDiagnosticsDrawnMs } = fromCodeServerStart;
  const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`e2e: from code-server start: extension activated ${seconds(extensionActivatedMs)}, first diagnostics drawn ${seconds(firstDiagnosticsDrawnMs)}`);
  console.log(`e2e: activation time in Developer: Show Running Extensions: ${vscodeActivationMs} ms (loading the code and activate())`);
}
console.log(`e2e: screenshots in ${path.join(resultsDir, 'screenshots')}, logs in ${resultsDir}/e2e-*/`);
if (result.status === 0 && process.argv.includes('--update-screenshots')) {
  const images = path.join(repoRoot, 'docs', 'images');
  fs.mkdirSync(images, { recursive: true });
  for (const name of ['editor-colors', 'hover-card', 'problems-panel', 'annotate-menu']) {
    fs.copyFileSync(path.join(resultsDir, 'screenshots', `${name}.png`), path.join(images, `${name}.png`));
  }
  console.log(`e2e: screenshots copied to ${images}`);
}
process.exit(result.status ?? 1);
