// A long article's problems are worked out in slices, so the server answers other requests meanwhile (a hover waited
// a quarter of a second for those of a 400,000-character article); the report is the one worked out at once.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultRecognizer } from '../../server/src/entities';
import { ArticleWorkspace } from '../../server/src/lsp/articleWorkspace';
import { diagnosticsFor, diagnosticsInSlices, resultId } from '../../server/src/lsp/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

const URI = 'untitled:dam.article';
const paragraph = (i: number) => `The dam at Alder Creek will cost taxpayers $${i + 2} billion more than planned. Officials in Portland said the work began in May.`;
const TEXT = `Dam costs rise\n\n${Array.from({ length: 40 }, (_, i) => paragraph(i)).join('\n\n')}\n`;

function openArticle(): ArticleWorkspace {
  const workspace = new ArticleWorkspace(defaultRecognizer());
  workspace.configure([], DEFAULT_SETTINGS);
  workspace.updateOpen(TextDocument.create(URI, 'article', 1, TEXT));
  return workspace;
}

/** Counts the turns of the event loop while `work` runs. */
async function turnsDuring<T>(work: Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let running = true;
  const turn = () => {
    turns++;
    if (running) setImmediate(turn);
  };
  setImmediate(turn);
  const result = await work;
  running = false;
  return { result, turns };
}

describe('problems in slices', () => {
  it('are those worked out at once, with its id, and let the event loop run between slices', async () => {
    const workspace = openArticle();
    const atOnce = diagnosticsFor(workspace, URI);
    assert.equal(atOnce.length, 40, 'a claim per paragraph');
    const { result, turns } = await turnsDuring(diagnosticsInSlices(workspace, URI, 0));
    assert.deepEqual(result?.items, atOnce);
    assert.equal(result?.resultId, resultId(workspace, URI));
    assert.ok(turns >= 40, `the event loop ran ${turns} times`);
  });

  it('edited meanwhile, are no report: the editor asks again for the edited text', async () => {
    const workspace = openArticle();
    diagnosticsFor(workspace, URI); // analyzed and linked
    const report = diagnosticsInSlices(workspace, URI, 0);
    // The server's documents are updated in place: positions worked out after the edit would be of the new text.
    const document = workspace.document(URI)!;
    setImmediate(() => workspace.updateOpen(TextDocument.update(document, [{ text: 'Breaking\n\n' }], 2)));
    assert.equal(await report, null);
  });
});
