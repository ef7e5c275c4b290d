import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { emptyDecisionFile } from '../../server/src/decisions';
import { defaultRecognizer } from '../../server/src/entities';
import { type AnalysisJob, FORGET_CACHES, analyzeJob } from '../../server/src/lsp/analysisJob';
import { AnalysisFailure, AnalysisPool } from '../../server/src/lsp/analysisPool';
import { withSpanTexts } from '../../server/src/lsp/spanTexts';

const WORKER = path.resolve(__dirname, '../../server/src/lsp/analysisWorker.js');

const job = (text: string): AnalysisJob => ({ uri: 'file:///news/a.txt', text, decisions: emptyDecisionFile('a.txt'), fallbackReferenceDate: '2024-05-01' });

describe('analysis pool (worker threads)', () => {
  const pool = new AnalysisPool(WORKER, 2);
  after(() => pool.close());

  it('analyzes in workers exactly as the main thread does, many articles at once', async () => {
    const texts = [
      'Flood hits Valmora\n\nMayor Tomas Berg said on Monday that 12,000 people had left.\n',
      'Bank raises rates\n\nThe Bank of England raised rates on March 3, officials said.\n',
      'Talks resume\n\nAngela Merkel met Emmanuel Macron in Paris. "We agree," Merkel said.\n',
    ];
    const results = await Promise.all(texts.map((text) => pool.analyze(job(text))));
    results.forEach((json, i) => assert.deepEqual(withSpanTexts(JSON.parse(json), texts[i]), analyzeJob(job(texts[i]), defaultRecognizer())));
  });

  it('gives each analysis as the JSON the cache keeps, without the span texts', async () => {
    const text = 'Flood hits Valmora\n\nMayor Tomas Berg said on Monday that 12,000 people had left.\n';
    const json = await pool.analyze(job(text));
    assert.ok(!json.includes('Tomas Berg said'), 'sentence texts are not sent');
  });

  it('analyzes as before once a worker has forgotten its caches after each share', async () => {
    const forgetful = new AnalysisPool(WORKER, 1, 1);
    try {
      const texts = ['Mayor Tomas Berg said.\n', 'Tomas Berg met Angela Merkel, officials said.\n', 'Merkel said Berg agreed.\n'];
      for (const text of texts) assert.deepEqual(withSpanTexts(JSON.parse(await forgetful.analyze(job(text))), text), analyzeJob(job(text), defaultRecognizer()));
    } finally {
      await forgetful.close();
    }
  });

  it('gives the long articles\' worker V8\'s young generation, faster for keystrokes, and the indexing workers a small one', async () => {
    // A worker that answers with its memory limits.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-pool-'));
    const limitsWorker = path.join(dir, 'limitsWorker.js');
    fs.writeFileSync(limitsWorker, "const { parentPort, resourceLimits } = require('node:worker_threads');\nparentPort.on('message', () => parentPort.postMessage({ json: JSON.stringify(resourceLimits) }));\n");
    const [long, indexing] = [AnalysisPool.forLongArticles(limitsWorker), new AnalysisPool(limitsWorker, 1)];
    try {
      const [longLimits, indexingLimits] = await Promise.all([long, indexing].map(async (p) => JSON.parse(await p.analyze(job(''))) as { maxYoungGenerationSizeMb: number }));
      assert.equal(indexingLimits.maxYoungGenerationSizeMb, 8);
      assert.ok(longLimits.maxYoungGenerationSizeMb > 8, `${longLimits.maxYoungGenerationSizeMb} MB`);
    } finally {
      await Promise.all([long.close(), indexing.close()]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps its workers, which forget their caches at different times so that they never all hold the most memory at once', async () => {
    // A worker that answers with its thread's id and how often it was told to forget before this analysis.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-pool-'));
    const threadWorker = path.join(dir, 'threadWorker.js');
    fs.writeFileSync(
      threadWorker,
      "const { parentPort, threadId } = require('node:worker_threads');\nlet forgot = 0;\n" +
        `parentPort.on('message', (m) => { if (m === ${JSON.stringify(FORGET_CACHES)}) forgot++; else parentPort.postMessage({ json: threadId + ' ' + forgot }); });\n`,
    );
    const staggered = new AnalysisPool(threadWorker, 2, 4);
    try {
      // Two at a time, so that each worker takes one of each pair whichever answers first.
      const replies: string[] = [];
      for (let i = 0; i < 12; i += 2) replies.push(...(await Promise.all([i, i + 1].map((n) => staggered.analyze(job(`Article ${n}.\n`))))));
      const forgotByWorker = new Map<string, number[]>();
      for (const [thread, forgot] of replies.map((reply) => reply.split(' '))) forgotByWorker.set(thread, [...(forgotByWorker.get(thread) ?? []), Number(forgot)]);
      const inStartOrder = [...forgotByWorker].sort(([a], [b]) => Number(a) - Number(b)).map(([, forgot]) => forgot);
      // The first worker forgets after half a share, then after each full one; the second after each full share.
      assert.deepEqual(inStartOrder, [
        [0, 0, 1, 1, 1, 1],
        [0, 0, 0, 0, 1, 1],
      ]);
    } finally {
      await staggered.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('analyzes once more, in a worker with twice the memory, an article that ran its worker out of memory', async () => {
    // A worker that holds as many MB as the article's text says, fails the analysis on "throw" and stops on "crash".
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-pool-'));
    const hungryWorker = path.join(dir, 'hungryWorker.js');
    fs.writeFileSync(
      hungryWorker,
      "const { parentPort } = require('node:worker_threads');\n" +
        "parentPort.on('message', ({ text }) => {\n" +
        "  if (text === 'throw') return parentPort.postMessage({ error: 'Error: no dates here\\n    at analyze' });\n" +
        "  if (text === 'crash') process.exit(3);\n" +
        '  const held = [];\n' +
        '  for (let i = 0; i < Number(text); i++) held.push(new Array(131072).fill(i));\n' +
        '  parentPort.postMessage({ json: String(held.length) });\n' +
        '});\n',
    );
    const pool = new AnalysisPool(hungryWorker, 2, 600, 24);
    try {
      const [small, large, tooLarge, throwing, crashing] = await Promise.allSettled(['4', '32', '80', 'throw', 'crash'].map((mb) => pool.analyze(job(mb))));
      assert.deepEqual(small, { status: 'fulfilled', value: '4' });
      assert.deepEqual(large, { status: 'fulfilled', value: '32' }, 'over 24 MB, within 48');
      assert.ok(tooLarge.status === 'rejected' && tooLarge.reason instanceof AnalysisFailure);
      assert.equal(tooLarge.reason.message, 'the analysis needs more than the 48 MB of memory a worker may use');
      assert.ok(throwing.status === 'rejected' && !(throwing.reason instanceof AnalysisFailure), 'an analysis that throws is not tried again');
      assert.match((throwing.reason as Error).message, /^Error: no dates here/);
      assert.ok(crashing.status === 'rejected' && !(crashing.reason instanceof AnalysisFailure), 'a worker that stops otherwise is no lack of memory');
      assert.match((crashing.reason as Error).message, /exit code 3/);
      assert.equal(await pool.analyze(job('4')), '4', 'the pool goes on');
    } finally {
      await pool.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses what is queued when closed', async () => {
    const other = new AnalysisPool(WORKER, 1);
    const queued = Promise.allSettled([other.analyze(job('One.\n')), other.analyze(job('Two.\n'))]);
    await other.close();
    for (const outcome of await queued) assert.match(outcome.status === 'rejected' ? (outcome.reason as Error).message : 'analyzed', /closed/);
  });
});
