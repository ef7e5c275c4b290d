import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analyze';
import { ATTRIBUTION_MODEL_FILE, attributionModel, forgetAttributionCaches } from '../../server/src/attributionModel';
import { FeatureTable, passScores } from '../../server/src/attributionScorer';
import { TEMPLATES, type TokenParts, WORD_OFFSETS, paragraphFeatures, stackedFeatures } from '../../server/src/attributionFeatures';
import { TAG_COUNT, type TaggerModelFile, emissions, paragraphsOf, viterbi } from '../../server/src/attributionTagger';
import { splitSentences } from '../../server/src/text';

/** The committed weights of one pass by feature name, as the trainer keys them. */
function weightsByName(pass: 0 | 1): Map<string, Int16Array> {
  const file = (JSON.parse(fs.readFileSync(ATTRIBUTION_MODEL_FILE!, 'utf8')) as TaggerModelFile).passes[pass];
  const bytes = Buffer.from(file.weights, 'base64');
  const values = new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  return new Map(file.features.split('\n').map((name, n) => [name, values.subarray(n * TAG_COUNT, (n + 1) * TAG_COUNT)]));
}

const templateNumber = (name: string) => TEMPLATES.findIndex((template) => template === name);

const ARTICLE = [
  'Senate Passes Flood Bill | Politics',
  '"We will rebuild every road," Governor Ana Ruiz told reporters on Friday, adding that 12,000 people had left.',
  'According to the agency, the river rose 3 meters; officials said it was "the worst flood since 1952."',
  'It was reported that the dam = the weak point. Critics, including Sen. Mark Olsen, accused the state of delays.',
  '"It\'s a disaster," he said. "Nobody listened."',
].join('\n\n');

describe('attribution scorer', () => {
  it('scores every token exactly as the named features the trainer uses, in both passes', () => {
    const model = attributionModel()!;
    const byName = [weightsByName(0), weightsByName(1)];
    const paragraphs = paragraphsOf(ARTICLE, splitSentences(ARTICLE), analyzeArticle(ARTICLE).entities);
    assert.equal(paragraphs.length, 5);
    assert.ok(paragraphs.some((p) => p.entityOf.some(Boolean)), 'the entity features are read too');
    for (const paragraph of paragraphs) {
      const fast = passScores(model, paragraph);
      const names = paragraphFeatures(paragraph, model.context);
      const first = emissions(names, (name) => byName[0].get(name));
      assert.deepEqual(fast.first, first);
      assert.deepEqual(fast.firstTags, viterbi(first, names.length, model.transitions[0]));
      const stacked = stackedFeatures(paragraph, fast.firstTags);
      assert.deepEqual(fast.second, emissions(names.map((n, i) => [...n, ...stacked[i]]), (name) => byName[1].get(name)));
    }
  });

  it('keeps the parts of the words the model knows when it forgets, and makes the others again, scoring the same', () => {
    const model = attributionModel()!;
    const paragraphs = paragraphsOf(ARTICLE, splitSentences(ARTICLE), analyzeArticle(ARTICLE).entities);
    const before = paragraphs.map((paragraph) => passScores(model, paragraph));
    const known = model.parts.token('said');
    const rare = model.parts.token('Zqxwvbrill');
    assert.notEqual(known.word, -1);
    assert.equal(rare.word, -1);
    forgetAttributionCaches();
    assert.equal(model.parts.token('said'), known);
    const again = model.parts.token('Zqxwvbrill');
    assert.notEqual(again, rare);
    // The same parts and scores, from wherever in memory the scores now lie.
    const unplaced = (parts: TokenParts<number>) => {
      const count = WORD_OFFSETS.filter((_, o) => parts.wordRows! & (1 << o)).length;
      const at = parts.wordScoresAt!;
      return { ...parts, wordScores: [...parts.wordScores!.subarray(at, at + count * 2 * TAG_COUNT)], wordScoresAt: 0 };
    };
    assert.deepEqual(unplaced(again), unplaced(rare));
    assert.deepEqual(paragraphs.map((paragraph) => passScores(model, paragraph)), before);
  });

  it('finds every feature of the committed model by its parts, and its weights with it', () => {
    const file = JSON.parse(fs.readFileSync(ATTRIBUTION_MODEL_FILE!, 'utf8')) as TaggerModelFile;
    const ids = new Map<string, number>();
    for (const name of file.passes.flatMap((pass) => pass.features.split('\n'))) if (!ids.has(name)) ids.set(name, ids.size);
    const weights = Int16Array.from({ length: ids.size * 4 }, (_, k) => (k * 7919) % 65536 - 32768);
    const table = new FeatureTable(ids, weights, 4);
    let checked = 0;
    for (const [name, id] of ids) {
      const cut = name.search(/[=|]/);
      const template = templateNumber(cut < 0 ? name : name.slice(0, cut + 1));
      const [a, b, c] = cut < 0 ? [] : name.slice(cut + 1).split('|').map(table.part);
      assert.equal(table.get(template, a, b, c), id, name);
      const at = table.rowOf(template, a, b, c);
      assert.deepEqual(table.rows.subarray(at, at + 4), weights.subarray(id * 4, id * 4 + 4), name);
      checked++;
    }
    assert.ok(checked > 50_000, `${checked} features`);
  });

  it('finds a feature by its parts however a "|" inside a part makes its name ambiguous', () => {
    const table = new FeatureTable(new Map([['p1w=a|b|c', 0], ['w=|', 1], ['t1pn=O|B-CUE|O', 2], ['cue', 3], ['w==', 4]]));
    const { part } = table;
    const [p1w, w, t1pn, cue] = ['p1w=', 'w=', 't1pn=', 'cue'].map(templateNumber);
    // "a|b" then "c", and "a" then "b|c", both spell the name: the trainer gave both the same weights.
    assert.equal(table.get(p1w, part('a|b'), part('c')), 0);
    assert.equal(table.get(p1w, part('a'), part('b|c')), 0);
    assert.equal(table.get(p1w, part('a'), part('b')), -1);
    assert.equal(table.get(w, part('|')), 1);
    assert.equal(table.get(w, part('=')), 4);
    assert.equal(table.get(t1pn, part('O'), part('B-CUE'), part('O')), 2);
    assert.equal(table.get(t1pn, part('O'), part('O'), part('B-CUE')), -1);
    assert.equal(table.get(cue), 3);
    assert.equal(table.get(w, part('never seen')), -1);
  });
});
