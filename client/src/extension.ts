// The client: starts the language server and adds the few commands that need the editor's UI.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';

const LANGUAGE = 'article';
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE }],
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.{txt,article,news}'),
        vscode.workspace.createFileSystemWatcher('**/.annotations/*.json'),
      ],
    },
    initializationOptions: { settings: vscode.workspace.getConfiguration('newsAnnotator') },
    markdown: { isTrusted: { enabledCommands: ['newsAnnotator.openMention'] } },
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  client = new LanguageClient('newsAnnotator', 'News Annotator', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('newsAnnotator.treatFolderAsArticles', treatFolderAsArticles),
    vscode.commands.registerCommand('newsAnnotator.exportAnnotations', exportAnnotations),
    vscode.commands.registerCommand('newsAnnotator.openMention', openMention),
  );
  await client.start();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Makes the `.txt` files of a folder articles: colored when opened, and checked even when closed. */
async function treatFolderAsArticles(folder?: vscode.Uri): Promise<void> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const target = folder ?? (active ? vscode.Uri.joinPath(active, '..') : vscode.workspace.workspaceFolders?.[0]?.uri);
  if (!target || !vscode.workspace.getWorkspaceFolder(target)) {
    void vscode.window.showWarningMessage('News Annotator: open a folder first; articles are found inside the workspace.');
    return;
  }
  const relative = vscode.workspace.asRelativePath(target, false);
  const isRoot = relative === target.fsPath || relative === '';
  const glob = isRoot ? '**/*.txt' : `${relative}/**/*.txt`;
  const settings = vscode.workspace.getConfiguration('newsAnnotator', target);
  const articleFiles = settings.get<string[]>('articleFiles', []);
  if (!articleFiles.includes(glob)) await settings.update('articleFiles', [...articleFiles, glob], vscode.ConfigurationTarget.Workspace);
  const files = vscode.workspace.getConfiguration('files', target);
  const associations = { ...files.get<Record<string, string>>('associations', {}) };
  associations[isRoot ? '**/*.txt' : `**/${relative}/**/*.txt`] = LANGUAGE;
  await files.update('associations', associations, vscode.ConfigurationTarget.Workspace);
  for (const document of vscode.workspace.textDocuments) {
    if (document.languageId === 'plaintext' && document.uri.fsPath.startsWith(target.fsPath + path.sep) && document.uri.fsPath.endsWith('.txt')) {
      await vscode.languages.setTextDocumentLanguage(document, LANGUAGE);
    }
  }
  void vscode.window.showInformationMessage(`News Annotator: .txt files in ${isRoot ? 'this workspace' : relative} are now articles.`);
}

/** Asks what to export and where, unless a caller (a keybinding, a task, a test) says so in the arguments. */
async function exportAnnotations(target?: vscode.Uri, scope?: 'article' | 'workspace'): Promise<void> {
  if (!client) return;
  const active = vscode.window.activeTextEditor?.document;
  const article = active?.languageId === LANGUAGE ? active : undefined;
  if (!scope) {
    const choices = [
      ...(article ? [{ label: 'Current article', scope: 'article' as const }] : []),
      { label: 'All articles in the workspace', scope: 'workspace' as const },
    ];
    scope = (choices.length === 1 ? choices[0] : await vscode.window.showQuickPick(choices, { placeHolder: 'Export annotations of' }))?.scope;
    if (!scope) return;
  }
  if (scope === 'article' && !article) {
    void vscode.window.showWarningMessage('News Annotator: open an article to export it, or export the whole workspace.');
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const suggested = article && scope === 'article' ? article.uri.with({ path: `${article.uri.path}.annotations.json` }) : folder && vscode.Uri.joinPath(folder, 'annotations.json');
  target ??= await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { JSON: ['json'] }, saveLabel: 'Export' });
  if (!target) return;
  const uris = scope === 'article' ? [article!.uri.toString()] : undefined;
  const json = await client.sendRequest('workspace/executeCommand', { command: 'newsAnnotator.exportJson', arguments: [uris] });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(`${JSON.stringify(json, null, 2)}\n`));
  void vscode.window.showInformationMessage(`News Annotator: annotations exported to ${vscode.workspace.asRelativePath(target)}.`);
}

async function openMention(uri: string, line: number, character: number, endLine: number, endCharacter: number): Promise<void> {
  const selection = new vscode.Range(line, character, endLine, endCharacter);
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preview: true });
}
