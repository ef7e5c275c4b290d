// The export formats are valid as their tools read them: W3C annotations with both selectors that select their text,
// brat lines whose code-point offsets slice the .txt to the quoted text and whose types annotation.conf declares, and
// CoNLL lines with well-formed BIO sequences.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeAnnotated } from '../../server/src/articleAnnotations';
import { addNote, annotateEntity, emptyDecisionFile, setClaimStatus } from '../../server/src/decisions';
import { exportBrat } from '../../server/src/exportBrat';
import { DOCSTART, exportConll } from '../../server/src/exportConll';
import { exportW3c } from '../../server/src/exportW3c';
import { importBrat } from '../../server/src/importBrat';
import { WorkspaceIndex } from '../../server/src/workspaceIndex';

const SAMPLES = path.resolve(__dirname, '../../../samples');
const NOW = new Date('2026-01-02T00:00:00Z');
// Emoji before the annotations: brat counts code points, JavaScript UTF-16 units.
const SOCIAL = 'Valmora flood 🌊 latest\r\n\r\n🌊 Mayor Tomas Berg says 😀 the Kessel bridge is gone.\r\nThe dam is the largest in the region.\r\n';

function workspace(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  const texts: Record<string, string> = { 'flood-social.txt': SOCIAL };
  for (const name of fs.readdirSync(SAMPLES)) texts[name] = fs.readFileSync(path.join(SAMPLES, name), 'utf8');
  for (const [name, text] of Object.entries(texts)) {
    let file = emptyDecisionFile(name);
    if (name === 'flood-social.txt') {
      const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
      file = annotateEntity(file, text, at('Kessel bridge'), 'LOCATION', 'ed', NOW);
      file = addNote(file, text, at('😀 the Kessel'), 'Emoji in the\tnote', 'ed', NOW);
      file = setClaimStatus(file, text, at('The dam is the largest in the region.'), 'needs-source', 'ed', NOW);
    }
    index.set({ id: name, displayPath: name, text, ...analyzeAnnotated(text, file, (p) => p) });
  }
  return index;
}

describe('export formats', () => {
  const index = workspace();

  it('W3C: a JSON-LD collection whose every annotation has an IRI id and a target whose selectors select its text', () => {
    const collection = exportW3c(index);
    assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(collection.total, collection.first.items.length);
    const ids = new Set<string>();
    for (const annotation of collection.first.items) {
      assert.match(annotation.id, /^urn:[a-z0-9-]+:\S+$/);
      assert.ok(!ids.has(annotation.id), `unique id ${annotation.id}`);
      ids.add(annotation.id);
      assert.equal(annotation.type, 'Annotation');
      assert.ok(['classifying', 'assessing', 'commenting', 'editing', 'linking', 'describing'].includes(annotation.motivation));
      assert.ok(annotation.body.length > 0 && annotation.body.every((b) => b.purpose));
      const [quote, position] = annotation.target.selector;
      const text = index.get(annotation.target.source)!.text;
      assert.equal(quote.type, 'TextQuoteSelector');
      assert.equal(position.type, 'TextPositionSelector');
      assert.equal(text.slice(position.start, position.end), quote.exact);
      assert.ok(text.slice(0, position.start).endsWith(quote.prefix) && text.slice(position.end).startsWith(quote.suffix));
    }
    const motivations = new Set(collection.first.items.map((a) => a.motivation));
    assert.deepEqual([...motivations].sort(), ['assessing', 'classifying', 'commenting']);
  });

  it('brat: offsets in code points slice the .txt to the quoted text, and annotation.conf declares every type', () => {
    const files = new Map(exportBrat(index).map((f) => [f.path, f.content]));
    const conf = files.get('annotation.conf')!;
    const declared = new Set(conf.split('\n').filter((l) => /^[A-Za-z]/.test(l) && !l.includes('\t')));
    const social = files.get('flood-social.ann')!;
    const text = [...files.get('flood-social.txt')!]; // code points, as brat reads the file
    const ids = new Set<string>();
    for (const line of social.trimEnd().split('\n')) {
      const [id, annotation, quoted] = line.split('\t');
      assert.match(id, /^[TA#]\d+$/);
      if (id.startsWith('T')) {
        const [, type, offsets] = /^(\S+) (.+)$/.exec(annotation)!;
        assert.ok(declared.has(type), `${type} declared`);
        const fragments = offsets.split(';').map((f) => f.split(' ').map(Number));
        assert.equal(fragments.map(([s, e]) => text.slice(s, e).join('')).join(' '), quoted, line);
        ids.add(id);
      } else {
        assert.ok(ids.has(annotation.split(' ')[1]), `${line} refers to an earlier annotation`);
      }
    }
    assert.match(social, /^T\d+\tLOC \d+ \d+\tKessel bridge$/m);
    assert.match(social, /^#\d+\tAnnotatorNotes T\d+\tEmoji in the note$/m, 'a tab in a note becomes a space');
    assert.match(social, /^A\d+\tStatus T\d+ needs-source$/m);
  });

  it('brat: a .ann made elsewhere (counted against an older text) is imported where its text is now', () => {
    const article = index.get('flood-social.txt')!;
    const older = 'Valmora flood latest\n\nMayor Tomas Berg says the Kessel bridge is gone.\n';
    const ann = `T1\tLOC ${older.indexOf('Kessel bridge')} ${older.indexOf('Kessel bridge') + 13}\tKessel bridge\nT2\tPER 0 7\tValmora\nR1\tLocatedIn Arg1:T1 Arg2:T2\n`;
    const result = importBrat(ann, article, emptyDecisionFile('flood-social.txt'), 'brat', NOW, older);
    const entities = result.file.annotations.filter((a) => a.kind === 'entity').map((a) => `${a.kind === 'entity' && a.entityType}:${a.selector[0].exact}@${a.selector[1].start}`);
    assert.deepEqual(entities.sort(), [`LOCATION:Kessel bridge@${SOCIAL.indexOf('Kessel bridge')}`, 'PERSON:Valmora@0']);
    assert.ok(result.file.annotations.some((a) => a.kind === 'not-entity' && a.selector[0].exact === 'Tomas Berg'), 'a name the file lacks is removed');
    assert.deepEqual(result.skipped, ['line 3 (R1): relations, events and normalizations are not imported']);
  });

  it('CoNLL: a token and a tag per line, sentences apart, every I- continuing a B- of its type', () => {
    const conll = exportConll(index);
    const lines = conll.split('\n');
    assert.equal(lines.filter((l) => l === DOCSTART).length, 5);
    let previous = 'O';
    for (const line of lines) {
      if (line === '' || line === DOCSTART) {
        previous = 'O';
        continue;
      }
      const [token, tag, ...rest] = line.split(' ');
      assert.deepEqual(rest, [], line);
      assert.ok(token.length > 0);
      assert.match(tag, /^(O|[BI]-(PER|ORG|LOC|MISC|DATE|TIME|DURATION|SET))$/);
      if (tag.startsWith('I-')) assert.ok(previous.slice(2) === tag.slice(2) && previous !== 'O', `${line} after ${previous}`);
      previous = tag;
    }
    assert.match(conll, /^Kessel B-LOC\nbridge I-LOC$/m);
    assert.match(conll, /^Dmitri B-PER\nOrlov I-PER$/m);
  });
});
