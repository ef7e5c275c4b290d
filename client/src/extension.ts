// The client: starts the language server and adds the few commands that need the editor's UI.
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerAnnotationCommands } from './annotationCommands';
import { exportAnnotations, importAnnotations } from './exchangeCommands';
import { SERVER_ENVIRONMENT } from '../../server/src/serverEnvironment';

const LANGUAGE = 'article';
let client: LanguageClient | undefined;

/** What activate() gives to other extensions and the tests. */
export interface NewsAnnotatorApi {
  client: LanguageClient;
  /** Settles when the language server has started (activation does not wait for it). */
  started: Promise<void>;
  /** How long activate() took, in ms (also written to the News Annotator output channel). */
  activationMs: number;
}

export async function activate(context: vscode.ExtensionContext): Promise<NewsAnnotatorApi> {
  const activationStart = performance.now();
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const env = { ...process.env, ...SERVER_ENVIRONMENT };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE },
      { scheme: 'untitled', language: LANGUAGE },
    ],
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.{txt,article,news}'),
        vscode.workspace.createFileSystemWatcher('**/.annotations/*.json'),
      ],
    },
    initializationOptions: {
      settings: vscode.workspace.getConfiguration('newsAnnotator'),
      // Analyses of unchanged articles are read from here when the workspace is opened again.
      cacheDir: path.join((context.storageUri ?? context.globalStorageUri).fsPath, 'analyses'),
    },
    markdown: { isTrusted: { enabledCommands: ['newsAnnotator.openMention', 'newsAnnotator.setArticleDate'] } },
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  client = new LanguageClient('newsAnnotator', 'News Annotator', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(adoptArticle),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('newsAnnotator.articleFiles') || e.affectsConfiguration('newsAnnotator.exclude')) {
        vscode.workspace.textDocuments.forEach(adoptArticle);
      }
    }),
    vscode.commands.registerCommand('newsAnnotator.treatFolderAsArticles', treatFolderAsArticles),
    vscode.commands.registerCommand('newsAnnotator.exportAnnotations', (target?: vscode.Uri, scope?: 'article' | 'workspace', format?: string, authors?: string[]) =>
      client ? exportAnnotations(client, target, scope, format, authors) : undefined,
    ),
    vscode.commands.registerCommand('newsAnnotator.importAnnotations', (source?: vscode.Uri, format?: 'w3c' | 'brat') => (client ? importAnnotations(client, source, format) : undefined)),
    vscode.commands.registerCommand('newsAnnotator.openMention', openMention),
    vscode.commands.registerCommand('newsAnnotator.setArticleDate', setArticleDate),
  );
  registerAnnotationCommands(context, () => client);
  vscode.workspace.textDocuments.forEach(adoptArticle);
  // The server loads its models in its own process; the editor need not wait for that to finish activating us.
  const started = client.start().catch((error) => client?.error('The language server did not start', error, 'force'));
  const activationMs = performance.now() - activationStart;
  client.outputChannel.appendLine(`Activated in ${activationMs.toFixed(1)} ms`);
  return { client, started, activationMs };
}

export async function deactivate(): Promise<void> {
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
  if (!client) return;
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
