// Indexing lists each folder's annotation files once instead of trying to read one per article: the annotations
// must still be found, including a file that appears after the listing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { emptyDecisionFile, setArticleDate } from '../../server/src/decisions';
import { defaultRecognizer } from '../../server/src/entities';
import { ArticleWorkspace } from '../../server/src/lsp/articleWorkspace';
import { listDecisionFiles, writeDecisions } from '../../server/src/lsp/decisionStore';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

const TEXT = 'Mayor Tomas Berg visited Valmora on Monday, officials said.\n';

function dated(article: string, date: string): void {
  writeDecisions(article, setArticleDate(emptyDecisionFile(path.basename(article)), date, 'Editor', new Date()));
}

describe('annotation files found from a listing while indexing', () => {
  let dir: string;
  let workspace: ArticleWorkspace;
  const article = (name: string) => path.join(dir, name);
  const referenceDate = (name: string) => workspace.article(URI.file(article(name)).toString())?.analysis.referenceDate;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-listing-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    for (const name of ['a.txt', 'b.txt', 'sub/c.txt']) fs.writeFileSync(article(name), TEXT);
    workspace = new ArticleWorkspace(defaultRecognizer());
    workspace.configure([{ uri: URI.file(dir).toString(), path: dir }], { ...DEFAULT_SETTINGS, articleFiles: ['**/*.txt'], referenceDate: '2020-01-01' });
  });

  it('lists the annotation files of a folder, none where it has no annotations folder', () => {
    dated(article('a.txt'), '2016-10-14');
    assert.deepEqual([...listDecisionFiles(dir)!], ['a.txt.json']);
    assert.deepEqual([...listDecisionFiles(path.join(dir, 'sub'))!], []);
  });

  it('gives each article its own annotations, in every folder', () => {
    dated(article('a.txt'), '2016-10-14');
    dated(article('sub/c.txt'), '2017-02-03');
    for (const file of workspace.scan()) workspace.loadFromDisk(file);
    workspace.endIndexing();
    assert.equal(referenceDate('a.txt'), '2016-10-14');
    assert.equal(referenceDate('b.txt'), '2020-01-01', 'an article without annotations uses the setting');
    assert.equal(referenceDate('sub/c.txt'), '2017-02-03');
  });

  it('finds a file that appears after its folder was listed, once the watcher reports it', () => {
    const [a, b] = workspace.scan();
    workspace.loadFromDisk(a);
    dated(article('b.txt'), '2015-03-02');
    assert.equal(workspace.reloadDecisions(article('b.txt')), undefined, 'b is not indexed yet');
    workspace.loadFromDisk(b);
    assert.equal(referenceDate('b.txt'), '2015-03-02');
  });

  it('keeps an annotation this workspace saved while indexing when the article is read again', () => {
    const [a] = workspace.scan();
    workspace.loadFromDisk(a);
    workspace.setArticleDate(URI.file(a).toString(), '2014-06-07');
    fs.appendFileSync(a, 'A line added outside the editor.\n');
    workspace.loadFromDisk(a);
    assert.equal(referenceDate('a.txt'), '2014-06-07');
  });

  it('reads each article\'s file again after indexing, so a file that appeared unannounced is found', () => {
    for (const file of workspace.scan()) workspace.loadFromDisk(file);
    workspace.endIndexing();
    dated(article('b.txt'), '2013-08-09');
    fs.appendFileSync(article('b.txt'), 'A line added outside the editor.\n');
    workspace.loadFromDisk(article('b.txt'));
    assert.equal(referenceDate('b.txt'), '2013-08-09');
  });
});
