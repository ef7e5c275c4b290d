// Protocol tests for editors' annotations: the bundled server over stdio, driven as the editor drives it (code actions,
// commands, edits, files changing on disk), checked where editors look (colors, hover, problems, references, export).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { emptyDecisionFile, serializeDecisionFile, setClaimStatus } from '../../server/src/decisions';
import { sampleWorkspace } from '../support/sampleWorkspace';
import { serveDuringSuite } from '../support/suiteServer';
import { indexed, startServer, type TestServer } from '../../tools/src/lspClient';

const SETTINGS = { articleFiles: ['**/*.txt', '**/*.news'], author: 'Test Editor' };
const TOKEN_TYPES = ['person', 'organization', 'location', 'misc', 'date'];

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  message: string;
  data?: unknown;
}
interface CodeAction {
  title: string;
  kind?: string;
  command: { command: string; arguments: unknown[] };
}

function makeWorkspace(): string {
  // BOM, CRLF and emoji before the annotated words: offsets are UTF-16 code units into the decoded text.
  return sampleWorkspace('annotations', {
    'flood-social.txt': '\uFEFFValmora flood 🌊 latest\r\n\r\n🌊 Mayor Tomas Berg says 😀 the Kessel bridge is gone.\r\n',
  });
}

describe('editors’ annotations over the language server protocol', () => {
  let dir: string;
  let server: TestServer;
  const uriOf = (name: string) => URI.file(path.join(dir, name)).toString();
  const fileOf = (name: string) => path.join(dir, '.annotations', `${name}.json`);
  const documentOf = (name: string) => TextDocument.create(uriOf(name), 'article', 0, new TextDecoder().decode(fs.readFileSync(path.join(dir, name))));
  const spanOf = (name: string, words: string, from = 0) => {
    const text = documentOf(name).getText();
    const start = text.indexOf(words, from);
    assert.ok(start >= 0, `"${words}" in ${name}`);
    return { start, end: start + words.length };
  };
  const request = <T>(method: string, params: unknown) => server.connection.sendRequest<T>(method, params);
  const command = <T>(name: string, ...args: unknown[]) => request<T>('workspace/executeCommand', { command: name, arguments: args });
  const annotate = (body: Record<string, unknown>) => command<string | false>('newsAnnotator.annotate', body);
  const diagnostics = async (name: string) => (await request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(name) } })).items;
  const hover = async (name: string, words: string) => {
    const document = documentOf(name);
    const position = document.positionAt(spanOf(name, words).start + 1);
    return (await request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: uriOf(name) }, position }))?.contents.value ?? '';
  };
  const actionsAt = (name: string, words: string, selectAll = false, diagnosticsHere: Diagnostic[] = []) => {
    const document = documentOf(name);
    const span = spanOf(name, words);
    const start = document.positionAt(span.start + (selectAll ? 0 : 1));
    const end = selectAll ? document.positionAt(span.end) : start;
    return request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(name) }, range: { start, end }, context: { diagnostics: diagnosticsHere } });
  };
  const run = (action: CodeAction) => request<unknown>('workspace/executeCommand', action.command);
  /** Semantic tokens as "type:text" ("+" marks one an editor annotated). */
  const tokens = async (name: string) => {
    const document = documentOf(name);
    const { data } = await request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: uriOf(name) } });
    const result: string[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
      const text = document.getText({ start: { line, character: char }, end: { line, character: char + data[i + 2] } });
      result.push(`${TOKEN_TYPES[data[i + 3]]}${data[i + 4] & 1 ? '+' : ''}:${text}`);
    }
    return result;
  };
  const references = async (name: string, words: string) => {
    const document = documentOf(name);
    const locations = await request<{ uri: string }[]>('textDocument/references', {
      textDocument: { uri: uriOf(name) },
      position: document.positionAt(spanOf(name, words).start + 1),
      context: { includeDeclaration: true },
    });
    return [...new Set(locations.map((l) => path.basename(URI.parse(l.uri).fsPath)))].sort();
  };

  serveDuringSuite(makeWorkspace, SETTINGS, (started) => ({ dir, server } = started));

  it('removes, adds, retypes and confirms names: colors, hover and export follow, and say an editor did it', async () => {
    assert.ok((await tokens('alder-dam-wire.txt')).includes('person:Dam'), 'the tagger takes the headline’s "Dam" for a person');
    const remove = (await actionsAt('alder-dam-wire.txt', 'Dam')).find((a) => a.title === '“Dam” is not a name or date');
    assert.ok(remove, 'a code action removes the detected name');
    assert.match(String(await run(remove)), /Not an entity: “Dam”/);
    assert.ok(!(await tokens('alder-dam-wire.txt')).includes('person:Dam'));

    const selection = await actionsAt('alder-dam-wire.txt', 'spillway', true);
    const annotateMisc = selection.find((a) => a.title === 'Annotate “spillway” as Other');
    assert.ok(annotateMisc, `offered on a selection: ${selection.map((a) => a.title).join(' | ')}`);
    await run(annotateMisc);
    const retype = (await actionsAt('alder-dam-wire.txt', 'Alder Dam')).find((a) => a.title === 'Retype “Alder Dam” as Organization');
    assert.ok(retype);
    await run(retype);
    await annotate({ action: 'entity', uri: uriOf('alder-dam-wire.txt'), ...spanOf('alder-dam-wire.txt', 'Reuters'), type: 'ORGANIZATION' });

    const colored = await tokens('alder-dam-wire.txt');
    for (const token of ['misc+:spillway', 'organization+:Alder Dam', 'organization+:Reuters', 'person:Dmitri Orlov']) assert.ok(colored.includes(token), `${token} in ${colored.join(', ')}`);
    assert.match(await hover('alder-dam-wire.txt', 'Alder Dam'), /✎ Retyped by an editor \(Test Editor, \d{4}-\d\d-\d\d\); detected as place\./);
    assert.match(await hover('alder-dam-wire.txt', 'Reuters'), /✎ Confirmed by an editor \(Test Editor/);
    assert.match(await hover('alder-dam-wire.txt', 'spillway'), /\*\*spillway\*\* · other name[\s\S]*✎ Added by an editor/);

    const doc = await command<{ articles: { path: string; entities: { text: string; type: string; editor?: { action: string; author: string } }[] }[] }>('newsAnnotator.exportJson', null, 'json');
    const wire = doc.articles.find((a) => a.path === 'alder-dam-wire.txt')!;
    assert.ok(!wire.entities.some((e) => e.text === 'Dam'));
    assert.deepEqual(wire.entities.find((e) => e.text === 'Alder Dam'), { ...wire.entities.find((e) => e.text === 'Alder Dam'), type: 'ORGANIZATION' });
    assert.equal(wire.entities.find((e) => e.text === 'spillway')?.editor?.author, 'Test Editor');
    const stored = JSON.parse(fs.readFileSync(fileOf('alder-dam-wire.txt'), 'utf8'));
    assert.equal(stored.version, 2);
    assert.deepEqual(stored.annotations.map((a: { kind: string }) => a.kind), ['not-entity', 'entity', 'entity', 'entity']);
  });

  it('keeps offsets right with a BOM, CRLF and emoji', async () => {
    await annotate({ action: 'entity', uri: uriOf('flood-social.txt'), ...spanOf('flood-social.txt', 'Kessel bridge'), type: 'LOCATION' });
    assert.ok((await tokens('flood-social.txt')).includes('location+:Kessel bridge'));
  });

  it('claim statuses: "false" and "needs a source" are problems that name the editor; the status shows after the claim', async () => {
    const before = await diagnostics('alder-dam-explainer.txt');
    const target = before.find((d) => d.code === 'unattributed-claim')!;
    const fixes = await request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf('alder-dam-explainer.txt') }, range: target.range, context: { diagnostics: [target], only: ['quickfix'] } });
    await run(fixes.find((a) => a.title === 'Mark claim as false')!);
    const after = await diagnostics('alder-dam-explainer.txt');
    const marked = after.find((d) => JSON.stringify(d.range) === JSON.stringify(target.range))!;
    assert.equal(marked.code, 'false-claim');
    assert.equal(marked.severity, 1);
    assert.match(marked.message, /^Claim false, an editor says \(Test Editor, \d{4}-\d\d-\d\d\)$/);
    const again = await request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf('alder-dam-explainer.txt') }, range: marked.range, context: { diagnostics: [marked], only: ['quickfix'] } });
    assert.deepEqual(again.map((a) => a.title), ['Mark claim as verified', 'Mark claim as needing a source', 'Ignore this claim', 'Clear the claim status an editor set']);

    // An attributed claim is no problem until an editor says it needs a source.
    const attributed = 'the Northern Water Authority confirmed';
    assert.ok(!after.some((d) => documentOf('alder-dam-explainer.txt').getText(d.range).includes(attributed)));
    const needs = (await actionsAt('alder-dam-explainer.txt', attributed)).find((a) => a.title === 'Mark claim as needing a source');
    assert.ok(needs, 'claim statuses are offered at the cursor');
    await run(needs);
    const flagged = (await diagnostics('alder-dam-explainer.txt')).find((d) => d.code === 'needs-source');
    assert.ok(flagged && documentOf('alder-dam-explainer.txt').getText(flagged.range).includes(attributed));

    const document = documentOf('alder-dam-explainer.txt');
    const hints = await request<{ label: string; tooltip: string }[]>('textDocument/inlayHint', {
      textDocument: { uri: uriOf('alder-dam-explainer.txt') },
      range: { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) },
    });
    assert.deepEqual(hints.map((h) => h.label).sort(), ['⚑ needs a source', '✗ false']);
    assert.match(hints[0].tooltip, /Test Editor/);
  });

  it('"not the same" and "same entity as" override linking in references and the hover', async () => {
    assert.deepEqual(await references('alder-dam-explainer.txt', 'Orlov'), ['alder-dam-briefing.news', 'alder-dam-daily.txt', 'alder-dam-explainer.txt', 'alder-dam-wire.txt']);
    const apart = (await actionsAt('alder-dam-explainer.txt', 'Orlov')).find((a) => a.title === '“Orlov” is not the same as Dmitri Orlov');
    assert.ok(apart);
    await run(apart);
    assert.deepEqual(await references('alder-dam-wire.txt', 'Dmitri Orlov'), ['alder-dam-briefing.news', 'alder-dam-daily.txt', 'alder-dam-wire.txt']);
    assert.deepEqual(await references('alder-dam-explainer.txt', 'Orlov'), ['alder-dam-explainer.txt']);
    assert.match(await hover('alder-dam-explainer.txt', 'Orlov'), /linked here by an editor, who kept it apart/);

    const { candidates } = await command<{ candidates: { canonical: string; mention: { uri: string; start: number; end: number } }[] }>(
      'newsAnnotator.linkCandidates',
      uriOf('alder-dam-explainer.txt'),
      spanOf('alder-dam-explainer.txt', 'Orlov').start,
      spanOf('alder-dam-explainer.txt', 'Orlov').start,
    );
    assert.equal(candidates[0].canonical, 'Dmitri Orlov', 'the entity sharing the name comes first');
    await annotate({ action: 'link', uri: uriOf('alder-dam-explainer.txt'), ...spanOf('alder-dam-explainer.txt', 'Orlov'), kind: 'same-as', other: candidates[0].mention });
    assert.deepEqual(await references('alder-dam-wire.txt', 'Dmitri Orlov'), ['alder-dam-briefing.news', 'alder-dam-daily.txt', 'alder-dam-explainer.txt', 'alder-dam-wire.txt']);
    assert.match(await hover('alder-dam-explainer.txt', 'Orlov'), /linked here by an editor, who said it is this entity/);
    const links = JSON.parse(fs.readFileSync(fileOf('alder-dam-explainer.txt'), 'utf8')).annotations.filter((a: { kind: string }) => a.kind.endsWith('same') || a.kind === 'same-as');
    // Both links point at the entity's first mention (in the briefing): the new one replaced the old one.
    assert.deepEqual(links.map((a: { kind: string; other: { article: string } }) => `${a.kind}:${a.other.article}`), ['same-as:alder-dam-briefing.news']);
  });

  it('notes show in the editor, not in the Problems panel', async () => {
    await annotate({ action: 'note', uri: uriOf('alder-dam-briefing.news'), ...spanOf('alder-dam-briefing.news', '12,000 people'), note: 'UNHCR says 11,800.' });
    const note = (await diagnostics('alder-dam-briefing.news')).find((d) => d.code === 'editor-note');
    assert.ok(note);
    assert.equal(note.severity, 4, 'a hint');
    assert.match(note.message, /^Note \(Test Editor, \d{4}-\d\d-\d\d\): UNHCR says 11,800\.$/);
  });

  it('undo and redo restore the annotation file; an undo never overwrites a change made on disk since', async () => {
    const file = fileOf('alder-dam-briefing.news');
    const before = fs.readFileSync(file, 'utf8');
    await annotate({ action: 'entity', uri: uriOf('alder-dam-briefing.news'), ...spanOf('alder-dam-briefing.news', 'tents'), type: 'MISC' });
    const after = fs.readFileSync(file, 'utf8');
    assert.notEqual(after, before);
    assert.match(String(await command('newsAnnotator.undoAnnotation')), /^Undone: Other: “tents”$/);
    assert.equal(fs.readFileSync(file, 'utf8'), before);
    assert.ok(!(await tokens('alder-dam-briefing.news')).includes('misc+:tents'));
    assert.match(String(await command('newsAnnotator.redoAnnotation')), /^Redone: Other: “tents”$/);
    assert.equal(fs.readFileSync(file, 'utf8'), after);
    assert.ok((await tokens('alder-dam-briefing.news')).includes('misc+:tents'));

    fs.writeFileSync(file, after.replace('"MISC"', '"LOCATION"')); // someone else's change (a git pull)
    assert.equal(await command('newsAnnotator.undoAnnotation'), false);
    assert.equal(fs.readFileSync(file, 'utf8'), after.replace('"MISC"', '"LOCATION"'), 'left as it was on disk');
  });

  it('a change on disk (git checkout) is picked up, including a version 1 file', async () => {
    const name = 'alder-dam-daily.txt';
    const claim = (await diagnostics(name)).find((d) => d.code === 'unattributed-claim')!;
    const document = documentOf(name);
    const span = { start: document.offsetAt(claim.range.start), end: document.offsetAt(claim.range.end) };
    const v1 = JSON.parse(serializeDecisionFile(setClaimStatus(emptyDecisionFile(name), document.getText(), span, 'ignored', 'someone', new Date())));
    v1.version = 1;
    for (const a of v1.annotations) delete a.id;
    fs.mkdirSync(path.dirname(fileOf(name)), { recursive: true });
    fs.writeFileSync(fileOf(name), JSON.stringify(v1));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(fileOf(name)).toString(), type: 1 }] });
    assert.ok(!(await diagnostics(name)).some((d) => JSON.stringify(d.range) === JSON.stringify(claim.range)), 'the checked-out decision applies');
    assert.equal(JSON.parse(fs.readFileSync(fileOf(name), 'utf8')).version, 1, 'reading does not rewrite the file');
    fs.rmSync(fileOf(name));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(fileOf(name)).toString(), type: 3 }] });
    assert.ok((await diagnostics(name)).some((d) => JSON.stringify(d.range) === JSON.stringify(claim.range)), 'and goes with the file');
  });

  it('annotations follow an edited text; one whose text is gone is reported and kept until the editor deletes it', async () => {
    const name = 'alder-dam-wire.txt';
    const original = documentOf(name).getText();
    const edited = `UPDATED 15 March\n\n${original.replace('(Reuters)', '(AP)')}`;
    const uri = await server.open(path.join(dir, name), edited);
    const colored = (await request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } })).data;
    assert.ok(colored.length > 0);
    const problems = await diagnostics(name);
    const orphan = problems.find((d) => d.code === 'orphaned-annotation');
    assert.ok(orphan, problems.map((d) => d.code).join(', '));
    assert.match(orphan.message, /Organization: “Reuters” \(Test Editor, [\d-]+\)\. It is kept in \.annotations\/alder-dam-wire\.txt\.json/);
    assert.equal(JSON.parse(fs.readFileSync(fileOf(name), 'utf8')).annotations.length, 4, 'kept in the file');
    const edits = TextDocument.create(uri, 'article', 1, edited);
    const hoverOn = async (words: string) =>
      (await request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: edits.positionAt(edits.getText().indexOf(words) + 1) }))?.contents.value ?? '';
    assert.match(await hoverOn('Alder Dam'), /Retyped by an editor/, 'the retyped name found its text again after the edit above it');

    const [remove] = await request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: orphan.range, context: { diagnostics: [orphan], only: ['quickfix'] } });
    assert.equal(remove.title, 'Delete this annotation');
    await run(remove);
    assert.equal(JSON.parse(fs.readFileSync(fileOf(name), 'utf8')).annotations.length, 3);
    assert.ok(!(await diagnostics(name)).some((d) => d.code === 'orphaned-annotation'));
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('exports W3C from the editor, and imports it into another workspace to the same export', async () => {
    const exported = await command<{ type: string; first: { items: { creator: { type: string; name: string } }[] } }>('newsAnnotator.exportJson', null, 'w3c');
    assert.equal(exported.type, 'AnnotationCollection');
    assert.ok(exported.first.items.some((a) => a.creator.type === 'Person' && a.creator.name === 'Test Editor'));
    assert.deepEqual(await command('newsAnnotator.annotationAuthors'), ['Test Editor']);

    const other = makeWorkspace();
    const second = await startServer(other, SETTINGS);
    try {
      await indexed(second);
      const done = await second.connection.sendRequest<string>('workspace/executeCommand', { command: 'newsAnnotator.importInto', arguments: [{ format: 'w3c', data: exported }] });
      assert.match(done, /^Imported \d+ annotations into 4 articles$/);
      const again = await second.connection.sendRequest('workspace/executeCommand', { command: 'newsAnnotator.exportJson', arguments: [null, 'w3c'] });
      assert.deepEqual(again, exported);
    } finally {
      await second.stop();
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});
