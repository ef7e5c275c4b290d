// Protocol tests: the bundled server (dist/server.js) over stdio, as an editor would drive it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { sampleWorkspace } from '../support/sampleWorkspace';
import { serveDuringSuite } from '../support/suiteServer';
import { indexed, startServer, type TestServer } from '../../tools/src/lspClient';

const SETTINGS = { articleFiles: ['**/*.txt', '**/*.news'] };
const TOKEN_TYPES = ['person', 'organization', 'location', 'misc', 'date'];

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code: string;
  source: string;
  severity?: number;
  message: string;
  codeDescription?: { href: string };
  relatedInformation?: { location: { uri: string }; message: string }[];
  data?: unknown;
}
interface WorkspaceReport {
  items: { uri: string; kind: string; resultId: string; items?: Diagnostic[] }[];
}

function makeWorkspace(): string {
  return sampleWorkspace('lsp', {
    'README.txt': 'Notes\n\nThe archive holds 4,000 articles and the largest is 2 MB.\n',
    // BOM, CRLF and emoji: offsets must still be UTF-16 indices into the decoded text.
    'flood-social.txt':
      '\uFEFFValmora flood 🌊 latest\r\n\r\n🌊 Mayor Tomas Berg says 😀 the flood destroyed 3,000 homes in Valmora.\r\nThe flood was the worst in the region since 1950.\r\n',
  });
}

function textOf(uri: string): TextDocument {
  const bytes = fs.readFileSync(URI.parse(uri).fsPath);
  const text = new TextDecoder('utf-8').decode(bytes); // strips the BOM like the server does
  return TextDocument.create(uri, 'article', 0, text);
}

function decodeTokens(data: number[]): { line: number; char: number; length: number; type: string }[] {
  const tokens = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    tokens.push({ line, char, length: data[i + 2], type: TOKEN_TYPES[data[i + 3]] });
  }
  return tokens;
}

describe('language server over stdio', () => {
  let dir: string;
  let server: TestServer;
  const uriOf = (name: string) => URI.file(path.join(dir, name)).toString();

  serveDuringSuite(makeWorkspace, SETTINGS, (started) => ({ dir, server } = started));

  const workspaceDiagnostics = () => server.connection.sendRequest<WorkspaceReport>('workspace/diagnostic', { previousResultIds: [] });

  it('reports unattributed claims for every article, open or not, and never for README.txt', async () => {
    const report = await workspaceDiagnostics();
    const uris = report.items.map((i) => i.uri).sort();
    assert.ok(!uris.includes(uriOf('README.txt')), 'README.txt must not be treated as an article');
    for (const name of ['alder-dam-wire.txt', 'alder-dam-daily.txt', 'alder-dam-explainer.txt', 'alder-dam-briefing.news', 'flood-social.txt']) {
      assert.ok(uris.includes(uriOf(name)), `${name} is indexed`);
    }
    // Where another article attributes the same figure, the problem points there: where to look for the source.
    const briefing = report.items.find((i) => i.uri === uriOf('alder-dam-briefing.news'))!;
    const related = (briefing.items ?? []).flatMap((d) => d.relatedInformation ?? []);
    assert.ok(related.some((r) => r.location.uri === uriOf('alder-dam-wire.txt') && /^Attributed in alder-dam-wire\.txt: .*12,000/.test(r.message)), JSON.stringify(related));
    const flagged = report.items.filter((i) => (i.items ?? []).length > 0);
    assert.ok(flagged.length >= 3, `claims flagged in at least three closed articles, got ${flagged.length}`);
    for (const item of report.items) {
      const document = textOf(item.uri);
      for (const d of item.items ?? []) {
        assert.equal(d.code, 'unattributed-claim');
        assert.equal(d.source, 'news-annotator');
        assert.match(d.codeDescription?.href ?? '', /README\.md#unattributed-claims$/);
        assert.match(d.message, /^Unattributed claim: .+ with no source \(“.+”\)$/);
        // Strong claims get the configured severity (warning), the others one step milder (information).
        assert.ok(d.severity === 2 || d.severity === 3, `severity ${d.severity}`);
        const text = document.getText(d.range);
        assert.ok(text.length > 10 && !/^\s|\s$/.test(text), `diagnostic range covers a trimmed claim: ${JSON.stringify(text)}`);
      }
    }
  });

  it('keeps UTF-16 offsets right with a BOM, CRLF and emoji', async () => {
    const report = await workspaceDiagnostics();
    const social = report.items.find((i) => i.uri === uriOf('flood-social.txt'))!;
    const document = textOf(social.uri);
    const texts = (social.items ?? []).map((d) => document.getText(d.range));
    assert.ok(texts.includes('The flood was the worst in the region since 1950.'), `got ${JSON.stringify(texts)}`);
    const tokens = await server.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: social.uri } });
    const lines = document.getText().split(/\r\n/);
    const named = decodeTokens(tokens.data).map((t) => `${t.type}:${lines[t.line].slice(t.char, t.char + t.length)}`);
    assert.ok(named.includes('person:Tomas Berg'), `got ${named.join(', ')}`);
    assert.ok(named.includes('location:Valmora'), `got ${named.join(', ')}`);
  });

  it('answers an unchanged workspace pull with unchanged reports', async () => {
    const first = await workspaceDiagnostics();
    const again = await server.connection.sendRequest<WorkspaceReport>('workspace/diagnostic', {
      previousResultIds: first.items.map((i) => ({ uri: i.uri, value: i.resultId })),
    });
    assert.ok(again.items.every((i) => i.kind === 'unchanged'));
  });

  it('colors people, places and dates with semantic tokens that slice to the entity text', async () => {
    const uri = uriOf('alder-dam-wire.txt');
    const document = textOf(uri);
    const result = await server.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const tokens = decodeTokens(result.data).map((t) => ({
      type: t.type,
      text: document.getText({ start: { line: t.line, character: t.char }, end: { line: t.line, character: t.char + t.length } }),
    }));
    const has = (type: string, text: string) => tokens.some((t) => t.type === type && t.text === text);
    assert.ok(has('person', 'Dmitri Orlov'), JSON.stringify(tokens));
    assert.ok(has('location', 'Valmora'));
    assert.ok(has('organization', 'Northern Water Authority'));
    assert.ok(has('date', 'March 14, 2025'));
    const range = await server.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/range', {
      textDocument: { uri },
      range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } },
    });
    const rangeTokens = decodeTokens(range.data);
    assert.ok(rangeTokens.length > 0 && rangeTokens.every((t) => t.line === 4), 'range request returns only tokens in the range');
  });

  it('shows a cross-article hover card for a person, with links to the other articles', async () => {
    const uri = uriOf('alder-dam-daily.txt');
    const document = textOf(uri);
    const offset = document.getText().indexOf('Dmitry Orlov');
    const hover = await server.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: document.positionAt(offset + 8),
    });
    assert.ok(hover, 'hover on a person');
    const card = hover.contents.value;
    assert.match(card, /\*\*Dmitri Orlov\*\* · person/);
    assert.match(card, /Dmitry Orlov/);
    assert.match(card, /alder-dam-wire\.txt/);
    assert.match(card, /alder-dam-briefing\.news/);
    assert.match(card, /command:newsAnnotator\.openMention\?/);
  });

  it('shows the day and the other articles naming it in a date hover', async () => {
    const uri = uriOf('alder-dam-daily.txt');
    const document = textOf(uri);
    const hover = await server.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: document.positionAt(document.getText().indexOf('March 15') + 2),
    });
    assert.ok(hover);
    assert.match(hover.contents.value, /15 March/);
    assert.match(hover.contents.value, /alder-dam-briefing\.news/);
  });

  it('finds all references of an entity across articles, and the entity as a workspace symbol', async () => {
    const uri = uriOf('alder-dam-explainer.txt');
    const document = textOf(uri);
    const locations = await server.connection.sendRequest<{ uri: string }[]>('textDocument/references', {
      textDocument: { uri },
      position: document.positionAt(document.getText().indexOf('Orlov has') + 1),
      context: { includeDeclaration: true },
    });
    const articles = new Set(locations.map((l) => path.basename(URI.parse(l.uri).fsPath)));
    assert.deepEqual([...articles].sort(), ['alder-dam-briefing.news', 'alder-dam-daily.txt', 'alder-dam-explainer.txt', 'alder-dam-wire.txt']);
    const symbols = await server.connection.sendRequest<{ name: string; kind: number }[]>('workspace/symbol', { query: 'orlov' });
    assert.deepEqual(symbols.map((s) => s.name), ['Dmitri Orlov']);
  });

  it('outlines the headline and the people, organizations and places', async () => {
    const symbols = await server.connection.sendRequest<{ name: string; detail?: string; children?: { name: string }[] }[]>('textDocument/documentSymbol', {
      textDocument: { uri: uriOf('alder-dam-wire.txt') },
    });
    assert.equal(symbols[0].name, 'Dam breach floods Valmora valley, thousands evacuated');
    const groups = Object.fromEntries(symbols.slice(1).map((s) => [s.name, (s.children ?? []).map((c) => c.name)]));
    assert.ok(groups.People.includes('Dmitri Orlov'));
    assert.ok(groups.Places.includes('Valmora'));
    assert.ok(groups.Organizations.includes('Northern Water Authority'));
  });

  it('updates an open document on edits: spans follow the new text', async () => {
    const filePath = path.join(dir, 'alder-dam-briefing.news');
    const original = fs.readFileSync(filePath, 'utf8');
    const uri = await server.open(filePath, original);
    const inserted = '🌊🌊 ';
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: inserted }],
    });
    const edited = TextDocument.create(uri, 'article', 2, original);
    TextDocument.update(edited, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: inserted }], 2);
    const report = await server.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    const claim = report.items.find((d) => edited.getText(d.range).startsWith('At least 12,000 people'));
    assert.ok(claim, `claim found after the edit: ${report.items.map((d) => edited.getText(d.range)).join(' | ')}`);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('answers diagnostics at once after an edit, and again, the same, after relinking the workspace once typing pauses', async () => {
    await server.connection.sendRequest('workspace/symbol', { query: 'Orlov' }); // the workspace is linked
    const filePath = path.join(dir, 'alder-dam-briefing.news');
    const uri = await server.open(filePath, fs.readFileSync(filePath, 'utf8'));
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Update: ' }],
    });
    const refreshes = server.seen.get('workspace/diagnostic/refresh') ?? 0;
    type Report = { kind: string; resultId: string; items: Diagnostic[] };
    const related = (report: Report) => report.items.flatMap((d) => (d.relatedInformation ?? []).map((r) => `${r.location.uri} ${r.message}`)).sort();
    const now = await server.connection.sendRequest<Report>('textDocument/diagnostic', { textDocument: { uri } });
    assert.ok(related(now).some((r) => r.startsWith(uriOf('alder-dam-wire.txt'))), JSON.stringify(related(now)));
    for (let waited = 0; (server.seen.get('workspace/diagnostic/refresh') ?? 0) === refreshes; waited += 20) {
      assert.ok(waited < 10000, 'the server asks for diagnostics again after relinking');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const relinked = await server.connection.sendRequest<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: now.resultId });
    assert.equal(relinked.kind, 'full', 'the report made before the relink is replaced');
    assert.deepEqual(related(relinked), related(now));
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('a quick fix marks a claim verified; the diagnostic goes and stays gone after a restart', async () => {
    const uri = uriOf('alder-dam-explainer.txt');
    const before = await server.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    const target = before.items[0];
    assert.ok(target, 'the explainer has an unattributed claim');
    const actions = await server.connection.sendRequest<{ title: string; command: { command: string; arguments: unknown[] } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target], only: ['quickfix'] },
    });
    assert.deepEqual(actions.map((a) => a.title), ['Mark claim as verified', 'Mark claim as needing a source', 'Mark claim as false', 'Ignore this claim']);
    const ok = await server.connection.sendRequest('workspace/executeCommand', actions[0].command);
    assert.equal(ok, true);
    const stored = JSON.parse(fs.readFileSync(path.join(dir, '.annotations', 'alder-dam-explainer.txt.json'), 'utf8'));
    assert.equal(stored.annotations[0].status, 'verified');
    const after = await server.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(after.items.length, before.items.length - 1);
    assert.ok(!after.items.some((d) => JSON.stringify(d.range) === JSON.stringify(target.range)));

    const restarted = await startServer(dir, SETTINGS);
    try {
      await indexed(restarted);
      const reloaded = await restarted.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(reloaded.items.length, after.items.length);
    } finally {
      await restarted.stop();
    }
  });

  it('"Needs source" keeps the problem, marked as the editor\'s, across a restart, and offers the other fixes', async () => {
    const uri = uriOf('alder-dam-briefing.news');
    const before = await server.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    const target = before.items.find((d) => d.code === 'unattributed-claim');
    assert.ok(target, 'the briefing has an unattributed claim');
    const actions = await server.connection.sendRequest<{ title: string; command: { command: string; arguments: unknown[] } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target] },
    });
    const needsSource = actions.find((a) => a.title === 'Mark claim as needing a source')!;
    assert.equal(await server.connection.sendRequest('workspace/executeCommand', needsSource.command), true);
    const stored = JSON.parse(fs.readFileSync(path.join(dir, '.annotations', 'alder-dam-briefing.news.json'), 'utf8'));
    assert.equal(stored.annotations[0].status, 'needs-source');

    const restarted = await startServer(dir, SETTINGS);
    try {
      await indexed(restarted);
      const after = await restarted.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(after.items.length, before.items.length);
      const marked = after.items.find((d) => JSON.stringify(d.range) === JSON.stringify(target.range))!;
      assert.match(marked.message, /^Needs a source, an editor says \([^)]+\): Unattributed claim: a number with no source \(“/);
      const again = await restarted.connection.sendRequest<{ title: string }[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: marked.range,
        context: { diagnostics: [marked] },
      });
      const titles = again.map((a) => a.title);
      assert.ok(titles.includes('Mark claim as verified') && titles.includes('Ignore this claim'), titles.join());
      assert.ok(!titles.includes('Mark claim as needing a source'), titles.join());
    } finally {
      await restarted.stop();
    }
  });

  it('shows who said a quote and where else that person is quoted', async () => {
    const uri = uriOf('alder-dam-wire.txt');
    const document = textOf(uri);
    const hover = await server.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: document.positionAt(document.getText().indexOf('The water is still rising') + 6),
    });
    assert.ok(hover, 'hover on a quote');
    assert.match(hover.contents.value, /\*\*Said by Dmitri Orlov\*\* · person/);
    assert.match(hover.contents.value, /cue “told”/);
    assert.match(hover.contents.value, /Quoted 1 more time in this article/);
    assert.match(hover.contents.value, /\*\*Quoted in other articles\*\*[\s\S]*alder-dam-explainer\.txt:\d+\]\(command:newsAnnotator\.openMention/);
  });

  it('reports a corrupt annotation file as a problem and leaves the file untouched', async () => {
    const uri = uriOf('alder-dam-daily.txt');
    const file = path.join(dir, '.annotations', 'alder-dam-daily.txt.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{ "version": 1, "annotations": [ oops');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(file).toString(), type: 1 }] });
    const report = await server.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    const problem = report.items.find((d) => d.code === 'annotation-file');
    assert.ok(problem, 'a problem names the broken annotation file');
    assert.match(problem.message, /not valid JSON/);
    const claim = report.items.find((d) => d.code === 'unattributed-claim')!;
    const result = await server.connection
      .sendRequest('workspace/executeCommand', { command: 'newsAnnotator.setClaimStatus', arguments: [uri, (claim.data as { start: number }).start, (claim.data as { end: number }).end, 'ignored'] })
      .catch(() => false);
    assert.equal(result, false);
    assert.ok(server.seen.get('window/showMessage'), 'the editor is told the decision was not saved');
    assert.equal(fs.readFileSync(file, 'utf8'), '{ "version": 1, "annotations": [ oops');
    assert.equal(server.process.exitCode, null, 'the server keeps running');
  });
});

describe('language server with bad input', () => {
  it('skips binary, invalid UTF-8 and oversized files with a reason, and keeps serving the rest', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-bad-'));
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 owner Jos\xe9 Ruiz said 40 people came.', 'latin1'));
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'good.txt'), 'Flood\n\nMayor Tomas Berg said the flood destroyed 3,000 homes. The flood was the worst in the region since 1950.\n');
    const server = await startServer(dir, { articleFiles: ['**/*.txt'], maxFileSize: 300 });
    try {
      await indexed(server);
      const report = await server.connection.sendRequest<WorkspaceReport>('workspace/diagnostic', { previousResultIds: [] });
      const names = report.items.map((i) => path.basename(URI.parse(i.uri).fsPath)).sort();
      assert.deepEqual(names, ['empty.txt', 'good.txt']);
      assert.ok(report.items.find((i) => i.uri.endsWith('good.txt'))!.items!.length > 0);

      // An open document over the limit is shown, not analyzed, and says why.
      const big = `Big story\n\n${'Mayor Tomas Berg said 3,000 homes were lost. '.repeat(20)}\n`;
      const uri = await server.open(path.join(dir, 'big.txt'), big);
      const diagnostics = await server.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual(diagnostics.items.map((d) => d.code), ['not-analyzed']);
      assert.match(diagnostics.items[0].message, /over the 300-character limit/);
      const tokens = await server.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
      assert.deepEqual(tokens.data, []);
      assert.equal(server.process.exitCode, null);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
