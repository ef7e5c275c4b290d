// Unattributed-claim diagnostics, for open and closed articles (pull model: document and workspace reports).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Diagnostic, DiagnosticSeverity, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { claimMessage, claimStrength, needsSource } from '../claims';
import type { ClaimStatus } from '../decisions';
import type { ArticleWorkspace } from './articleWorkspace';

export const DIAGNOSTIC_SOURCE = 'news-annotator';
export const UNATTRIBUTED_CLAIM = 'unattributed-claim';
export const ANNOTATION_FILE_ERROR = 'annotation-file';
export const NOT_ANALYZED = 'not-analyzed';
// The README ships beside dist/ in the extension (vsce renames it readme.md), so the link works offline.
const README = ['README.md', 'readme.md'].map((name) => path.resolve(__dirname, '..', name)).find((file) => fs.existsSync(file));
const CHECK_DOCS_URL = URI.file(README ?? path.resolve(__dirname, '..', 'README.md')).with({ fragment: 'unattributed-claims' }).toString();

export interface ClaimDiagnosticData {
  start: number;
  end: number;
  /** The editor's decision on the claim, when there is one (only `needs-source` keeps a problem listed). */
  status: ClaimStatus | null;
}

/** A claim of moderate strength is reported one step milder than the configured severity. */
const MILDER: Record<DiagnosticSeverity, DiagnosticSeverity> = {
  [DiagnosticSeverity.Error]: DiagnosticSeverity.Warning,
  [DiagnosticSeverity.Warning]: DiagnosticSeverity.Information,
  [DiagnosticSeverity.Information]: DiagnosticSeverity.Hint,
  [DiagnosticSeverity.Hint]: DiagnosticSeverity.Hint,
};

/** Diagnostics of one article; the caller brings the workspace up to date first (once for many articles). */
export function diagnosticsFor(workspace: ArticleWorkspace, uri: string): Diagnostic[] {
  const document = workspace.document(uri);
  const article = workspace.article(uri);
  if (!document || !article) return [];
  const index = workspace.index;
  const severity = workspace.currentSettings.claimSeverity;
  const result: Diagnostic[] = [];
  const skipped = workspace.skipped.get(uri);
  if (skipped) {
    result.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      code: NOT_ANALYZED,
      message: `Not analyzed: ${skipped}.`,
    });
  }
  const decisionError = workspace.decisionError(uri);
  if (decisionError) {
    result.push({
      range: { start: { line: 0, character: 0 }, end: document.positionAt(article.analysis.title?.end ?? 0) },
      severity: DiagnosticSeverity.Error,
      source: DIAGNOSTIC_SOURCE,
      code: ANNOTATION_FILE_ERROR,
      message: `Annotations not loaded: ${decisionError}`,
    });
  }
  for (const { claim, status, author } of workspace.claims(uri)) {
    // An editor's "needs source" keeps the problem until a source is named; verified and ignored claims are done.
    const marked = status === 'needs-source' && !claim.attributed;
    if (!marked && (status !== null || !needsSource(claim))) continue;
    const relatedInformation: DiagnosticRelatedInformation[] = index.relatedAttributedClaims(uri, claim).map((related) => {
      const otherDocument = workspace.document(related.article.id)!;
      return {
        location: { uri: related.article.id, range: { start: otherDocument.positionAt(related.claim.start), end: otherDocument.positionAt(related.claim.end) } },
        message: `Attributed in ${related.article.displayPath}: ${related.claim.text.length > 120 ? `${related.claim.text.slice(0, 119)}…` : related.claim.text}`,
      };
    });
    const data: ClaimDiagnosticData = { start: claim.start, end: claim.end, status };
    result.push({
      range: { start: document.positionAt(claim.start), end: document.positionAt(claim.end) },
      severity: marked || claimStrength(claim) === 'strong' ? severity : MILDER[severity],
      source: DIAGNOSTIC_SOURCE,
      code: UNATTRIBUTED_CLAIM,
      codeDescription: { href: CHECK_DOCS_URL },
      message: marked ? `Needs a source (marked by ${author}): ${claimMessage(claim)}` : claimMessage(claim),
      relatedInformation: relatedInformation.length ? relatedInformation : undefined,
      data,
    });
  }
  return result;
}

/**
 * Identifies one state of an article's diagnostics, so unchanged reports need not be resent. Related information from
 * other articles is refreshed when this article changes or the workspace is re-indexed, not on every edit elsewhere:
 * recomputing every article's report on each keystroke would stall large workspaces.
 */
export function resultId(workspace: ArticleWorkspace, uri: string): string {
  return workspace.revision(uri);
}
