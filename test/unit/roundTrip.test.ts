// Export, import, export through the command line: an editor's annotations must come back whole, in W3C and in brat.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { type DecisionFile, addNote, annotateEntity, emptyDecisionFile, linkMentions, parseDecisionFile, removeEntity, setArticleDate, setClaimStatus } from '../../server/src/decisions';
import { decisionPathFor, readDecisions, writeDecisions } from '../../server/src/lsp/decisionStore';
import { selectorsFor } from '../../server/src/selectors';
import { validateExport } from '../support/schema';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SAMPLES = path.join(ROOT, 'samples');
const NOW = new Date('2026-02-03T10:00:00Z');

function run(...args: string[]): string {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** A folder with copies of the sample articles (and no annotations). */
function articlesFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-roundtrip-'));
  for (const file of fs.readdirSync(SAMPLES)) fs.copyFileSync(path.join(SAMPLES, file), path.join(dir, file));
  return dir;
}

const at = (text: string, words: string, nth = 0) => {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(words, start + 1);
  assert.ok(start >= 0, `"${words}" is in the text`);
  return { start, end: start + words.length };
};

/** Every kind of annotation, by two editors, across three articles, with one whose text is gone. */
function annotate(dir: string): void {
  const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
  const wire = read('alder-dam-wire.txt');
  const daily = read('alder-dam-daily.txt');
  const explainer = read('alder-dam-explainer.txt');
  let w: DecisionFile = emptyDecisionFile('alder-dam-wire.txt');
  w = removeEntity(w, wire, at(wire, 'Dam'), true, 'Jane Doe', NOW);
  w = annotateEntity(w, wire, at(wire, 'Alder Dam'), 'LOCATION', 'Jane Doe', NOW);
  w = annotateEntity(w, wire, at(wire, 'spillway'), 'MISC', 'Jane Doe', NOW);
  w = annotateEntity(w, wire, at(wire, 'Reuters'), 'MISC', 'Omar Ali', NOW);
  w = annotateEntity(w, wire, at(wire, 'overnight'), 'DATE', 'Omar Ali', NOW, '2025-03-13TNI');
  w = addNote(w, wire, at(wire, '12,000 people'), 'Ministry figure; the council says 11,500.\nCheck again.', 'Omar Ali', NOW);
  w = setClaimStatus(w, wire, at(wire, 'The flood is the worst to hit the valley in forty years.'), 'false', 'Jane Doe', NOW);
  w = setClaimStatus(w, wire, at(wire, 'The Northern Water Authority said in a statement that inspectors had warned about cracks in the spillway in 2023.'), 'verified', 'Omar Ali', NOW);
  w = addNote(w, 'A sentence that was cut from the article.', { start: 2, end: 10 }, 'Was this confirmed?', 'Jane Doe', NOW);
  writeDecisions(path.join(dir, 'alder-dam-wire.txt'), w);

  let d = setArticleDate(emptyDecisionFile('alder-dam-daily.txt'), '2025-03-17', 'Jane Doe', NOW);
  d = linkMentions(d, daily, at(daily, 'Berg', 2), 'same-as', { article: 'alder-dam-daily.txt', selector: selectorsFor(daily, at(daily, 'Tomas Berg')) }, 'Jane Doe', NOW);
  d = setClaimStatus(d, daily, at(daily, 'More than 3,000 homes were damaged by the flood'), 'needs-source', 'Omar Ali', NOW);
  writeDecisions(path.join(dir, 'alder-dam-daily.txt'), d);

  const e = linkMentions(emptyDecisionFile('alder-dam-explainer.txt'), explainer, at(explainer, 'Orlov'), 'not-same', {
    article: 'alder-dam-wire.txt',
    selector: selectorsFor(wire, at(wire, 'Dmitri Orlov')),
  }, 'Jane Doe', NOW);
  writeDecisions(path.join(dir, 'alder-dam-explainer.txt'), e);
}

const annotationsOf = (dir: string, name: string) => readDecisions(path.join(dir, name)).file!;
const byId = (file: DecisionFile) => [...file.annotations].sort((a, b) => a.id.localeCompare(b.id));

describe('round trip: export, import, export', () => {
  let original: string;
  before(() => {
    original = articlesFolder();
    annotate(original);
  });

  it('W3C: the second export equals the first, and the annotation files hold the same annotations', () => {
    const exported = path.join(original, 'out', 'w3c.json');
    run('export', '--format', 'w3c', '--out', exported, original);
    const first = JSON.parse(fs.readFileSync(exported, 'utf8'));
    assert.equal(first['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(first.type, 'AnnotationCollection');
    assert.equal(first.total, first.first.items.length);
    const people = first.first.items.filter((a: { creator: { type: string } }) => a.creator.type === 'Person');
    assert.equal(people.length, 13, 'every editor annotation is in the export, the one without its text too');

    const copy = articlesFolder();
    const imported = run('import', '--format', 'w3c', '--from', exported, copy);
    assert.match(imported, /^Imported 13 annotations into 3 articles\.$/m);
    assert.deepEqual(JSON.parse(run('export', '--format', 'w3c', copy)), first);
    assert.deepEqual(JSON.parse(run('export', copy)), JSON.parse(run('export', original)), 'the JSON export too');
    for (const name of ['alder-dam-wire.txt', 'alder-dam-daily.txt', 'alder-dam-explainer.txt']) {
      assert.deepEqual(byId(annotationsOf(copy, name)), byId(annotationsOf(original, name)), name);
    }
    assert.deepEqual(annotationsOf(copy, 'alder-dam-daily.txt').articleDate, annotationsOf(original, 'alder-dam-daily.txt').articleDate);

    // Importing again changes nothing.
    const before = fs.readFileSync(decisionPathFor(path.join(copy, 'alder-dam-wire.txt')), 'utf8');
    run('import', '--format', 'w3c', '--from', exported, copy);
    assert.equal(fs.readFileSync(decisionPathFor(path.join(copy, 'alder-dam-wire.txt')), 'utf8'), before);
  });

  it('brat: the second export equals the first, file for file', () => {
    const folder = path.join(original, 'out', 'brat');
    run('export', '--format', 'brat', '--out', folder, original);
    const copy = articlesFolder();
    run('import', '--format', 'brat', '--from', folder, '--author', 'Brat Annotator', copy);
    const again = path.join(copy, 'out', 'brat');
    run('export', '--format', 'brat', '--out', again, copy);
    const files = fs.readdirSync(folder).sort();
    assert.deepEqual(files, ['alder-dam-briefing.news.ann', 'alder-dam-briefing.news.txt', 'alder-dam-daily.ann', 'alder-dam-daily.txt', 'alder-dam-explainer.ann', 'alder-dam-explainer.txt', 'alder-dam-wire.ann', 'alder-dam-wire.txt', 'annotation.conf']);
    for (const file of files) assert.equal(fs.readFileSync(path.join(again, file), 'utf8'), fs.readFileSync(path.join(folder, file), 'utf8'), file);
    const wire = parseDecisionFile(fs.readFileSync(decisionPathFor(path.join(copy, 'alder-dam-wire.txt')), 'utf8'));
    assert.ok(wire.ok && wire.file.annotations.every((a) => a.author === 'Brat Annotator'));
  });

  it('the exports carry who annotated what, and --author keeps one editor’s annotations', () => {
    const doc = JSON.parse(run('export', original));
    assert.ok(validateExport(doc), JSON.stringify(validateExport.errors));
    // The brat export above left .txt copies in out/brat beside its annotation.conf: they are not articles.
    assert.deepEqual(doc.articles.map((a: { path: string }) => a.path), ['alder-dam-briefing.news', 'alder-dam-daily.txt', 'alder-dam-explainer.txt', 'alder-dam-wire.txt']);
    const wire = doc.articles.find((a: { path: string }) => a.path === 'alder-dam-wire.txt');
    assert.ok(!wire.entities.some((e: { text: string; start: number }) => e.text === 'Dam' && e.start === 0), 'the removed name is gone');
    assert.deepEqual(wire.entities.find((e: { text: string }) => e.text === 'spillway').editor.action, 'added');
    assert.equal(wire.dates.find((d: { text: string }) => d.text === 'overnight').value, '2025-03-13TNI');
    assert.equal(wire.claims.find((c: { text: string }) => c.text.startsWith('The flood is the worst')).status, 'false');
    assert.equal(wire.notes[0].note, 'Ministry figure; the council says 11,500.\nCheck again.');
    const idOf = (article: string, text: string) =>
      doc.articles.find((a: { path: string }) => a.path === article).entities.find((e: { text: string }) => e.text === text).entityId;
    assert.equal(idOf('alder-dam-daily.txt', 'Anna Berg'), idOf('alder-dam-daily.txt', 'Tomas Berg'), 'joined by "same as"');
    assert.notEqual(idOf('alder-dam-explainer.txt', 'Orlov'), idOf('alder-dam-wire.txt', 'Dmitri Orlov'), 'kept apart by "not the same"');
    assert.equal(idOf('alder-dam-briefing.news', 'Dmitri Orlov'), idOf('alder-dam-wire.txt', 'Dmitri Orlov'), 'other links stand');
    assert.deepEqual(wire.unanchored.map((u: { kind: string; text: string }) => `${u.kind}:${u.text}`), ['note:sentence']);

    const omar = JSON.parse(run('export', '--author', 'Omar Ali', original));
    const items = omar.articles.flatMap((a: { entities: unknown[]; dates: unknown[]; claims: unknown[]; notes: unknown[] }) => [...a.entities, ...a.dates, ...a.claims, ...a.notes]);
    assert.equal(items.length, 5);
    assert.ok(items.every((i: { editor?: { author: string }; author?: string }) => (i.editor?.author ?? i.author) === 'Omar Ali'));
    assert.ok(validateExport(omar), JSON.stringify(validateExport.errors));
    const w3c = JSON.parse(run('export', '--format', 'w3c', '--author', 'Omar Ali', original));
    assert.equal(w3c.total, 5);
    assert.ok(w3c.first.items.every((a: { creator: { name: string } }) => a.creator.name === 'Omar Ali'));
  });
});
