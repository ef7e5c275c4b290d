// Quick fixes on unattributed-claim diagnostics: the editor's decision is stored and the diagnostic goes away.
import { type CodeAction, CodeActionKind, type CodeActionParams } from 'vscode-languageserver/node';
import type { ClaimStatus } from '../decisions';
import type { ClaimDiagnosticData } from './diagnostics';
import { UNATTRIBUTED_CLAIM } from './diagnostics';

export const SET_CLAIM_STATUS_COMMAND = 'newsAnnotator.setClaimStatus';

const ACTIONS: { status: ClaimStatus; title: string }[] = [
  { status: 'verified', title: 'Mark claim as verified' },
  { status: 'needs-source', title: 'Mark claim as needing a source' },
  { status: 'ignored', title: 'Ignore this claim' },
];

export function codeActions(params: CodeActionParams): CodeAction[] {
  const result: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.code !== UNATTRIBUTED_CLAIM || !diagnostic.data) continue;
    const { start, end, status: current } = diagnostic.data as ClaimDiagnosticData;
    for (const { status, title } of ACTIONS) {
      if (status === current) continue;
      result.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: status === 'verified',
        command: { title, command: SET_CLAIM_STATUS_COMMAND, arguments: [params.textDocument.uri, start, end, status] },
      });
    }
  }
  return result;
}
