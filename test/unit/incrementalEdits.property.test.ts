// Property: whatever incremental edits an editor sends (LSP didChange, applied by the same TextDocument.update the
// server's TextDocuments uses), the server's view of the article equals a fresh analysis of the same text, every
// range it reports slices the text to its own text, and no feature throws. The server re-analyses an open article
// from what it remembers of the lines, sentences and paragraphs the edits left alone (AnalysisMemo), and words its
// diagnostics from the messages of claims it has seen; the fresh analysis remembers nothing. Fixed seeds, so CI is reproducible.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { analyzeAnnotated } from '../../server/src/articleAnnotations';
import { claimMessage } from '../../server/src/claims';
import { emptyDecisionFile } from '../../server/src/decisions';
import { defaultRecognizer } from '../../server/src/entities';
import { ArticleWorkspace } from '../../server/src/lsp/articleWorkspace';
import { type ClaimDiagnosticData, UNATTRIBUTED_CLAIM, diagnosticsFor } from '../../server/src/lsp/diagnostics';
import { hover } from '../../server/src/lsp/hover';
import { semanticTokens } from '../../server/src/lsp/semanticTokens';
import { documentSymbols } from '../../server/src/lsp/symbols';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import type { TextSpan } from '../../server/src/types';
import { assertSlices } from '../support/spans';

// REPLAY=<path from a failure report> reruns just the failing case.
const URI = 'untitled:property.article';
const SEQUENCES = 100;
const EDITS_PER_SEQUENCE = 100;

const START = 'WASHINGTON, Oct. 14, 2016 — Senator Maria Lopez said on Friday that the bill "will fail."\r\n' +
  'The Ministry of Health reported 40 cases last week 🙂, according to officials.\nPrices rose 5 percent.\n' +
  'Lopez told reporters: "We will vote again.\n"The bill is dead," she said. Bush and the health ministry disagreed.';

// Pieces an editor types or pastes: names, dates, quotes, and the characters that break offset arithmetic.
const FRAGMENTS = [
  'Angela Merkel', ' said', ' on Monday', '"', '”', '.', ', officials said.', 'Reuters', 'in Paris', ' ', '\n', '\r\n', '\r',
  '\uFEFF', '\u200B', '\u200F', '\u202E', 'שלום', '👩‍👩‍👧', '🙂', '\uD83D', '\uDE42', 'é', 'e\u0301', '\t', 'March 3, 2021',
  'the United Nations', 'according to the ministry', 'He claimed that taxes doubled.',
  // Sentence ends, paragraph breaks, quotation marks, and words whose casing elsewhere changes how a name is tagged.
  '. ', '? ', '\n\n', '“', '‘', '’', "'", ' bush', ' BUSH', ' lopez', ' Health', 'She said:', 'the day before',
];

const insertion = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constant('') },
);
/** An edit as fractions of the current length, so it stays valid however long the text has become. */
const edit = fc.record({ from: fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000), length: fc.nat({ max: 20 }), insert: insertion });

/** Every object in the analysis that carries a span and its text, by where it is (`entities.3.head`). */
function spansIn(value: unknown, at = 'analysis', found: [string, TextSpan][] = []): [string, TextSpan][] {
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.start === 'number' && typeof record.end === 'number' && typeof record.text === 'string') found.push([at, record as unknown as TextSpan]);
    for (const [key, child] of Object.entries(record)) spansIn(child, `${at}.${key}`, found);
  }
  return found;
}

describe('incremental edits (property, fixed seed)', () => {
  const serverRecognizer = defaultRecognizer();
  const freshRecognizer = defaultRecognizer();

  it(`${SEQUENCES * EDITS_PER_SEQUENCE} random didChange edits: same as a fresh analysis, spans slice, nothing throws`, () => {
    let edits = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: EDITS_PER_SEQUENCE, maxLength: EDITS_PER_SEQUENCE }), (sequence) => {
        const workspace = new ArticleWorkspace(serverRecognizer);
        workspace.configure([], DEFAULT_SETTINGS);
        let document = TextDocument.create(URI, 'article', 1, START);
        let expected = START;
        workspace.updateOpen(document);
        for (const { from, length, insert } of sequence) {
          // The client sends line/character positions; an offset inside a CRLF has none of its own.
          const range = { start: document.positionAt(Math.floor(from * expected.length)), end: document.positionAt(Math.floor(from * expected.length) + length) };
          const start = document.offsetAt(range.start);
          const end = document.offsetAt(range.end);
          const change: TextDocumentContentChangeEvent = { range, text: insert };
          document = TextDocument.update(document, [change], document.version + 1);
          expected = expected.slice(0, start) + insert + expected.slice(end);
          workspace.updateOpen(document);
          edits++;

          assert.equal(document.getText(), expected, 'the document applies the edit');
          const article = workspace.article(URI);
          assert.ok(article, 'the open document is an article');
          const fresh = analyzeAnnotated(expected, emptyDecisionFile('property.article'), (p) => p, { fallbackReferenceDate: null, recognizer: freshRecognizer });
          assert.deepEqual(article.analysis, fresh.analysis, 'incremental result equals a fresh analysis');
          for (const [at, span] of spansIn(article.analysis)) assertSlices(expected, [span], `${at} in ${JSON.stringify(expected)}`);

          semanticTokens(article, document);
          for (const diagnostic of diagnosticsFor(workspace, URI)) {
            const range = diagnostic.range;
            assert.ok(document.offsetAt(range.start) <= document.offsetAt(range.end), 'diagnostic range is ordered');
            // Messages are remembered by the claim's text: each still words the claim it is on, as it is now.
            if (diagnostic.code !== UNATTRIBUTED_CLAIM) continue;
            const { start, end } = diagnostic.data as ClaimDiagnosticData;
            const claim = fresh.analysis.claims.find((c) => c.start === start && c.end === end);
            assert.ok(claim, 'a claim diagnostic is on a claim');
            assert.equal(diagnostic.message, claimMessage(claim), 'the message is that of the claim now');
          }
          documentSymbols(workspace, URI);
          hover(workspace, URI, document.positionAt(start));
        }
      }),
      { seed: 20261123, numRuns: SEQUENCES, includeErrorInReport: true, ...(process.env.REPLAY ? { path: process.env.REPLAY, endOnFailure: true } : {}) },
    );
    assert.equal(edits, SEQUENCES * EDITS_PER_SEQUENCE);
  });
});
