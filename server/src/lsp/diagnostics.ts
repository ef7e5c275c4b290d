// Unattributed-claim diagnostics, for open and closed articles (pull model: document and workspace reports).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Diagnostic, DiagnosticSeverity, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { strayClaimDecisions } from '../articleAnnotations';
import { claimMessage, claimStrength, needsSource } from '../claims';
import { finish } from '../linking';
import { Lru } from '../lru';
import type { Claim, ClaimReason } from '../types';
import { STATUS_LABELS, byLine, describeAnnotation } from './annotationLabels';
import type { ArticleWorkspace } from './articleWorkspace';
import { DECISIONS_FOLDER } from './decisionStore';
import { TimeSlices } from './timeSlices';

export const DIAGNOSTIC_SOURCE = 'news-annotator';
export const UNATTRIBUTED_CLAIM = 'unattributed-claim';
export const ANNOTATION_FILE_ERROR = 'annotation-file';
export const NOT_ANALYZED = 'not-analyzed';
/** The article is being analyzed in the background: its problems come when that is done. */
export const ANALYZING = 'analyzing';
/** A claim an editor marked as needing a source, or as false. */
export const NEEDS_SOURCE = 'needs-source';
export const FALSE_CLAIM = 'false-claim';
/** An annotation whose text is gone, or a link that no longer joins two names: kept, and reported here. */
export const ORPHANED_ANNOTATION = 'orphaned-annotation';
/** An editor's note on a span (a hint: shown in the editor, not listed as a problem). */
export const EDITOR_NOTE = 'editor-note';
export const CLAIM_CODES: readonly string[] = [UNATTRIBUTED_CLAIM, NEEDS_SOURCE, FALSE_CLAIM];
// The README ships beside dist/ in the extension (vsce renames it readme.md), so the link works offline.
const README = ['README.md', 'readme.md'].map((name) => path.resolve(__dirname, '..', name)).find((file) => fs.existsSync(file));
const CHECK_DOCS_URL = URI.file(README ?? path.resolve(__dirname, '..', 'README.md')).with({ fragment: 'unattributed-claims' }).toString();

export interface ClaimDiagnosticData {
  start: number;
  end: number;
}

/** A claim of moderate strength is reported one step milder than the configured severity. */
const MILDER: Record<DiagnosticSeverity, DiagnosticSeverity> = {
  [DiagnosticSeverity.Error]: DiagnosticSeverity.Warning,
  [DiagnosticSeverity.Warning]: DiagnosticSeverity.Information,
  [DiagnosticSeverity.Information]: DiagnosticSeverity.Hint,
  [DiagnosticSeverity.Hint]: DiagnosticSeverity.Hint,
};

/**
 * Claims' messages by the claim's text: wording one tokenizes the claim, and a keystroke leaves most claims as they
 * were. As many as the analysis memo's sentences (see analysisMemo.ts).
 */
const CLAIM_MESSAGES = new Lru<string, { reason: ClaimReason | undefined; attributed: boolean; message: string }>(4096);

/** `claimMessage`, remembered: it reads only the claim's text, first reason and whether it is attributed. */
function messageOf(claim: Claim): string {
  const [reason] = claim.reasons;
  const known = CLAIM_MESSAGES.get(claim.text);
  if (known && known.reason === reason && known.attributed === claim.attributed) return known.message;
  return CLAIM_MESSAGES.set(claim.text, { reason, attributed: claim.attributed, message: claimMessage(claim) }).message;
}

/** Why a long article shows nothing yet. */
export function analyzingMessage(characters: number): string {
  return `Being analyzed in the background (${characters.toLocaleString('en-US')} characters): names, dates and problems appear when that is done.`;
}

/** On orphaned-annotation problems: the annotation a quick fix can delete. */
export interface AnnotationDiagnosticData {
  annotationId: string;
}

/** Diagnostics of one article; the caller brings the workspace up to date first (once for many articles). */
export function diagnosticsFor(workspace: ArticleWorkspace, uri: string): Diagnostic[] {
  return finish(diagnosticSteps(workspace, uri));
}

/**
 * `diagnosticsFor` in slices of about `sliceMs`, the event loop let in between, with the report's id (see `resultId`):
 * those of an article of 400,000 characters held the server's thread for a quarter of a second when its analysis came
 * from the worker. Null when the article changes meanwhile: its document is updated in place, so positions worked out
 * after the edit would be of the new text; the edited article's report is still to come.
 */
export async function diagnosticsInSlices(workspace: ArticleWorkspace, uri: string, sliceMs: number): Promise<{ items: Diagnostic[]; resultId: string } | null> {
  const revision = workspace.revision(uri);
  const slices = new TimeSlices(sliceMs);
  const steps = diagnosticSteps(workspace, uri);
  let step = steps.next();
  for (; !step.done; step = steps.next()) {
    if (!slices.over) continue;
    await slices.pause();
    if (workspace.revision(uri) !== revision) return null;
  }
  return { items: step.value, resultId: resultId(workspace, uri) };
}

/** `diagnosticsFor` in steps: a pause after reading the analysis, while matching its names, and after each claim. */
function* diagnosticSteps(workspace: ArticleWorkspace, uri: string): Generator<void, Diagnostic[]> {
  const document = workspace.document(uri);
  const article = workspace.article(uri);
  if (document && workspace.analyzingInBackground(uri)) {
    const message = analyzingMessage(document.getText().length);
    return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, code: ANALYZING, message }];
  }
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
  const headline = { start: { line: 0, character: 0 }, end: document.positionAt(article.analysis.title?.end ?? 0) };
  const where = `${DECISIONS_FOLDER}/${path.basename(URI.parse(uri).path)}.json`;
  for (const orphan of article.annotations?.orphans ?? []) {
    const data: AnnotationDiagnosticData = { annotationId: orphan.id };
    result.push({
      range: headline,
      severity: DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      code: ORPHANED_ANNOTATION,
      message: `Annotation no longer finds its text: ${describeAnnotation(orphan)} ${byLine(orphan)}. It is kept in ${where}; restore the text, or delete the annotation.`,
      data,
    });
  }
  const stray = [
    ...index.unresolvedLinks(uri).map((l) => ({ ...l, problem: 'no longer joins two names' })),
    ...strayClaimDecisions(article.annotations, article.analysis.claims).map((c) => ({ ...c, problem: 'is on text that is no longer a claim' })),
  ];
  for (const { annotation, span, problem } of stray) {
    const data: AnnotationDiagnosticData = { annotationId: annotation.id };
    result.push({
      range: { start: document.positionAt(span.start), end: document.positionAt(span.end) },
      severity: DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      code: ORPHANED_ANNOTATION,
      message: `Annotation ${problem}: ${describeAnnotation(annotation)} ${byLine(annotation)}. It is kept in ${where}.`,
      data,
    });
  }
  for (const { annotation, span } of article.annotations?.notes ?? []) {
    result.push({
      range: { start: document.positionAt(span.start), end: document.positionAt(span.end) },
      severity: DiagnosticSeverity.Hint,
      source: DIAGNOSTIC_SOURCE,
      code: EDITOR_NOTE,
      message: `Note ${byLine(annotation)}: ${annotation.note}`,
      data: { annotationId: annotation.id } satisfies AnnotationDiagnosticData,
    });
  }
  const claims = workspace.claims(uri); // before a pause: a keystroke meanwhile would make them another version's
  yield; // a long article's analysis from a worker was parsed just now
  yield* index.prepareEditsInSteps(uri); // its names, matched to the last link, for its claims' related ones
  for (const { claim, status, decision } of claims) {
    yield;
    // Editors' statuses override the check: verified and ignored claims are fine, needs-source and false ones are not.
    if (status === 'verified' || status === 'ignored' || (status === null && !needsSource(claim))) continue;
    const relatedInformation: DiagnosticRelatedInformation[] = index.relatedAttributedClaimsNow(uri, claim).map((related) => {
      const otherDocument = workspace.document(related.article.id)!;
      return {
        location: { uri: related.article.id, range: { start: otherDocument.positionAt(related.claim.start), end: otherDocument.positionAt(related.claim.end) } },
        message: `Attributed in ${related.article.displayPath}: ${related.claim.text.length > 120 ? `${related.claim.text.slice(0, 119)}…` : related.claim.text}`,
      };
    });
    const data: ClaimDiagnosticData = { start: claim.start, end: claim.end };
    const byEditor = decision ? ` ${byLine(decision)}` : '';
    result.push({
      range: { start: document.positionAt(claim.start), end: document.positionAt(claim.end) },
      // An editor's judgement keeps the configured severity (false is an error); a moderate claim is one step milder.
      severity: status === 'false' ? DiagnosticSeverity.Error : status || claimStrength(claim) === 'strong' ? severity : MILDER[severity],
      source: DIAGNOSTIC_SOURCE,
      code: status === 'false' ? FALSE_CLAIM : status === 'needs-source' ? NEEDS_SOURCE : UNATTRIBUTED_CLAIM,
      codeDescription: { href: CHECK_DOCS_URL },
      // Marked as needing a source, a flagged claim keeps saying why it was flagged.
      message: !status
        ? messageOf(claim)
        : status === 'needs-source' && needsSource(claim)
          ? `Needs a source, an editor says${byEditor}: ${messageOf(claim)}`
          : `Claim ${STATUS_LABELS[status]}, an editor says${byEditor}`,
      relatedInformation: relatedInformation.length ? relatedInformation : undefined,
      data,
    });
  }
  return result;
}

/**
 * Identifies one state of an article's diagnostics, so unchanged reports need not be resent; call it with the
 * workspace analyzed (`fresh`). Related information from other articles is refreshed when this article changes or
 * the workspace is re-indexed, not on every edit elsewhere: recomputing every article's report on each keystroke would
 * stall large workspaces. A report made before the workspace was relinked after this article changed has an id of its
 * own, so the report after the relink is sent again.
 */
export function resultId(workspace: ArticleWorkspace, uri: string): string {
  return `${workspace.revision(uri)}${workspace.index.provisionalFor(uri) ? '~' : ''}`;
}
