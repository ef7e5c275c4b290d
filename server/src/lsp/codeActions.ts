// Quick fixes on claim problems (the editor's status is stored and the problem follows it) and on annotations that
// lost their text (delete them, once the editor has seen what they were).
import { type CodeAction, CodeActionKind, type CodeActionParams } from 'vscode-languageserver/node';
import { CLAIM_STATUSES, type ClaimStatus } from '../decisions';
import { ANNOTATE_COMMAND, type AnnotationRequest } from './annotationCommands';
import type { AnnotationDiagnosticData, ClaimDiagnosticData } from './diagnostics';
import { CLAIM_CODES, FALSE_CLAIM, NEEDS_SOURCE, ORPHANED_ANNOTATION } from './diagnostics';

export const SET_CLAIM_STATUS_COMMAND = 'newsAnnotator.setClaimStatus';

export const CLAIM_STATUS_TITLES: Record<ClaimStatus | 'clear', string> = {
  verified: 'Mark claim as verified',
  'needs-source': 'Mark claim as needing a source',
  false: 'Mark claim as false',
  ignored: 'Ignore this claim',
  clear: 'Clear the claim status an editor set',
};
const STATUS_OF_CODE: Record<string, ClaimStatus | null> = { [NEEDS_SOURCE]: 'needs-source', [FALSE_CLAIM]: 'false' };

export function codeActions(params: CodeActionParams): CodeAction[] {
  const uri = params.textDocument.uri;
  const result: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (!diagnostic.data) continue;
    if (diagnostic.code === ORPHANED_ANNOTATION) {
      const { annotationId } = diagnostic.data as AnnotationDiagnosticData;
      const title = 'Delete this annotation';
      const request: AnnotationRequest = { action: 'delete', uri, id: annotationId };
      result.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: ANNOTATE_COMMAND, arguments: [request] } });
      continue;
    }
    if (!CLAIM_CODES.includes(String(diagnostic.code))) continue;
    const { start, end } = diagnostic.data as ClaimDiagnosticData;
    const current = STATUS_OF_CODE[String(diagnostic.code)] ?? null;
    for (const status of CLAIM_STATUSES) {
      if (status === current) continue;
      const title = CLAIM_STATUS_TITLES[status];
      result.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: status === 'verified',
        command: { title, command: SET_CLAIM_STATUS_COMMAND, arguments: [uri, start, end, status] },
      });
    }
    if (current) {
      const title = CLAIM_STATUS_TITLES.clear;
      const request: AnnotationRequest = { action: 'claim-status', uri, start, end, status: null };
      result.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: ANNOTATE_COMMAND, arguments: [request] } });
    }
  }
  return result;
}
