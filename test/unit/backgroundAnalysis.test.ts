// Long articles are analyzed in a worker, never in the server's thread: the server answers meanwhile, and the analysis
// that joins the index is that of the article's current text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { defaultRecognizer } from '../../server/src/entities';
import { analyzeJob } from '../../server/src/lsp/analysisJob';
import { AnalysisPool } from '../../server/src/lsp/analysisPool';
import { ArticleWorkspace } from '../../server/src/lsp/articleWorkspace';
import { diagnosticsFor } from '../../server/src/lsp/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { assertSlices } from '../support/spans';

const WORKER = path.resolve(__dirname, '../../server/src/lsp/analysisWorker.js');
const SAMPLE = fs.readFileSync(path.resolve(__dirname, '../../../samples/alder-dam-wire.txt'), 'utf8');
/** Characters from which an article is long, for these tests: the sample is. */
const LONG = 500;

/** A workspace that counts the analyses made in this thread, and the articles whose background analysis is ready. */
function workspaceInBackground(pool: AnalysisPool) {
  let inThisThread = 0;
  const recognizer = defaultRecognizer();
  const workspace = new ArticleWorkspace({ recognize: (...args) => (inThisThread++, recognizer.recognize(...args)) });
  const ready: string[] = [];
  let heard: () => void = () => undefined;
  workspace.analyzeLongInBackground(pool, { started: () => undefined, settled: (uri) => (ready.push(uri), heard()) }, LONG);
  const analyzed = () => new Promise<void>((resolve) => (heard = resolve));
  return { workspace, ready, analyzed, inThisThread: () => inThisThread };
}

/** What a fresh analysis of the article finds, in this thread. */
function expected(workspace: ArticleWorkspace, uri: string, text: string) {
  return analyzeJob({ uri, text, decisions: workspace.decisionFile(uri), fallbackReferenceDate: null }, defaultRecognizer());
}

describe('long articles analyzed in the background', () => {
  const pool = new AnalysisPool(WORKER, 1);
  after(() => pool.close());

  it('an open long document has no analysis until the worker gives it, then that of its newest text', async () => {
    const { workspace, ready, analyzed, inThisThread } = workspaceInBackground(pool);
    workspace.configure([], DEFAULT_SETTINGS);
    const uri = 'untitled:long.article';
    const opened = TextDocument.create(uri, 'article', 1, SAMPLE);
    workspace.updateOpen(opened);
    const first = analyzed();
    assert.equal(workspace.article(uri), undefined, 'answers without waiting for the analysis');
    await first;
    assert.deepEqual(ready, [uri]);
    assert.deepEqual(workspace.article(uri)!.analysis, expected(workspace, uri, SAMPLE).analysis);

    // Two edits while the first is analyzed: the analysis of the first is not kept, the newest text is analyzed next.
    const atStart = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const edited = TextDocument.update(opened, [{ range: atStart, text: 'Breaking: ' }], 2);
    workspace.updateOpen(edited);
    const newest = analyzed();
    assert.equal(workspace.article(uri), undefined, 'no analysis of the text before the edit');
    const final = TextDocument.update(edited, [{ range: atStart, text: 'Update: ' }], 3);
    workspace.updateOpen(final);
    assert.equal(workspace.article(uri), undefined);
    await newest;
    assert.deepEqual(ready, [uri, uri], 'the analysis of the text between the edits is not announced');
    const article = workspace.article(uri)!;
    assert.equal(article.text, final.getText());
    assert.deepEqual(article.analysis, expected(workspace, uri, final.getText()).analysis);
    assertSlices(final.getText(), [...article.analysis.entities, ...article.analysis.claims, ...article.analysis.dates]);
    assert.equal(inThisThread(), 0, 'no long article analyzed in the server thread');

    // A request after a keystroke waits for the worker, and gets the analysis of the text as it is now.
    const typed = TextDocument.update(final, [{ range: atStart, text: 'x' }], 4);
    workspace.updateOpen(typed);
    assert.equal(workspace.article(uri), undefined);
    const revision = workspace.revision(uri);
    assert.equal(workspace.analyzingInBackground(uri), true);
    assert.equal((await workspace.analyzedSoon(uri, 60_000))?.text, typed.getText());
    assert.equal(workspace.analyzingInBackground(uri), false);
    assert.notEqual(workspace.revision(uri), revision, 'the editor pulls its problems again, not told they are unchanged');
    assert.equal(inThisThread(), 0, 'nor its keystrokes');

    const short = TextDocument.create('untitled:short.article', 'article', 1, SAMPLE.slice(0, LONG - 1));
    workspace.updateOpen(short);
    assert.ok(workspace.article(short.uri), 'a short article is analyzed at once');
  });

  it('edits of every kind, analyzed by the worker from what it remembers, give what a whole analysis gives, problems too', async () => {
    const { workspace, analyzed } = workspaceInBackground(pool);
    workspace.configure([], DEFAULT_SETTINGS);
    const uri = 'untitled:edited.article';
    let document = TextDocument.create(uri, 'article', 1, `${SAMPLE}\n${SAMPLE}`);
    const ready = analyzed();
    workspace.updateOpen(document);
    workspace.article(uri);
    await ready;
    const paragraphBreak = document.getText().indexOf('\n\n', 200);
    let deleted = '';
    // Each edit as [start, end, inserted text] of the text as it is then.
    const edits: [string, (text: string) => [number, number, string]][] = [
      ['a keystroke in a paragraph', () => [120, 120, 'x']],
      ['a deletion across paragraphs', (text) => ((deleted = text.slice(paragraphBreak - 20, paragraphBreak + 30)), [paragraphBreak - 20, paragraphBreak + 30, ''])],
      ['its undo', () => [paragraphBreak - 20, paragraphBreak - 20, deleted]],
      ['a paste of 50,000 characters', () => [paragraphBreak, paragraphBreak, `\n\n${SAMPLE.repeat(Math.ceil(50_000 / SAMPLE.length)).slice(0, 50_000)}`]],
    ];
    for (const [label, edit] of edits) {
      const [start, end, text] = edit(document.getText());
      document = TextDocument.update(document, [{ range: { start: document.positionAt(start), end: document.positionAt(end) }, text }], document.version + 1);
      workspace.updateOpen(document);
      const article = await workspace.analyzedSoon(uri, 60_000);
      assert.equal(article?.text, document.getText(), label);
      assertSlices(document.getText(), [...article!.analysis.entities, ...article!.analysis.claims, ...article!.analysis.dates, ...article!.analysis.sentences]);
      // A whole analysis, in this thread.
      const here = new ArticleWorkspace(defaultRecognizer());
      here.configure([], DEFAULT_SETTINGS);
      here.updateOpen(document);
      assert.deepEqual(article!.analysis, here.article(uri)!.analysis, label);
      assert.deepEqual(diagnosticsFor(workspace, uri), diagnosticsFor(here, uri), label);
    }
    assert.ok(document.getText().length > 50_000);
  });

  it('an article cut below the length while analyzed, whose analysis here fails, still ends its progress, with the reason', async () => {
    const recognizer = defaultRecognizer();
    const workspace = new ArticleWorkspace({
      recognize: (text, ...rest) => {
        if (text.startsWith('Cut')) throw new Error('a pipeline bug');
        return recognizer.recognize(text, ...rest);
      },
    });
    let settle: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    workspace.analyzeLongInBackground(pool, { started: () => undefined, settled: () => settle() }, LONG);
    workspace.configure([], DEFAULT_SETTINGS);
    const uri = 'untitled:cut.article';
    const opened = TextDocument.create(uri, 'article', 1, SAMPLE);
    workspace.updateOpen(opened);
    assert.equal(workspace.article(uri), undefined, 'analyzed in the background');
    workspace.updateOpen(TextDocument.create(uri, 'article', 2, 'Cut to a line.'));
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('never settled'), 30_000).unref());
    assert.equal(await Promise.race([settled.then(() => 'settled'), timeout]), 'settled');
    assert.equal(workspace.skipped.get(uri), 'the analysis failed: a pipeline bug');
  });

  it('an article whose cached analysis vanished is analyzed again in the background, and its entry written again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-background-'));
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-background-cache-'));
    try {
      const file = path.join(dir, 'wire.article');
      const short = SAMPLE.slice(0, LONG - 1);
      fs.writeFileSync(file, short);
      const { workspace, analyzed, inThisThread } = workspaceInBackground(pool);
      workspace.configure([{ uri: URI.file(dir).toString(), path: dir }], DEFAULT_SETTINGS);
      workspace.useCache(cacheDir, 'test');
      assert.equal(await workspace.loadFromDiskIn(file, pool), true);
      for (const shard of fs.readdirSync(cacheDir)) fs.rmSync(path.join(cacheDir, shard), { recursive: true });

      const uri = URI.file(file).toString();
      const again = analyzed();
      assert.deepEqual(workspace.article(uri)!.analysis.entities, [], 'no analysis until the worker gives it');
      await again;
      assert.deepEqual(workspace.article(uri)!.analysis, expected(workspace, uri, short).analysis);
      assert.ok(workspace.article(uri)!.analysis.entities.length > 0);
      assert.equal(fs.readdirSync(cacheDir).length, 1, 'the entry is written again');
      assert.equal(inThisThread(), 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
