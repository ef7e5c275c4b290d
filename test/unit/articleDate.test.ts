// The article's date an editor sets: stored with the article's decisions, and honoured by the command line.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { emptyDecisionFile, parseDecisionFile, serializeDecisionFile, setArticleDate, setClaimStatus } from '../../server/src/decisions';
import { parseSettings } from '../../server/src/lsp/settings';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

describe('article date decisions', () => {
  it('round-trips beside the claim decisions and can be removed', () => {
    const text = 'Headline\n\nThe flood is the worst in forty years.\n';
    const claims = setClaimStatus(emptyDecisionFile('a.txt'), text, { start: 10, end: 48 }, 'verified', 'ed', new Date('2026-01-02T03:04:05Z'));
    const dated = setArticleDate(claims, '2025-03-16', 'ed', new Date('2026-01-02T03:04:05Z'));
    const parsed = parseDecisionFile(serializeDecisionFile(dated));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.file, dated);
    assert.deepEqual(parsed.file.articleDate, { date: '2025-03-16', author: 'ed', created: '2026-01-02T03:04:05.000Z' });
    assert.equal(parsed.file.annotations.length, 1);
    const cleared = setArticleDate(dated, null, 'ed', new Date());
    assert.equal('articleDate' in cleared, false);
    assert.deepEqual(cleared.annotations, dated.annotations);
  });

  it('refuses a file whose article date is not a calendar day', () => {
    const parsed = parseDecisionFile('{"version": 1, "annotations": [], "articleDate": {"date": "2025-02-30", "author": "ed", "created": "x"}}');
    assert.ok(!parsed.ok && /articleDate is malformed/.test(parsed.reason));
  });

  it('the command line resolves an article against the date stored with it, before --reference-date', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-date-'));
    fs.copyFileSync(path.join(ROOT, 'samples', 'alder-dam-daily.txt'), path.join(dir, 'daily.txt'));
    const file = setArticleDate(emptyDecisionFile('daily.txt'), '2025-03-16', 'ed', new Date());
    fs.mkdirSync(path.join(dir, '.annotations'));
    fs.writeFileSync(path.join(dir, '.annotations', 'daily.txt.json'), serializeDecisionFile(file));
    const result = spawnSync(process.execPath, [CLI, 'export', '--reference-date', '2020-01-01', dir], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const [article] = JSON.parse(result.stdout).articles;
    assert.equal(article.referenceDate, '2025-03-16');
    assert.equal(article.dates.find((d: { text: string }) => d.text === 'Saturday')?.value, '2025-03-15');
  });
});

describe('date settings', () => {
  it('inlay hints for dates are on unless switched off', () => {
    assert.equal(parseSettings({}).dateHints, true);
    assert.equal(parseSettings({ inlayHints: { dates: false } }).dateHints, false);
  });
});
