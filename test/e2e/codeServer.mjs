// code-server (a real VS Code: workbench in the browser, extension host in Node) and headless Chromium, offline.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const resultsDir = path.join(repoRoot, 'test-results');

/** code-server 4.100.3 is VS Code 1.100.3, the oldest VS Code the extension supports; it needs Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
export const PLAYWRIGHT_CORE_VERSION = '1.65.1';

/** Outside the repository, so `git clean` and fresh clones keep the ~500 MB install. */
export const cacheDir =
  process.env.NEWS_ANNOTATOR_E2E_CACHE ?? path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'news-annotator-e2e');
export const codeServerBin = path.join(cacheDir, 'node_modules', '.bin', 'code-server');
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** A fresh user-data-dir and extensions-dir under `dir`, with settings that keep the workbench quiet and offline. */
export function freshProfile(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  const profile = { dir, userDataDir: path.join(dir, 'user-data'), extensionsDir: path.join(dir, 'extensions') };
  fs.mkdirSync(path.join(profile.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(profile.extensionsDir);
  const settings = {
    // A fresh web profile in headless Chromium would pick a light theme; the screenshots use VS Code's default.
    'workbench.colorTheme': 'Default Dark Modern',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'editor.hover.delay': 100,
    'editor.occurrencesHighlight': 'off', // no boxes around the word under the cursor in the screenshots
    'git.openRepositoryInParentFolders': 'never', // the run folder is inside the repository
    'chat.disableAIFeatures': true,
  };
  fs.writeFileSync(path.join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return profile;
}

const profileArgs = (profile) => ['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];

export function installExtension(profile, vsix) {
  execFileSync(codeServerBin, [...profileArgs(profile), '--install-extension', vsix], { stdio: 'pipe' });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on a free port of 127.0.0.1, with no gallery, telemetry or update check, and waits until it
 * answers. `env` reaches the extension host. Its output goes to code-server.log in the profile's folder.
 */
export async function startCodeServer(profile, env = {}) {
  const port = await freePort();
  const log = fs.openSync(path.join(profile.dir, 'code-server.log'), 'w');
  const startedAt = Date.now();
  const child = spawn(
    codeServerBin,
    ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', ...profileArgs(profile)],
    // Its own process group, so stop() ends the extension hosts and language servers it started too.
    { detached: true, stdio: ['ignore', log, log], env: { ...process.env, ...env, EXTENSIONS_GALLERY: '{}' } },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (!running()) return;
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  process.once('exit', () => running() && process.kill(-child.pid, 'SIGKILL'));
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(1)); // runs the line above
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60000; ; ) {
    if (!running()) throw new Error(`code-server exited with ${child.exitCode}; see ${path.join(profile.dir, 'code-server.log')}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('code-server did not answer within 60 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, port, startedAt, stop };
}

/** The Debian Chromium driven by the cached playwright-core (Playwright's own browser download needs the network). */
export function launchBrowser() {
  const { chromium } = createRequire(path.join(cacheDir, 'package.json'))('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Writes the page's console to `file`, for when a step fails. */
export function recordConsole(page, file) {
  const out = fs.createWriteStream(file);
  page.on('console', (message) => out.write(`[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => out.write(`[pageerror] ${error.message}\n`));
}
