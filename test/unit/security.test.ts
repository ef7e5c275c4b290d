// Security: the extension runs nothing from the workspace, writes exports only where the user chose, and never opens
// a network connection (articles may be embargoed).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SAMPLES = path.join(ROOT, 'samples');

/** Every file below a folder, relative to it. */
const filesUnder = (dir: string) => (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();

describe('security', () => {
  it('declares untrusted workspaces supported: nothing in the workspace is run', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.dependencies, undefined, 'everything is bundled: no runtime dependency installed from a registry');
  });

  it('a brat export of articles named with ../ writes only inside the chosen folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-export-'));
    fs.mkdirSync(path.join(dir, 'articles'));
    fs.mkdirSync(path.join(dir, 'work'));
    fs.copyFileSync(path.join(SAMPLES, 'alder-dam-wire.txt'), path.join(dir, 'articles', 'wire.txt'));
    fs.copyFileSync(path.join(SAMPLES, 'alder-dam-daily.txt'), path.join(dir, 'daily.txt'));
    const result = spawnSync(process.execPath, [CLI, 'export', '--format', 'brat', '--out', 'chosen', '../articles/wire.txt', '../daily.txt', path.join(dir, 'articles', 'wire.txt')], {
      cwd: path.join(dir, 'work'),
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    const outside = filesUnder(dir).filter((f) => !f.startsWith(`work${path.sep}chosen${path.sep}`));
    assert.deepEqual(outside, [path.join('articles', 'wire.txt'), 'daily.txt'], 'nothing written beside the articles');
    assert.ok(filesUnder(path.join(dir, 'work', 'chosen')).some((f) => f.endsWith(path.join('articles', 'wire.ann'))));
  });

  it('the command line opens no network connection', () => {
    // A preload that fails any outgoing connection or name lookup, and records the attempt.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-offline-'));
    const guard = path.join(dir, 'offline.js');
    fs.writeFileSync(
      guard,
      `const net = require('node:net'), dns = require('node:dns');
const refuse = (what) => function () { process.stderr.write('NETWORK ' + what + '\\n'); throw new Error('network access: ' + what); };
net.Socket.prototype.connect = refuse('connect');
dns.lookup = refuse('dns.lookup');
dns.resolve = refuse('dns.resolve');`,
    );
    const result = spawnSync(process.execPath, ['--require', guard, CLI, 'summary', SAMPLES, '--out', path.join(dir, 'summary.json')], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /NETWORK/);
  });

  it('the server and command-line bundles load no HTTP, TLS, DNS or UDP module', () => {
    for (const bundle of ['server.js', 'cli.js']) {
      const code = fs.readFileSync(path.join(ROOT, 'dist', bundle), 'utf8');
      const modules = [...code.matchAll(/require\("(?:node:)?(http|https|http2|tls|dns|dgram)"\)/g)].map((m) => m[1]);
      assert.deepEqual(modules, [], bundle);
    }
  });
});
