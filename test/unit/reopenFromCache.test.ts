// A reopen finds each article's analysis in the cache by the hash of the bytes it read, the same key as the text's
// when the analysis was kept: byte order marks, CRLF, accents and emoji included. A changed article is analyzed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { defaultRecognizer } from '../../server/src/entities';
import { type AnalysisJob, analyzeJob } from '../../server/src/lsp/analysisJob';
import type { AnalysisPool } from '../../server/src/lsp/analysisPool';
import { ArticleWorkspace } from '../../server/src/lsp/articleWorkspace';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { withoutSpanTexts } from '../../server/src/lsp/spanTexts';

const ARTICLES: Record<string, string> = {
  'plain.txt': 'Flood in Valmora\n\nMayor Tomas Berg said on Monday that 3,000 homes were lost.\n',
  'bom.txt': '\uFEFFTalks resume in Geneva\r\n\r\nThe United Nations said the talks would resume on Friday.\r\n',
  'accents.txt': 'Zürich 🌊 rises\n\nJosé Núñez told Reuters the river rose 3 meters on Tuesday, a record.\n',
};

/** A pool that analyzes in this thread and counts the articles it was given. */
function countingPool(analyzed: string[]): AnalysisPool {
  const recognizer = defaultRecognizer();
  const analyze = (job: AnalysisJob) => {
    analyzed.push(path.basename(URI.parse(job.uri).fsPath));
    return Promise.resolve(JSON.stringify(withoutSpanTexts(analyzeJob(job, recognizer), job.text)));
  };
  return { analyze, size: 1 } as unknown as AnalysisPool;
}

async function open(dir: string, cacheDir: string, analyzed: string[]): Promise<ArticleWorkspace> {
  const workspace = new ArticleWorkspace(defaultRecognizer());
  workspace.configure([{ uri: URI.file(dir).toString(), path: dir }], { ...DEFAULT_SETTINGS, articleFiles: ['**/*.txt'] });
  workspace.useCache(cacheDir, 'v1');
  const pool = countingPool(analyzed);
  for (const file of workspace.scan()) assert.equal(await workspace.loadFromDiskIn(file, pool), true);
  workspace.endIndexing();
  return workspace;
}

describe('reopening from the analysis cache', () => {
  it('analyzes no unchanged article again, whatever its encoding details, and the changed one only', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-reopen-'));
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-reopen-cache-'));
    for (const [name, text] of Object.entries(ARTICLES)) fs.writeFileSync(path.join(dir, name), text);

    const first: string[] = [];
    const cold = await open(dir, cacheDir, first);
    assert.deepEqual(first.sort(), Object.keys(ARTICLES).sort());

    const second: string[] = [];
    const reopened = await open(dir, cacheDir, second);
    assert.deepEqual(second, []);
    for (const uri of cold.uris()) {
      const article = reopened.article(uri)!;
      assert.deepEqual(article.analysis, cold.article(uri)!.analysis);
      for (const entity of article.analysis.entities) assert.equal(article.text.slice(entity.start, entity.end), entity.text);
    }

    fs.writeFileSync(path.join(dir, 'accents.txt'), ARTICLES['accents.txt'].replace('Tuesday', 'Wednesday'));
    const third: string[] = [];
    await open(dir, cacheDir, third);
    assert.deepEqual(third, ['accents.txt']);
  });
});
