// The client: starts the language server and adds the few commands that need the editor's UI.
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerAnnotationCommands } from './annotationCommands';
import { exportAnnotations, importAnnotations } from './exchangeCommands';

const LANGUAGE = 'article';
/** Set when activated; settles once the language client's code has loaded (commands wait for it). */
let languageClient: Promise<LanguageClient> | undefined;

/** What activate() gives to other extensions and the tests. */
export interface NewsAnnotatorApi {
  /** Settles when the language client has loaded and the server has started (activation waits for neither). */
  started: Promise<void>;
  /** How long activate() took, in ms (also written to the News Annotator output channel); VS Code adds loading our code. */
  activationMs: number;
}

export async function activate(context: vscode.ExtensionContext): Promise<NewsAnnotatorApi> {
  const activationStart = performance.now();
  // The language client's code loads, and the server starts in its own process, once the editor has activated us.
  const loading = loadLanguageClient(context);
  const client = (languageClient = loading.then((loaded) => loaded.client));
  // A client that did not load is reported once, by `started` below; each command that waits for it fails with it.
  client.catch(() => undefined);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(adoptArticle),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('newsAnnotator.articleFiles') || e.affectsConfiguration('newsAnnotator.exclude')) {
        vscode.workspace.textDocuments.forEach(adoptArticle);
      }
    }),
    vscode.commands.registerCommand('newsAnnotator.treatFolderAsArticles', treatFolderAsArticles),
    vscode.commands.registerCommand('newsAnnotator.exportAnnotations', async (target?: vscode.Uri, scope?: 'article' | 'workspace', format?: string, authors?: string[]) =>
      exportAnnotations(await client, target, scope, format, authors),
    ),
    vscode.commands.registerCommand('newsAnnotator.importAnnotations', async (source?: vscode.Uri, format?: 'w3c' | 'brat') => importAnnotations(await client, source, format)),
    vscode.commands.registerCommand('newsAnnotator.openMention', openMention),
    vscode.commands.registerCommand('newsAnnotator.setArticleDate', setArticleDate),
  );
  registerAnnotationCommands(context, client);
  vscode.workspace.textDocuments.forEach(adoptArticle);
  const activationMs = performance.now() - activationStart;
  const started = loading.then(
    (loaded) => {
      loaded.client.outputChannel.appendLine(`Activated in ${activationMs.toFixed(1)} ms; the language client loaded ${loaded.loadMs.toFixed(1)} ms after`);
      return loaded.client.start().catch((error) => loaded.client.error('The language server did not start', error, 'force'));
    },
    (error) => void vscode.window.showErrorMessage(`News Annotator: the language client did not load: ${(error as Error).message}`),
  );
  return { started, activationMs };
}

/** The language client, and how long loading its code and making it took (ms). */
async function loadLanguageClient(context: vscode.ExtensionContext): Promise<{ client: LanguageClient; loadMs: number }> {
  await new Promise((resolve) => setImmediate(resolve)); // after activate() has returned to VS Code
  const loadStart = performance.now();
  // A plain require, as VS Code loads extensions: its loader gives the module our copy of the vscode API.
  const { createLanguageClient } = require('./languageClient') as typeof import('./languageClient');
  const client = createLanguageClient(context, LANGUAGE);
  return { client, loadMs: performance.now() - loadStart };
}

export async function deactivate(): Promise<void> {
  const client = await languageClient?.catch(() => undefined);
  await client?.stop();
}

/**
 * A plain-text file that `newsAnnotator.articleFiles` names is opened as an article, so that everything (colors,
 * hovers, quick fixes) works on it, not only the checks the server runs on closed files.
 */
function adoptArticle(document: vscode.TextDocument): void {
  if (document.languageId !== 'plaintext' || document.uri.scheme !== 'file') return;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder) return;
  const settings = vscode.workspace.getConfiguration('newsAnnotator', document.uri);
  const matches = (globs: string[]) => globs.some((glob) => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, document) > 0);
  if (matches(settings.get<string[]>('articleFiles', [])) && !matches(settings.get<string[]>('exclude', []))) {
    void vscode.languages.setTextDocumentLanguage(document, LANGUAGE).then(rebindSemanticTokenListeners);
  }
}

/**
 * VS Code (1.100) binds a document's "semantic tokens changed" listeners when the document opens or providers come and
 * go, not when its language changes: a .txt file made an article here would keep its colors when the server's change
 * (an editor's annotation), until the text is edited. A provider registered and removed at once makes it bind them.
 */
function rebindSemanticTokenListeners(): void {
  vscode.languages.registerDocumentSemanticTokensProvider({ language: LANGUAGE }, { provideDocumentSemanticTokens: () => null }, new vscode.SemanticTokensLegend([])).dispose();
}

/** Makes the `.txt` files of a folder articles: colored when opened, and checked even when closed. */
async function treatFolderAsArticles(folder?: vscode.Uri): Promise<void> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const target = folder ?? (active ? vscode.Uri.joinPath(active, '..') : vscode.workspace.workspaceFolders?.[0]?.uri);
  const workspaceFolder = target && vscode.workspace.getWorkspaceFolder(target);
  if (!target || !workspaceFolder) {
    void vscode.window.showWarningMessage('News Annotator: open a folder first; articles are found inside the workspace.');
    return;
  }
  const relative = path.relative(workspaceFolder.uri.fsPath, target.fsPath).split(path.sep).join('/');
  const glob = relative ? `${relative}/**/*.txt` : '**/*.txt';
  const settings = vscode.workspace.getConfiguration('newsAnnotator', target);
  const articleFiles = settings.get<string[]>('articleFiles', []);
  if (!articleFiles.includes(glob)) await settings.update('articleFiles', [...articleFiles, glob], vscode.ConfigurationTarget.Workspace);
  vscode.workspace.textDocuments.forEach(adoptArticle);
  void vscode.window.showInformationMessage(`News Annotator: .txt files in ${relative || 'this workspace folder'} are now articles.`);
}

async function openMention(uri: string, line: number, character: number, endLine: number, endCharacter: number): Promise<void> {
  const selection = new vscode.Range(line, character, endLine, endCharacter);
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preview: true });
}

/**
 * Asks for the date an article was published and stores it with the article's annotations, where it resolves
 * "Friday" and "last month". A caller (the code action, a test) may pass the article and the date; an empty answer
 * removes a date an editor set before.
 */
async function setArticleDate(uri?: string, suggested?: string | null, date?: string | null): Promise<void> {
  const client = await languageClient!;
  const active = vscode.window.activeTextEditor?.document;
  const target = uri ?? (active?.languageId === LANGUAGE ? active.uri.toString() : undefined);
  if (!target) {
    void vscode.window.showWarningMessage('News Annotator: open an article to set its date.');
    return;
  }
  if (date === undefined) {
    const answer = await vscode.window.showInputBox({
      title: 'Set article date',
      prompt: 'The date the article was published, as YYYY-MM-DD. Leave empty to remove a date set before.',
      value: suggested ?? '',
      placeHolder: 'YYYY-MM-DD',
      validateInput: (value) => (/^(?:\d{4}-\d{2}-\d{2})?$/.test(value.trim()) ? undefined : 'A date as YYYY-MM-DD, such as 2016-10-17.'),
    });
    if (answer === undefined) return;
    date = answer.trim() || null;
  }
  try {
    const stored = await client.sendRequest('workspace/executeCommand', { command: 'newsAnnotator.storeArticleDate', arguments: [target, date] });
    if (stored) void vscode.window.showInformationMessage(date ? `News Annotator: dates in this article now resolve against ${date}.` : "News Annotator: the article's date set by an editor was removed.");
  } catch (error) {
    void vscode.window.showErrorMessage(`News Annotator: ${(error as Error).message}`);
  }
}
