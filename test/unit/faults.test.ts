// Faults around the annotation files: a save that fails keeps the work and saves it later, a file changed on disk is
// reloaded, and two windows annotating the same article keep each other's annotations.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { setArticleDate } from '../../server/src/decisions';
import { defaultRecognizer } from '../../server/src/entities';
import { ArticleWorkspace, UnsavedAnnotationsError } from '../../server/src/lsp/articleWorkspace';
import { DECISIONS_FOLDER, readDecisions, writeDecisions } from '../../server/src/lsp/decisionStore';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

const SAMPLE = path.resolve(__dirname, '../../../samples/alder-dam-wire.txt');
const recognizer = defaultRecognizer();

/** A window on the folder: its own server's view of the workspace. */
function openWindow(dir: string): ArticleWorkspace {
  const workspace = new ArticleWorkspace(recognizer);
  workspace.configure([{ uri: URI.file(dir).toString(), path: dir }], { ...DEFAULT_SETTINGS, articleFiles: ['**/*.txt'], author: 'Editor' });
  for (const file of workspace.scan()) workspace.loadFromDisk(file);
  return workspace;
}

describe('faults', () => {
  let dir: string;
  let article: string;
  let uri: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-faults-'));
    article = path.join(dir, 'wire.txt');
    fs.copyFileSync(SAMPLE, article);
    uri = URI.file(article).toString();
  });

  it('a failed save keeps the annotation in effect, says so, and a retry saves it once the disk takes it', () => {
    const workspace = openWindow(dir);
    fs.writeFileSync(path.join(dir, DECISIONS_FOLDER), 'a file where the annotations folder belongs');
    assert.throws(() => workspace.setArticleDate(uri, '2016-10-14'), (error: Error) => error instanceof UnsavedAnnotationsError && /kept and saved again/.test(error.message));
    assert.equal(workspace.decisionFile(uri)?.articleDate?.date, '2016-10-14', 'kept in memory');
    assert.equal(workspace.article(uri)?.analysis.referenceDate, '2016-10-14', 'and in effect');
    assert.throws(() => workspace.setClaimStatus(uri, workspace.claims(uri)[0].claim, 'verified'), UnsavedAnnotationsError);
    assert.equal(workspace.reloadDecisions(article), undefined, 'the disk does not replace unsaved work');
    fs.appendFileSync(article, '\nA line added outside the editor.\n');
    workspace.loadFromDisk(article);
    assert.equal(workspace.decisionFile(uri)?.articleDate?.date, '2016-10-14', 'nor does the article read again');
    assert.deepEqual(workspace.retryUnsaved(), [], 'still failing');
    assert.deepEqual(workspace.unsavedArticles, [article]);

    fs.rmSync(path.join(dir, DECISIONS_FOLDER));
    assert.deepEqual(workspace.retryUnsaved(), [article]);
    assert.deepEqual(workspace.unsavedArticles, []);
    const saved = readDecisions(article).file;
    assert.equal(saved?.articleDate?.date, '2016-10-14');
    assert.equal(saved?.annotations.length, 1, 'both annotations were saved');
  });

  it('an annotation file changed on disk is reloaded and takes effect', () => {
    const workspace = openWindow(dir);
    const file = readDecisions(article).file!;
    writeDecisions(article, setArticleDate(file, '2015-03-02', 'Someone else', new Date()));
    assert.equal(workspace.reloadDecisions(article), uri);
    assert.equal(workspace.article(uri)?.analysis.referenceDate, '2015-03-02');
    assert.equal(workspace.reloadDecisions(article), undefined, 'nothing changed since');
  });

  it('two windows annotating the same article lose nothing', () => {
    const first = openWindow(dir);
    const second = openWindow(dir);
    const [one, two] = first.claims(uri);
    assert.ok(one && two, 'the sample has two claims');
    first.setClaimStatus(uri, one.claim, 'verified');
    second.setClaimStatus(uri, two.claim, 'false');
    second.setArticleDate(uri, '2016-10-14');
    first.setClaimStatus(uri, one.claim, 'needs-source');
    const saved = readDecisions(article).file!;
    assert.equal(saved.articleDate?.date, '2016-10-14');
    const statuses = saved.annotations.map((a) => ('status' in a ? a.status : null)).sort();
    assert.deepEqual(statuses, ['false', 'needs-source']);
  });
});
