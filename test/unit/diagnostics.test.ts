import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultRecognizer } from '../../server/src/entities';
import { ArticleWorkspace } from '../../server/src/lsp/articleWorkspace';
import { CLAIM_CODES, diagnosticsFor, reportSteps } from '../../server/src/lsp/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

const ARTICLES: Record<string, string> = {
  'untitled:wire.article': 'Valmora counts the cost\n\nOn March 15 engineer Anna Berg said 12,000 people had left Valmora.\n',
  'untitled:aid.article': 'Aid arrives\n\nAbout 12,000 people left Valmora after the flood. Prices in Valmora doubled within a week.\n',
};
const AID = 'untitled:aid.article';
const recognizer = defaultRecognizer();

function linkedWorkspace(): ArticleWorkspace {
  const workspace = new ArticleWorkspace(recognizer);
  workspace.configure([], DEFAULT_SETTINGS);
  for (const [uri, text] of Object.entries(ARTICLES)) workspace.updateOpen(TextDocument.create(uri, 'article', 1, text));
  workspace.fresh().entities();
  return workspace;
}

/** Counts the related-claims searches of the workspace's index while `run` runs. */
function searches(workspace: ArticleWorkspace, run: () => void): number {
  const index = workspace.index as unknown as { relatedClaims: (...args: unknown[]) => unknown };
  const search = index.relatedClaims;
  let count = 0;
  index.relatedClaims = (...args) => {
    count++;
    return search.apply(index, args);
  };
  try {
    run();
  } finally {
    index.relatedClaims = search;
  }
  return count;
}

describe('claim diagnostics worked out ahead (reportSteps)', () => {
  it('takes one step per reported claim, after which the report searches nothing and is the one worked out directly', () => {
    const prepared = linkedWorkspace();
    let steps = 0;
    const searched = searches(prepared, () => {
      for (const _ of reportSteps(prepared, AID)) steps++;
    });
    const report = diagnosticsFor(prepared, AID);
    const claims = report.filter((d) => CLAIM_CODES.includes(String(d.code)));
    assert.ok(claims.length >= 1, 'the aid article has an unattributed claim');
    assert.equal(steps, claims.length);
    assert.equal(searched, claims.length);
    assert.equal(searches(prepared, () => diagnosticsFor(prepared, AID)), 0, 'the report after the steps reads remembered answers');
    assert.ok(report.some((d) => d.relatedInformation?.some((r) => r.location.uri === 'untitled:wire.article')), 'the claim is related to the wire');

    const direct = linkedWorkspace();
    assert.deepEqual(report, diagnosticsFor(direct, AID));
  });
});
