// Runs inside VS Code: the extension as a user meets it, through VS Code's own command API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated, until } from './waiting';

/** Opens a file and waits until it has the expected language (the extension switches article files to it). */
async function openArticle(name: string, language = 'article'): Promise<vscode.TextDocument> {
  const [uri] = await vscode.workspace.findFiles(name);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return until(`${name} to open as ${language}`, () =>
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === language && !d.isClosed),
  );
}

const hoverText = (hovers: vscode.Hover[]) =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');

suite('News Annotator in VS Code', () => {
  suiteSetup(async () => {
    const { activationMs } = await activated();
    // A figure for BENCHMARKS.md (issue 8's 50 ms target), not a timed assertion: a loaded machine must not fail CI.
    console.log(`e2e: activate() took ${activationMs.toFixed(1)} ms`);
  });

  test('.news files open as articles, and so do .txt files the settings name; README.txt stays plain text', async () => {
    assert.equal((await openArticle('alder-dam-briefing.news')).languageId, 'article');
    assert.equal((await openArticle('alder-dam-wire.txt')).languageId, 'article');
    const readme = await openArticle('README.txt', 'plaintext');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const current = vscode.workspace.textDocuments.find((d) => d.uri.toString() === readme.uri.toString() && !d.isClosed);
    assert.equal(current?.languageId, 'plaintext');
    assert.deepEqual(vscode.languages.getDiagnostics(readme.uri), []);
  });

  test('colors a person and a place with distinct semantic token types', async () => {
    const document = await openArticle('alder-dam-wire.txt');
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    const tokens = await until('semantic tokens', async () => {
      const result = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
      return result && result.data.length > 0 ? result : undefined;
    });
    const named: string[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      char = tokens.data[i] === 0 ? char + tokens.data[i + 1] : tokens.data[i + 1];
      named.push(`${legend.tokenTypes[tokens.data[i + 3]]}:${document.getText(new vscode.Range(line, char, line, char + tokens.data[i + 2]))}`);
    }
    assert.ok(named.includes('person:Dmitri Orlov'), named.join(', '));
    assert.ok(named.includes('location:Valmora'), named.join(', '));
  });

  test('hover on a person shows the cross-article card', async () => {
    const document = await openArticle('alder-dam-daily.txt');
    const position = document.positionAt(document.getText().indexOf('Dmitry Orlov') + 8);
    const text = await until('hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      const value = hoverText(hovers);
      return value.includes('In other articles') ? value : undefined;
    });
    assert.match(text, /Dmitri Orlov/);
    assert.match(text, /alder-dam-wire\.txt/);
  });

  test('the Problems panel lists claims from an article that was never opened', async () => {
    const [explainer] = await vscode.workspace.findFiles('alder-dam-explainer.txt');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === explainer.toString()));
    const diagnostics = await until('diagnostics of a closed article', () => {
      const found = vscode.languages.getDiagnostics(explainer);
      return found.length > 0 ? found : undefined;
    });
    assert.ok(diagnostics.every((d) => d.source === 'news-annotator' && (d.code as { value: string }).value === 'unattributed-claim'));
  });

  test('the quick fix removes the diagnostic', async () => {
    const document = await openArticle('alder-dam-daily.txt');
    const diagnostics = await until('diagnostics', () => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'news-annotator');
      return found.length > 0 ? found : undefined;
    });
    const target = diagnostics[0];
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, target.range, vscode.CodeActionKind.QuickFix.value);
    const verify = actions.find((a) => a.title === 'Mark claim as verified');
    assert.ok(verify?.command, 'a quick fix to mark the claim verified');
    await vscode.commands.executeCommand(verify.command.command, ...(verify.command.arguments ?? []));
    await until('the diagnostic to go', () =>
      vscode.languages.getDiagnostics(document.uri).some((d) => d.range.isEqual(target.range)) ? undefined : true,
    );
  });

  test('"Set article date" resolves relative dates, and the inlay hint shows the day', async () => {
    const document = await openArticle('alder-dam-daily.txt');
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const saturdayEnd = document.positionAt(document.getText().indexOf('Saturday') + 'Saturday'.length);
    const hintAfterSaturday = async () => {
      const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, whole);
      const hint = hints.find((h) => h.position.isEqual(saturdayEnd));
      return hint && (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''));
    };
    assert.equal(await hintAfterSaturday(), undefined, 'no hint while the article has no date');
    await vscode.commands.executeCommand('newsAnnotator.setArticleDate', document.uri.toString(), null, '2025-03-16');
    assert.equal(await until('the hint after Saturday', hintAfterSaturday), '= 2025-03-15');
    const annotations = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.annotations', 'alder-dam-daily.txt.json');
    const stored = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(annotations)));
    assert.equal(stored.articleDate.date, '2025-03-16');
    await vscode.commands.executeCommand('newsAnnotator.setArticleDate', document.uri.toString(), null, null);
    await until('the hint to go', async () => ((await hintAfterSaturday()) === undefined ? true : undefined));
  });

  test('the export command writes JSON for the whole workspace', async () => {
    const [folder] = vscode.workspace.workspaceFolders!;
    const target = vscode.Uri.joinPath(folder.uri, 'out', 'export.json');
    await vscode.commands.executeCommand('newsAnnotator.exportAnnotations', target, 'workspace');
    const doc = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)));
    assert.equal(doc.schemaVersion, 1);
    assert.equal(doc.articles.length, 4);
    assert.ok(doc.entities.some((e: { canonical: string }) => e.canonical === 'Dmitri Orlov'));
  });
});
