// The language client and the options it starts the server with. extension.ts loads this module after activating:
// vscode-languageclient is most of the extension's code (about 900 KB), and loading it took 40-100 ms, which VS Code
// counts in the extension's activation time.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { SERVER_ENVIRONMENT } from '../../server/src/serverEnvironment';

export function createLanguageClient(context: vscode.ExtensionContext, language: string): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const env = { ...process.env, ...SERVER_ENVIRONMENT };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
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
  return new LanguageClient('newsAnnotator', 'News Annotator', serverOptions, clientOptions);
}
