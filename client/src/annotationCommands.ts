// The editor's side of annotating: commands (palette, context menu, keyboard) that turn the selection or the cursor
// into a request to the language server, which stores the annotation beside the article. Undo and redo are the
// server's own commands. Commands that code actions run may carry the article and span; otherwise they use the
// active editor.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

const LANGUAGE = 'article';
const ANNOTATE = 'newsAnnotator.annotate';
const LINK_CANDIDATES = 'newsAnnotator.linkCandidates';

type AnnotationType = 'PERSON' | 'ORGANIZATION' | 'LOCATION' | 'MISC' | 'DATE';
type ClaimStatus = 'verified' | 'needs-source' | 'false' | 'ignored';

interface Target {
  uri: string;
  start: number;
  end: number;
}

interface LinkCandidate {
  entityId: string;
  canonical: string;
  type: string;
  aliases: string[];
  articles: string[];
  mention: Target;
}

const TYPE_COMMANDS: [string, AnnotationType][] = [
  ['newsAnnotator.annotateAsPerson', 'PERSON'],
  ['newsAnnotator.annotateAsOrganization', 'ORGANIZATION'],
  ['newsAnnotator.annotateAsPlace', 'LOCATION'],
  ['newsAnnotator.annotateAsOther', 'MISC'],
  ['newsAnnotator.annotateAsDate', 'DATE'],
];
const CLAIM_COMMANDS: [string, ClaimStatus | null][] = [
  ['newsAnnotator.markClaimVerified', 'verified'],
  ['newsAnnotator.markClaimNeedsSource', 'needs-source'],
  ['newsAnnotator.markClaimFalse', 'false'],
  ['newsAnnotator.markClaimIgnored', 'ignored'],
  ['newsAnnotator.clearClaimStatus', null],
];

/** `client`: the language client, once its code has loaded. */
export function registerAnnotationCommands(context: vscode.ExtensionContext, client: Promise<LanguageClient>): void {
  /** Sends one annotation request; shows what was done in the status bar, or why it could not be done. */
  const send = async (request: Record<string, unknown>): Promise<string | undefined> => {
    const languageClient = await client;
    try {
      const done = await languageClient.sendRequest<string | false | null>('workspace/executeCommand', { command: ANNOTATE, arguments: [request] });
      if (typeof done === 'string') vscode.window.setStatusBarMessage(`$(pass) News Annotator: ${done}`, 4000);
      return done || undefined;
    } catch (error) {
      void vscode.window.showWarningMessage(`News Annotator: ${(error as Error).message}`);
      return undefined;
    }
  };
  const register = (command: string, run: (target?: Target, ...rest: unknown[]) => Promise<unknown>) =>
    context.subscriptions.push(
      vscode.commands.registerCommand(command, (uri?: unknown, start?: unknown, end?: unknown, ...rest: unknown[]) =>
        run(typeof uri === 'string' && typeof start === 'number' && typeof end === 'number' ? { uri, start, end } : activeTarget(), ...rest),
      ),
    );

  for (const [command, type] of TYPE_COMMANDS) register(command, async (target) => target && send({ action: 'entity', ...target, type }));
  register('newsAnnotator.removeEntity', async (target) => target && send({ action: 'remove-entity', ...target }));
  for (const [command, status] of CLAIM_COMMANDS) register(command, async (target) => target && send({ action: 'claim-status', ...target, status }));
  register('newsAnnotator.notSameEntity', async (target) => target && send({ action: 'link', ...target, kind: 'not-same' }));
  register('newsAnnotator.sameEntityAs', async (target, picked?: unknown) => target && sameEntityAs(target, picked as Target | undefined));
  register('newsAnnotator.addNote', async (target, note?: unknown) => {
    if (!target) return undefined;
    const text = typeof note === 'string' ? note : await vscode.window.showInputBox({ title: 'Add a note', prompt: 'A note on the selected text, stored with the article', ignoreFocusOut: true });
    return text?.trim() ? send({ action: 'note', ...target, note: text }) : undefined;
  });
  register('newsAnnotator.setDateValue', async (target, current?: unknown, value?: unknown) => {
    if (!target) return undefined;
    const answer =
      typeof value === 'string'
        ? value
        : await vscode.window.showInputBox({
            title: 'Set the date’s value',
            prompt: 'A TIMEX3 value: 2016-10-15, 2016-10, 2016-W41, 2016-10-15T14:00, P3D. Leave empty to let the rules work it out.',
            value: typeof current === 'string' ? current : '',
            ignoreFocusOut: true,
          });
    return answer === undefined ? undefined : send({ action: 'entity', ...target, type: 'DATE', value: answer.trim() || undefined });
  });
  register('newsAnnotator.annotateSelection', async (target) => target && chooseAnnotation(target));

  /** "Same entity as...": the entities of the workspace, those sharing a word of the name first. */
  async function sameEntityAs(target: Target, picked?: Target): Promise<unknown> {
    const languageClient = await client;
    if (picked) return send({ action: 'link', ...target, kind: 'same-as', other: picked });
    let found: { mention: string; candidates: LinkCandidate[] };
    try {
      found = await languageClient.sendRequest('workspace/executeCommand', { command: LINK_CANDIDATES, arguments: [target.uri, target.start, target.end] });
    } catch (error) {
      void vscode.window.showWarningMessage(`News Annotator: ${(error as Error).message}`);
      return undefined;
    }
    const items = found.candidates.map((c) => ({
      label: c.canonical,
      description: `${c.type.toLowerCase()} · ${c.articles.length} article${c.articles.length === 1 ? '' : 's'}`,
      detail: [c.aliases.length ? `also ${c.aliases.join(', ')}` : '', c.articles.slice(0, 3).join(', ')].filter(Boolean).join(' · '),
      candidate: c,
    }));
    const choice = await vscode.window.showQuickPick(items, { title: `“${found.mention}” is the same entity as`, matchOnDescription: true, matchOnDetail: true });
    return choice ? send({ action: 'link', ...target, kind: 'same-as', other: choice.candidate.mention }) : undefined;
  }

  /** One menu for everything (the context menu's and the keyboard's entry point). */
  async function chooseAnnotation(target: Target): Promise<unknown> {
    const choices: { label: string; command: string }[] = [
      ...TYPE_COMMANDS.map(([command, type]) => ({ label: `$(tag) ${labelOf(type)}`, command })),
      { label: '$(close) Not a name or date', command: 'newsAnnotator.removeEntity' },
      { label: '$(link) Same entity as...', command: 'newsAnnotator.sameEntityAs' },
      { label: '$(debug-disconnect) Not the same entity', command: 'newsAnnotator.notSameEntity' },
      { label: '$(pass) Claim verified', command: 'newsAnnotator.markClaimVerified' },
      { label: '$(question) Claim needs a source', command: 'newsAnnotator.markClaimNeedsSource' },
      { label: '$(error) Claim false', command: 'newsAnnotator.markClaimFalse' },
      { label: '$(circle-slash) Ignore claim', command: 'newsAnnotator.markClaimIgnored' },
      { label: '$(note) Add a note...', command: 'newsAnnotator.addNote' },
    ];
    const choice = await vscode.window.showQuickPick(choices, { title: 'Annotate' });
    return choice ? vscode.commands.executeCommand(choice.command, target.uri, target.start, target.end) : undefined;
  }
}

function labelOf(type: AnnotationType): string {
  return { PERSON: 'Person', ORGANIZATION: 'Organization', LOCATION: 'Place', MISC: 'Other', DATE: 'Date' }[type];
}

/** The active article's selection (or cursor) as offsets into its text. */
function activeTarget(): Target | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE) {
    void vscode.window.showWarningMessage('News Annotator: open an article and select the words to annotate.');
    return undefined;
  }
  const { document, selection } = editor;
  return { uri: document.uri.toString(), start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) };
}
