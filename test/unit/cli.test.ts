import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { validateExport } from '../support/schema';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });

describe('command line (dist/cli.js)', () => {
  it('exports a folder as contract JSON with paths relative to the folder', () => {
    const result = run('export', 'samples');
    assert.equal(result.status, 0, result.stderr);
    const doc = JSON.parse(result.stdout);
    assert.ok(validateExport(doc), JSON.stringify(validateExport.errors));
    assert.deepEqual(doc.articles.map((a: { path: string }) => a.path), ['alder-dam-briefing.news', 'alder-dam-daily.txt', 'alder-dam-explainer.txt', 'alder-dam-wire.txt']);
  });

  it('keeps a file path as given, applies --reference-date when the article has no date, and writes --out', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'na-cli-')), 'nested', 'out.json');
    const result = run('export', '--reference-date', '2025-03-17', '--out', out, 'samples/alder-dam-daily.txt');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.equal(doc.articles[0].path, 'samples/alder-dam-daily.txt');
    assert.equal(doc.articles[0].referenceDate, '2025-03-17');
    assert.ok(doc.articles[0].dates.some((d: { text: string; value: string }) => d.text === 'March 15' && d.value === '2025-03-15'));
  });

  it('fails with one clear line and no stack trace for user errors', () => {
    const cases: [string[], RegExp, number][] = [
      [['export', 'no/such/file.txt'], /^news-annotator: cannot read no\/such\/file\.txt: no such file or folder$/m, 1],
      [['export', '--format', 'xml', 'samples'], /unknown format 'xml'/, 2],
      [['export', '--reference-date', '2025-02-30', 'samples'], /--reference-date must be a date/, 2],
      [['export'], /no PATH given/, 2],
      [['frobnicate'], /unknown command 'frobnicate'/, 2],
      [['export', '--format', 'brat', 'samples'], /brat writes one \.ann file per article: give --out FOLDER/, 2],
      [['import', '--format', 'conll', '--from', 'x', 'samples'], /import needs --format w3c or brat/, 2],
      [['import', '--format', 'w3c', 'samples'], /import needs --from FILE/, 2],
      [['import', '--format', 'w3c', '--from', 'no/such.json', 'samples'], /^news-annotator: cannot read no\/such\.json: ENOENT$/m, 1],
      [['import', '--format', 'w3c', '--from', 'package.json', 'samples'], /not a W3C Web Annotation file/, 1],
    ];
    for (const [args, message, status] of cases) {
      const result = run(...args);
      assert.equal(result.status, status, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('imports nothing when some annotations target articles that were not given', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-cli-'));
    fs.copyFileSync(path.join(ROOT, 'samples', 'alder-dam-wire.txt'), path.join(dir, 'alder-dam-wire.txt'));
    const target = (source: string) => ({ source, selector: [{ type: 'TextQuoteSelector', exact: 'Valmora', prefix: '', suffix: '' }] });
    const annotation = (source: string) => ({ id: `urn:uuid:${crypto.randomUUID()}`, type: 'Annotation', motivation: 'commenting', creator: { type: 'Person', name: 'ed' }, body: [{ type: 'TextualBody', purpose: 'commenting', value: 'check' }], target: target(source) });
    const file = path.join(dir, 'in.jsonld');
    fs.writeFileSync(file, JSON.stringify({ type: 'AnnotationPage', items: [annotation('alder-dam-wire.txt'), annotation('elsewhere.txt')] }));
    const result = run('import', '--format', 'w3c', '--from', file, dir);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^news-annotator: annotations target articles that were not given: elsewhere\.txt$/m);
    assert.ok(!fs.existsSync(path.join(dir, '.annotations')), 'nothing written');
  });

  it('refuses a binary or non-UTF-8 file named on the command line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-cli-'));
    fs.writeFileSync(path.join(dir, 'bad.txt'), Buffer.from([0x41, 0xff, 0xfe, 0x42]));
    const result = run('export', path.join(dir, 'bad.txt'));
    assert.equal(result.status, 1);
    assert.match(result.stderr, /not valid UTF-8/);
  });

  it('summary prints entities, dates and unattributed claims with line numbers per article', () => {
    const result = run('summary', 'samples');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /== alder-dam-wire\.txt/);
    assert.match(result.stdout, /People: .*Dmitri Orlov/);
    assert.match(result.stdout, /"March 14, 2025" = 2025-03-14/);
    assert.match(result.stdout, /line \d+ \(number, (?:0\.\d\d|1\.00)\): /);
  });
});
