// Protocol tests for dates: the hover on a date, the article date an editor sets, and inlay hints with the values of
// relative dates, against the bundled server over stdio.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { sampleWorkspace } from '../support/sampleWorkspace';
import { serveDuringSuite } from '../support/suiteServer';
import { indexed, startServer, type TestServer } from '../../tools/src/lspClient';

const SETTINGS = { articleFiles: ['**/*.txt', '**/*.news'] };

interface CodeAction {
  title: string;
  isPreferred?: boolean;
  command: { command: string; arguments: unknown[] };
}
interface InlayHint {
  position: { line: number; character: number };
  label: string;
  tooltip?: string;
}

function makeWorkspace(): string {
  return sampleWorkspace('dates');
}

describe('dates over the language server protocol', () => {
  let dir: string;
  let server: TestServer;
  const uriOf = (name: string) => URI.file(path.join(dir, name)).toString();
  const documentOf = (name: string) => TextDocument.create(uriOf(name), 'article', 0, fs.readFileSync(path.join(dir, name), 'utf8'));
  const at = (name: string, words: string, delta = 1) => {
    const document = documentOf(name);
    return document.positionAt(document.getText().indexOf(words) + delta);
  };
  const hoverText = async (name: string, words: string) => {
    const hover = await server.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: uriOf(name) }, position: at(name, words) });
    return hover?.contents.value ?? '';
  };
  const actionsAt = (name: string, words: string) => {
    const position = at(name, words);
    return server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(name) }, range: { start: position, end: position }, context: { diagnostics: [] } });
  };
  const inlayHints = (name: string) => {
    const document = documentOf(name);
    return server.connection.sendRequest<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: uriOf(name) },
      range: { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) },
    });
  };
  const storeDate = (name: string, date: string | null) =>
    server.connection.sendRequest('workspace/executeCommand', { command: 'newsAnnotator.storeArticleDate', arguments: [uriOf(name), date] });

  serveDuringSuite(makeWorkspace, SETTINGS, (started) => ({ dir, server } = started));

  it('says what is unknown when the article states no date, and offers to set it', async () => {
    const card = await hoverText('alder-dam-daily.txt', 'Saturday');
    assert.match(card, /a Saturday \(date unknown\)/);
    assert.match(card, /`XXXX-WXX-6`/);
    assert.match(card, /states no date of its own/);
    assert.match(card, /command:newsAnnotator\.setArticleDate\?/);
    const actions = await actionsAt('alder-dam-daily.txt', 'Saturday');
    const set = actions.find((a) => a.title === 'Set article date...');
    assert.ok(set?.isPreferred, `offered and preferred: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(set.command.command, 'newsAnnotator.setArticleDate');
    assert.deepEqual(await inlayHints('alder-dam-daily.txt'), [], 'no hint while the value is unknown');
  });

  it('resolves an article against the date an editor sets, stores it beside the article, and links the same day', async () => {
    assert.equal(await storeDate('alder-dam-daily.txt', '2025-03-16'), true);
    assert.equal(await storeDate('alder-dam-briefing.news', '2025-03-16'), true);
    const stored = JSON.parse(fs.readFileSync(path.join(dir, '.annotations', 'alder-dam-daily.txt.json'), 'utf8'));
    assert.equal(stored.articleDate.date, '2025-03-16');

    const card = await hoverText('alder-dam-daily.txt', 'Saturday');
    assert.match(card, /\*\*Saturday, 15 March 2025\*\* · `2025-03-15`/);
    assert.match(card, /Worked out from the article's date, Sunday, 16 March 2025 \(set by an editor\)/);
    // "Saturday" here and "March 15" in the briefing name the same day.
    assert.match(card, /Same day in other articles/);
    assert.match(card, /alder-dam-briefing\.news/);
    assert.match(card, /“March 15”/);

    const hints = await inlayHints('alder-dam-daily.txt');
    const saturdayEnd = at('alder-dam-daily.txt', 'Saturday', 'Saturday'.length);
    assert.deepEqual(hints.map((h) => [h.position, h.label]), [
      [saturdayEnd, '= 2025-03-15'],
      [at('alder-dam-daily.txt', 'March 15', 'March 15'.length), '= 2025-03-15'],
    ]);
    assert.equal(hints[0].tooltip, 'Saturday, 15 March 2025');
  });

  it('offers a full date in the text as the article date, and clearing the one an editor set', async () => {
    const actions = await actionsAt('alder-dam-wire.txt', 'March 14, 2025');
    assert.ok(!actions.some((a) => a.title.startsWith('Use ')), 'the dateline is the article date already');
    const daily = await actionsAt('alder-dam-daily.txt', 'March 15');
    const use = daily.find((a) => a.title === "Use Saturday, 15 March 2025 as the article's date");
    assert.deepEqual(use?.command.arguments, [uriOf('alder-dam-daily.txt'), '2025-03-15']);
    assert.ok(daily.some((a) => a.title === 'Clear the article date set by an editor'));
  });

  it('keeps the editor date across a restart, and forgets it when cleared', async () => {
    const restarted = await startServer(dir, SETTINGS);
    try {
      await indexed(restarted);
      const hover = await restarted.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: uriOf('alder-dam-daily.txt') }, position: at('alder-dam-daily.txt', 'Saturday') });
      assert.match(hover.contents.value, /2025-03-15/);
    } finally {
      await restarted.stop();
    }
    assert.equal(await storeDate('alder-dam-daily.txt', null), true);
    assert.match(await hoverText('alder-dam-daily.txt', 'Saturday'), /XXXX-WXX-6/);
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, '.annotations', 'alder-dam-daily.txt.json'), 'utf8')).articleDate, undefined);
  });

  it('says when a value comes from a date named earlier in the article', async () => {
    const text = 'Dam repaired\n\nThe dam broke on March 14, 2025, and was repaired the next day.\n';
    const uri = await server.open(path.join(dir, 'repair.news'), text);
    const position = TextDocument.create(uri, 'article', 1, text).positionAt(text.indexOf('the next day') + 4);
    const hover = await server.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position });
    assert.match(hover.contents.value, /\*\*Saturday, 15 March 2025\*\*/);
    assert.match(hover.contents.value, /Worked out from a date named earlier in the article/);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('refuses a date that is not a calendar day', async () => {
    await assert.rejects(storeDate('alder-dam-daily.txt', '2025-02-30'), /not a date/);
  });
});

describe('date inlay hints switched off', () => {
  it('sends none when newsAnnotator.inlayHints.dates is false', async () => {
    const dir = makeWorkspace();
    const server = await startServer(dir, { ...SETTINGS, referenceDate: '2025-03-16', inlayHints: { dates: false } });
    try {
      await indexed(server);
      const uri = URI.file(path.join(dir, 'alder-dam-daily.txt')).toString();
      const hints = await server.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
      assert.deepEqual(hints, []);
      const text = fs.readFileSync(path.join(dir, 'alder-dam-daily.txt'), 'utf8');
      const position = TextDocument.create(uri, 'article', 0, text).positionAt(text.indexOf('Saturday') + 1);
      const hover = await server.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position });
      assert.match(hover.contents.value, /the `newsAnnotator\.referenceDate` setting/);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
