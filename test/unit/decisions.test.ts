import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Annotation,
  addNote,
  annotateEntity,
  deleteAnnotation,
  emptyDecisionFile,
  linkMentions,
  mergeAnnotations,
  parseDecisionFile,
  removeEntity,
  serializeDecisionFile,
  setClaimStatus,
} from '../../server/src/decisions';
import { anchor, selectorsFor } from '../../server/src/selectors';

const TEXT = 'Headline\n\nThe flood is the worst in forty years. Officials said 12,000 people left.\n';
const CLAIM = { start: TEXT.indexOf('The flood'), end: TEXT.indexOf('years.') + 6 };
const NOW = new Date('2026-01-02T03:04:05Z');
const spanOf = (text: string, words: string, from = 0) => ({ start: text.indexOf(words, from), end: text.indexOf(words, from) + words.length });

describe('annotation file (version 2)', () => {
  it('round-trips every kind of annotation through the file format', () => {
    let file = setClaimStatus(emptyDecisionFile('a.txt'), TEXT, CLAIM, 'verified', 'ed', NOW);
    file = annotateEntity(file, TEXT, spanOf(TEXT, 'Officials'), 'ORGANIZATION', 'ed', NOW);
    file = annotateEntity(file, TEXT, spanOf(TEXT, 'forty years'), 'DATE', 'ed', NOW, 'P40Y');
    file = removeEntity(file, TEXT, spanOf(TEXT, 'Headline'), true, 'ann', NOW);
    file = addNote(file, TEXT, spanOf(TEXT, '12,000'), 'Council figure, check', 'ann', NOW);
    file = linkMentions(file, TEXT, spanOf(TEXT, 'Officials'), 'same-as', { article: '../other/b.txt', selector: selectorsFor('Officials of Valmora', { start: 0, end: 9 }) }, 'ann', NOW);
    const parsed = parseDecisionFile(serializeDecisionFile(file));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
    const byId = (f: typeof file) => ({ ...f, annotations: [...f.annotations].sort((x, y) => x.id.localeCompare(y.id)) });
    assert.deepEqual(byId(parsed.file), byId(file));
    assert.equal(parsed.file.version, 2);
    assert.deepEqual(parsed.file.annotations.map((a) => a.kind).sort(), ['claim-status', 'entity', 'entity', 'not-entity', 'note', 'same-as']);
    assert.ok(parsed.file.annotations.every((a) => /^[0-9a-f-]{36}$/.test(a.id) && a.created === NOW.toISOString()));
  });

  it('writes annotations in document order with one key order, so diffs stay small', () => {
    let file = addNote(emptyDecisionFile('a.txt'), TEXT, spanOf(TEXT, '12,000'), 'later', 'ed', NOW);
    file = annotateEntity(file, TEXT, spanOf(TEXT, 'Headline'), 'MISC', 'ed', NOW);
    const text = serializeDecisionFile(file);
    assert.ok(text.indexOf('"Headline"') < text.indexOf('"12,000"'));
    const [first] = JSON.parse(text).annotations;
    assert.deepEqual(Object.keys(first), ['id', 'kind', 'entityType', 'author', 'created', 'selector']);
    assert.equal(serializeDecisionFile(parseDecisionFile(text).ok ? (parseDecisionFile(text) as { file: typeof file }).file : file), text);
  });

  it('migrates a version 1 file (claim decisions without ids) and keeps the ids stable across reads', () => {
    const v1 = JSON.stringify({
      version: 1,
      article: 'a.txt',
      annotations: [{ kind: 'claim-status', status: 'ignored', author: 'ed', created: '2025-01-01T00:00:00.000Z', selector: selectorsFor(TEXT, CLAIM) }],
      articleDate: { date: '2025-03-14', author: 'ed', created: '2025-01-01T00:00:00.000Z' },
    });
    const first = parseDecisionFile(v1);
    const second = parseDecisionFile(v1);
    assert.ok(first.ok && second.ok);
    assert.equal(first.file.version, 2);
    assert.equal(first.file.articleDate?.date, '2025-03-14');
    const [decision] = first.file.annotations;
    assert.equal(decision.kind, 'claim-status');
    assert.match(decision.id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(decision.id, second.file.annotations[0].id);
    assert.equal(JSON.parse(serializeDecisionFile(first.file)).version, 2);
  });

  it('keeps fields it does not know, so a newer version’s additions survive an edit here', () => {
    const file = setClaimStatus(emptyDecisionFile('a.txt'), TEXT, CLAIM, 'verified', 'ed', NOW);
    const withExtras = JSON.parse(serializeDecisionFile(file));
    withExtras.reviewRound = 3;
    withExtras.annotations[0].confidence = 'high';
    const parsed = parseDecisionFile(JSON.stringify(withExtras));
    assert.ok(parsed.ok);
    const edited = addNote(parsed.file, TEXT, spanOf(TEXT, 'flood'), 'n', 'ed', NOW);
    const written = JSON.parse(serializeDecisionFile(edited));
    assert.equal(written.reviewRound, 3);
    assert.equal(written.annotations.find((a: { kind: string }) => a.kind === 'claim-status').confidence, 'high');
  });

  it('refuses files that are not valid, with a reason a person can act on', () => {
    const reasons = (content: string) => {
      const parsed = parseDecisionFile(content);
      assert.ok(!parsed.ok, content);
      return parsed.reason;
    };
    assert.match(reasons('{"version": 2, "annotations": ['), /not valid JSON/);
    assert.match(reasons('{"hello": "world"}'), /not a News Annotator annotation file/);
    assert.match(reasons('{"version": 3, "annotations": []}'), /format version 3.*update the extension/);
    assert.match(reasons('{"version": 1, "annotations": [{"kind": "claim-status", "status": "maybe"}]}'), /annotation 1 is malformed/);
    const good = JSON.parse(serializeDecisionFile(annotateEntity(emptyDecisionFile('a.txt'), TEXT, spanOf(TEXT, 'Officials'), 'PERSON', 'ed', NOW)));
    for (const [field, value, reason] of [
      ['entityType', 'ANIMAL', /unknown entityType "ANIMAL"/],
      ['kind', 'highlight', /unknown kind "highlight"/],
      ['id', undefined, /no id/],
      ['selector', [{ type: 'TextQuoteSelector', exact: 'x' }], /selector must be/],
    ] as const) {
      const broken = structuredClone(good);
      broken.annotations[0][field] = value;
      assert.match(reasons(JSON.stringify(broken)), reason);
    }
  });
});

describe('editing annotations', () => {
  it('replaces an earlier status on the same claim instead of stacking them, and clears it with null', () => {
    let file = setClaimStatus(emptyDecisionFile('a.txt'), TEXT, CLAIM, 'verified', 'ed', NOW);
    file = setClaimStatus(file, TEXT, CLAIM, 'false', 'ed', NOW);
    assert.deepEqual(file.annotations.map((a) => (a.kind === 'claim-status' ? a.status : a.kind)), ['false']);
    assert.deepEqual(setClaimStatus(file, TEXT, CLAIM, null, 'ed', NOW).annotations, []);
  });

  it('a new type replaces the editor’s earlier overlapping entity, and a removal of a longer span stays', () => {
    const text = 'Officials of the Valmora Dam Authority said so.';
    let file = removeEntity(emptyDecisionFile('a.txt'), text, spanOf(text, 'Valmora Dam Authority'), true, 'ed', NOW);
    file = annotateEntity(file, text, spanOf(text, 'Valmora Dam'), 'LOCATION', 'ed', NOW);
    file = annotateEntity(file, text, spanOf(text, 'Valmora'), 'LOCATION', 'ed', NOW);
    const kinds = file.annotations.map((a) => `${a.kind}:${a.selector[0].exact}`);
    assert.deepEqual(kinds.sort(), ['entity:Valmora', 'not-entity:Valmora Dam Authority']);
  });

  it('removing a name an editor added only deletes the annotation; removing a detected one records the removal', () => {
    const text = 'Mayor Berg spoke.';
    const added = annotateEntity(emptyDecisionFile('a.txt'), text, spanOf(text, 'Berg'), 'PERSON', 'ed', NOW);
    assert.deepEqual(removeEntity(added, text, spanOf(text, 'Berg'), false, 'ed', NOW).annotations, []);
    const removed = removeEntity(added, text, spanOf(text, 'Berg'), true, 'ed', NOW);
    assert.deepEqual(removed.annotations.map((a) => a.kind), ['not-entity']);
  });

  it('a mention is one entity: a new "same as" replaces the earlier one, "not the same" links add up', () => {
    const text = 'Orlov spoke.';
    const other = (name: string, at: number) => ({ article: 'b.txt', selector: selectorsFor(`x ${name} y`, { start: 2, end: 2 + name.length }) , at });
    let file = linkMentions(emptyDecisionFile('a.txt'), text, spanOf(text, 'Orlov'), 'same-as', other('Ivan Orlov', 0), 'ed', NOW);
    file = linkMentions(file, text, spanOf(text, 'Orlov'), 'same-as', other('Dmitri Orlov', 0), 'ed', NOW);
    file = linkMentions(file, text, spanOf(text, 'Orlov'), 'not-same', other('Anna Orlov', 0), 'ed', NOW);
    file = linkMentions(file, text, spanOf(text, 'Orlov'), 'not-same', other('Oleg Orlov', 0), 'ed', NOW);
    const links = file.annotations.map((a) => (a.kind === 'same-as' || a.kind === 'not-same' ? `${a.kind}:${a.other.selector[0].exact}` : a.kind));
    assert.deepEqual(links, ['same-as:Dmitri Orlov', 'not-same:Anna Orlov', 'not-same:Oleg Orlov']);
  });

  it('deletes by id, and importing the same annotations twice changes nothing', () => {
    const file = addNote(emptyDecisionFile('a.txt'), TEXT, spanOf(TEXT, 'flood'), 'n', 'ed', NOW);
    const [note] = file.annotations;
    assert.deepEqual(deleteAnnotation(file, note.id).annotations, []);
    const incoming = [{ ...note, note: 'edited elsewhere' } as Annotation];
    const once = mergeAnnotations(file, incoming);
    assert.deepEqual(mergeAnnotations(once, incoming), once);
    assert.equal(once.annotations.length, 1);
    assert.equal((once.annotations[0] as { note: string }).note, 'edited elsewhere');
  });
});

describe('anchoring (W3C selectors)', () => {
  it('re-anchors after text is inserted before the annotation', () => {
    const selector = selectorsFor(TEXT, CLAIM);
    const edited = TEXT.replace('Headline', 'A longer headline, rewritten');
    const at = anchor(edited, selector)!;
    assert.equal(edited.slice(at.start, at.end), 'The flood is the worst in forty years.');
  });

  it('picks the occurrence whose context matches when the text appears twice', () => {
    const text = 'Intro. Prices rose. More here.\nLater: Prices rose. End.';
    const selector = selectorsFor(text, spanOf(text, 'Prices rose.', 20));
    const edited = `New first line.\n${text}`;
    assert.equal(anchor(edited, selector)!.start, edited.lastIndexOf('Prices rose.'));
  });

  it('does not move to another occurrence when nothing around the annotated one is left', () => {
    const text = 'Orlov arrived on Monday. Later, Orlov left the dam.';
    const selector = selectorsFor(text, spanOf(text, 'Orlov', 10));
    const rewritten = 'Orlov came. Orlov went.';
    assert.equal(anchor(rewritten, selector), null);
    // One occurrence left is still found, context or not.
    assert.deepEqual(anchor('Then Orlov went.', selector), { start: 5, end: 10 });
  });

  it('returns null when the text is gone, so the annotation can be reported, not dropped', () => {
    assert.equal(anchor('Headline\n\nSomething else entirely.', selectorsFor(TEXT, CLAIM)), null);
  });
});
