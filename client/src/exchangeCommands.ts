// Export and import from the editor: what, in which format, whose annotations and where. A caller (a keybinding, a
// task, a test) may answer the questions in the arguments; otherwise they are asked.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

const LANGUAGE = 'article';

const FORMATS = [
  { format: 'json', label: 'JSON', detail: 'News Annotator’s export contract: names, dates, attributions, claims, notes', extension: 'json' },
  { format: 'w3c', label: 'W3C Web Annotation', detail: 'A JSON-LD annotation collection with TextQuote and TextPosition selectors', extension: 'jsonld' },
  { format: 'brat', label: 'brat standoff', detail: 'One .ann and .txt per article, and annotation.conf, in a folder (brat, INCEpTION)', extension: 'ann' },
  { format: 'conll', label: 'CoNLL', detail: 'One token per line with BIO tags (B-PER, I-ORG, ...)', extension: 'conll' },
] as const;

const run = <T>(client: LanguageClient, command: string, ...args: unknown[]) => client.sendRequest<T>('workspace/executeCommand', { command, arguments: args });

export async function exportAnnotations(client: LanguageClient, target?: vscode.Uri, scope?: 'article' | 'workspace', format?: string, authors?: string[]): Promise<void> {
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
  // A caller that names the target and not the format wants JSON, as before there were formats to choose from.
  format ??= target ? 'json' : undefined;
  const chosen = format ? FORMATS.find((f) => f.format === format) : await vscode.window.showQuickPick(FORMATS, { placeHolder: 'Format' });
  if (!chosen) return;
  if (!authors && !target) {
    const known = await run<string[]>(client, 'newsAnnotator.annotationAuthors');
    if (known.length > 0) {
      const choice = await vscode.window.showQuickPick([{ label: 'Everything', authors: undefined }, ...known.map((name) => ({ label: `Only ${name}’s annotations`, authors: [name] }))], {
        placeHolder: 'Whose annotations',
      });
      if (!choice) return;
      authors = choice.authors;
    }
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!target && chosen.format === 'brat') {
    target = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri: folder, openLabel: 'Export here' }))?.[0];
  } else if (!target) {
    const name = `annotations.${chosen.extension === 'ann' ? 'json' : chosen.extension}`;
    const suggested = article && scope === 'article' ? article.uri.with({ path: `${article.uri.path}.${name}` }) : folder && vscode.Uri.joinPath(folder, name);
    target = await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { [chosen.label]: [chosen.extension] }, saveLabel: 'Export' });
  }
  if (!target) return;
  const uris = scope === 'article' ? [article!.uri.toString()] : null;
  const result = await run<unknown>(client, 'newsAnnotator.exportJson', uris, chosen.format, authors ?? null);
  const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  if (chosen.format === 'brat') {
    for (const file of (result as { files: { path: string; content: string }[] }).files) await write(vscode.Uri.joinPath(target, ...file.path.split('/')), file.content);
  } else {
    await write(target, chosen.format === 'conll' ? (result as { text: string }).text : `${JSON.stringify(result, null, 2)}\n`);
  }
  void vscode.window.showInformationMessage(`News Annotator: ${chosen.label} exported to ${vscode.workspace.asRelativePath(target)}.`);
}

/**
 * Imports a W3C file (JSON or JSON-LD) or brat `.ann` files (a folder of them, or one for the current article) into the
 * workspace's articles. The server stores them with the articles' annotations; Undo Annotation takes them back.
 */
export async function importAnnotations(client: LanguageClient, source?: vscode.Uri, format?: 'w3c' | 'brat'): Promise<void> {
  if (!source) {
    const picked = (
      await vscode.window.showOpenDialog({
        canSelectFiles: true,
        canSelectFolders: true,
        canSelectMany: false,
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        openLabel: 'Import',
        filters: { 'W3C Web Annotation': ['json', 'jsonld'], 'brat standoff': ['ann'] },
        title: 'Import annotations: a W3C file, a brat .ann file or a folder of them',
      })
    )?.[0];
    if (!picked) return;
    source = picked;
  }
  const isFolder = (await vscode.workspace.fs.stat(source)).type & vscode.FileType.Directory;
  format ??= isFolder || source.path.endsWith('.ann') ? 'brat' : 'w3c';
  const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
  const readIfThere = (uri: vscode.Uri) => read(uri).then((text) => text, () => undefined);
  let request: unknown;
  try {
    if (format === 'w3c') {
      request = { format, data: JSON.parse(await read(source)) };
    } else {
      const anns = isFolder ? await vscode.workspace.findFiles(new vscode.RelativePattern(source, '**/*.ann')) : [source];
      const active = vscode.window.activeTextEditor?.document;
      const files = await Promise.all(
        anns.map(async (ann) => ({
          // One .ann file picked goes to the open article; a folder's files go to the articles of the same names.
          path: isFolder ? ann.path.slice(source!.path.replace(/\/$/, '').length + 1) : active?.languageId === LANGUAGE ? `${vscode.workspace.asRelativePath(active.uri, false).replace(/\.txt$/, '')}.ann` : ann.path.split('/').pop()!,
          ann: await read(ann),
          txt: await readIfThere(ann.with({ path: ann.path.replace(/\.ann$/, '.txt') })),
        })),
      );
      request = { format, files };
    }
  } catch (error) {
    void vscode.window.showErrorMessage(`News Annotator: cannot read ${vscode.workspace.asRelativePath(source)}: ${(error as Error).message}`);
    return;
  }
  try {
    const done = await run<string>(client, 'newsAnnotator.importInto', request);
    void vscode.window.showInformationMessage(`News Annotator: ${done}.`);
  } catch (error) {
    void vscode.window.showErrorMessage(`News Annotator: ${(error as Error).message}`);
  }
}
