import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { describe, it } from 'node:test';
import { TAGS, allowedTransition, decodeTags, encodeBilou } from '../../server/src/ner/bilou';
import { loadNerModel } from '../../server/src/ner/bundledModel';
import { FeatureIndex } from '../../server/src/ner/featureIndex';
import {
  WINDOW, documentContext, featureName, formInfo, gazetteerMatches, normalizeForm, visitWindowFeatures, windowFeatures, wordFeatures, wordShape,
} from '../../server/src/ner/features';
import { FeatureEncoder, emissionScores, viterbi } from '../../server/src/ner/model';
import { EmissionScorer } from '../../server/src/ner/scorer';
import { nameStretches } from '../../server/src/ner/stretches';
import { harmonizeTypes } from '../../server/src/ner/nameShapes';
import { EntityTagger } from '../../server/src/ner/tagger';
import type { EntityMention, EntityType } from '../../server/src/types';
import { splitSentences, tokenize } from '../../server/src/text';
import { ModelFormatError, parseNerModel, serializeNerModel } from '../../server/src/ner/modelFile';

describe('ner: BILOU tags', () => {
  it('encodes entity ranges and decodes them back', () => {
    const ranges = [
      { start: 0, end: 2, type: 'PER' as const },
      { start: 3, end: 4, type: 'LOC' as const },
      { start: 5, end: 8, type: 'ORG' as const },
    ];
    const tags = encodeBilou(9, ranges);
    assert.deepEqual(tags, ['B-PER', 'L-PER', 'O', 'U-LOC', 'O', 'B-ORG', 'I-ORG', 'L-ORG', 'O']);
    assert.deepEqual(decodeTags(tags), ranges);
  });

  it('reads CoNLL IOB2 tags, where a new B- closes the open entity', () => {
    assert.deepEqual(decodeTags(['B-PER', 'I-PER', 'B-PER', 'O', 'I-LOC']), [
      { start: 0, end: 2, type: 'PER' },
      { start: 2, end: 3, type: 'PER' },
      { start: 4, end: 5, type: 'LOC' },
    ]);
  });

  it('allows only well-formed transitions', () => {
    assert.ok(allowedTransition(null, 'B-PER'));
    assert.ok(!allowedTransition(null, 'I-PER'));
    assert.ok(allowedTransition('B-PER', 'L-PER'));
    assert.ok(!allowedTransition('B-PER', 'L-ORG'));
    assert.ok(!allowedTransition('I-LOC', 'O'));
    assert.ok(!allowedTransition('B-LOC', null));
    assert.ok(allowedTransition('U-LOC', null));
  });
});

describe('ner: Viterbi', () => {
  it('finds the best well-formed path even when the greedy choice is ill-formed', () => {
    const n = TAGS.length;
    const emissions = new Float32Array(2 * n);
    // Greedy would pick I-PER then O; the best legal path is B-PER L-PER.
    emissions[0 * n + TAGS.indexOf('I-PER')] = 5;
    emissions[0 * n + TAGS.indexOf('B-PER')] = 3;
    emissions[1 * n + TAGS.indexOf('O')] = 2;
    emissions[1 * n + TAGS.indexOf('L-PER')] = 1.5;
    const path = viterbi(TAGS, new Float32Array((n + 1) * n), emissions, 2).map((t) => TAGS[t]);
    assert.deepEqual(path, ['B-PER', 'L-PER']);
  });

  it('scores a stretch between O tokens with the transitions from and to O', () => {
    const n = TAGS.length;
    const transitions = new Float32Array((n + 1) * n);
    // Starting a sentence with U-PER is cheap, following O with it is dear; ending before O costs U-PER too.
    transitions[n * n + TAGS.indexOf('U-PER')] = 1;
    transitions[TAGS.indexOf('O') * n + TAGS.indexOf('U-PER')] = -3;
    const emissions = new Float32Array(n);
    emissions[TAGS.indexOf('U-PER')] = 2;
    assert.deepEqual(viterbi(TAGS, transitions, emissions, 1).map((t) => TAGS[t]), ['U-PER']);
    assert.deepEqual(viterbi(TAGS, transitions, emissions, 1, { outsideBefore: true, outsideAfter: false }).map((t) => TAGS[t]), ['O']);
    transitions[TAGS.indexOf('U-PER') * n + TAGS.indexOf('O')] = -3;
    transitions[TAGS.indexOf('O') * n + TAGS.indexOf('U-PER')] = 0;
    assert.deepEqual(viterbi(TAGS, transitions, emissions, 1, { outsideBefore: true, outsideAfter: true }).map((t) => TAGS[t]), ['O']);
  });

  it('sums the weights of each token’s features per tag', () => {
    const weights = Float32Array.from([1, 2, 10, 20]);
    assert.deepEqual([...emissionScores(weights, 2, [Int32Array.from([0, 1]), Int32Array.from([1])])], [11, 22, 10, 20]);
  });
});

describe('ner: features', () => {
  it('describes word shapes compactly', () => {
    assert.equal(wordShape('Lavrov'), 'Xx');
    assert.equal(wordShape('U.S.'), 'X.X.');
    assert.equal(wordShape('1996-08-22'), 'd-d-d');
  });

  it('reads modern typography as the ASCII the model was trained on', () => {
    assert.equal(normalizeForm('Kerry’s'), "Kerry's");
    assert.equal(normalizeForm('“Aleppo”—'), '"Aleppo"-');
  });

  it('reads a word two away by the word alone, and a neighbour also by its shape, clusters and classes', () => {
    assert.deepEqual(wordFeatures('Lavrov', -2, null), ['w-2=lavrov']);
    assert.deepEqual(wordFeatures('Sergei', 1, null), ['w1=sergei', 'sh1=Xx', 'c1=none', 'k1=given']);
    const { clusters } = loadNerModel();
    for (const form of ['Sergei', 'Lavrov', 'U.S.', 'al-Assad', 'Kerry’s', '1996-08-22', '<s>']) {
      const window = windowFeatures(formInfo(form), clusters);
      WINDOW.forEach((offset, w) => assert.deepEqual(window[w], wordFeatures(form, offset, clusters), `${form} at ${offset}`));
    }
  });

  it('visits the window features by template and value, in the order and with the names of windowFeatures', () => {
    const { clusters } = loadNerModel();
    for (const form of ['Sergei', 'U.S.', 'al-Assad', '=', '1996-08-22']) {
      const visited: string[][] = WINDOW.map(() => []);
      visitWindowFeatures(formInfo(form), clusters, (w, template, value) => visited[w].push(featureName(template, value)));
      assert.deepEqual(visited, windowFeatures(formInfo(form), clusters), form);
    }
  });

  it('indexes features by template and value, a value holding "=" or "|" included', () => {
    const index = new FeatureIndex(['bias', 'w0=kerry', 'w0==', 'W==>', 'w0w1=a|b|c', 'caps']);
    assert.equal(index.size, 6);
    assert.equal(index.id('bias', null), 0);
    assert.equal(index.id('w0', 'kerry'), 1);
    assert.equal(index.id('w0', '='), 2);
    assert.equal(index.id('W', '=>'), 3);
    assert.equal(index.id('caps', null), 5);
    assert.equal(index.id('w0', 'caps'), undefined);
    assert.equal(index.id('caps', ''), undefined);
    assert.equal(index.id('w1', 'kerry'), undefined);
    for (const [name, id] of [['w0==', 2], ['W==>', 3], ['w0w1=a|b|c', 4], ['bias', 0], ['w0=lavrov', undefined]] as const) assert.equal(index.get(name), id, name);
    assert.deepEqual([...index.valuesOf('w0w1')], ['a|b|c']);
    assert.deepEqual([...index.valuesOf('w-1w0')], []);
  });

  it('learns casing from running text, not from headlines or sentence starts', () => {
    const doc = documentContext([
      ['TALKS', 'IN', 'GENEVA'],
      ['Talks', 'resumed', 'in', 'Geneva', 'after', 'talks', 'stalled'],
    ]);
    assert.equal(doc.casing.get('geneva'), 'Xx');
    assert.equal(doc.casing.get('talks'), 'x');
    assert.equal(doc.casing.get('in'), 'x');
  });
});

describe('ner: model file', () => {
  const tiny = {
    tags: TAGS,
    featureNames: ['bias', 'w0=kerry'],
    weights: Float32Array.from({ length: 2 * TAGS.length }, (_, i) => (i % 3) - 1),
    transitions: new Float32Array((TAGS.length + 1) * TAGS.length).fill(0.5),
    granularities: [4],
    clusterWords: ['Kerry', 'Lavrov'],
    clusterIds: Uint16Array.from([2, 3]),
    trainedOn: 'test',
  };

  it('round-trips features, weights, transitions and clusters', () => {
    const model = parseNerModel(serializeNerModel(tiny));
    assert.equal(model.features.get('w0=kerry'), 1);
    const n = TAGS.length;
    const dense = [0, 1].flatMap((f) => {
      const row = new Array<number>(n).fill(0);
      const { rowStart, tag, value } = model.weights;
      for (let e = rowStart[f]; e < rowStart[f + 1]; e++) row[tag[e]] = Math.round(value[e]);
      return row;
    });
    assert.deepEqual(dense, [...tiny.weights]);
    assert.deepEqual([...model.transitions], [...tiny.transitions]);
    assert.deepEqual(model.clusters?.lookup('Lavrov'), [3]);
    assert.equal(model.clusters?.lookup('Smith'), undefined);
  });

  it('rejects a truncated or foreign file with a clear error', () => {
    const bytes = serializeNerModel(tiny);
    assert.throws(() => parseNerModel(bytes.subarray(0, bytes.length - 10)), ModelFormatError);
    assert.throws(() => parseNerModel(new TextEncoder().encode('{"format":"other","version":1}\n')), /unsupported entity model/);
    assert.throws(() => parseNerModel(new Uint8Array([1, 2, 3])), /no header line/);
  });

  it('names the file when the model cannot be loaded', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ner-')), 'ner.model.gz');
    fs.writeFileSync(file, zlib.gzipSync(Buffer.from('garbage\n')));
    assert.throws(() => loadNerModel(file), (e: Error) => e.message.includes(file));
  });

  it('ships a compact bundled model with the tag set the tagger expects', () => {
    const model = loadNerModel();
    assert.deepEqual(model.tags, TAGS);
    assert.ok(model.features.size > 10_000);
    assert.ok(model.clusters?.lookup('Kerry'), 'the word clusters cover common names');
  });
});

describe('ner: fast scorer', () => {
  it('gives the scores of the training feature path, for every token of an article', () => {
    const model = loadNerModel();
    const n = model.tags.length;
    const dense = new Float32Array(model.features.size * n);
    const { rowStart, tag, value } = model.weights;
    for (let f = 0; f < model.features.size; f++) for (let e = rowStart[f]; e < rowStart[f + 1]; e++) dense[f * n + tag[e]] = value[e];
    const text = 'KERRY, LAVROV MEET\n\nU.S. Secretary of State John Kerry met Russia’s Sergei Lavrov in Geneva on Friday. "We agreed," Kerry said.';
    const sentences = splitSentences(text).map((s) => tokenize(text, s).map((t) => t.text));
    const doc = documentContext(sentences);
    const encoder = new FeatureEncoder((f) => model.features.get(f) ?? -1, model.clusters);
    const scorer = new EmissionScorer(model);
    for (const tokens of sentences) {
      const expected = emissionScores(dense, n, encoder.encode(tokens, doc));
      const actual = scorer.emissions(tokens, doc);
      assert.equal(actual.length, expected.length);
      actual.forEach((score, i) => assert.ok(Math.abs(score - expected[i]) < 1e-3, `token ${Math.floor(i / n)} tag ${i % n}`));
    }
  });
});

describe('ner: fast scorer after reading many forms', () => {
  it('scores a sentence to the bit as a fresh scorer does, after its store of vectors has grown', () => {
    const model = loadNerModel();
    const sentence = tokenize('U.S. Secretary of State John Kerry met Russia’s Sergei Lavrov in Geneva.').map((t) => t.text);
    const doc = documentContext([sentence]);
    const fresh = new EmissionScorer(model).emissions(sentence, doc);
    const busy = new EmissionScorer(model);
    // 12,000 distinct forms, each with its window vectors and contexts: more than the store first holds.
    for (let k = 0; k < 12_000; k += 10) busy.emissions(Array.from({ length: 10 }, (_, w) => `Form${k + w}`), documentContext([]));
    assert.deepEqual([...busy.emissions(sentence, doc)], [...fresh]);
  });
});

describe('ner: tagger on a long article of rare words', () => {
  it('keeps its scorer within bounds in one article, and tags each sentence as it would alone', () => {
    // 150,000 distinct words (three CJK characters each) in sentences that also name a person and a place.
    const sentences: string[] = [];
    for (let k = 0; k < 150_000; k += 10) {
      const words = Array.from({ length: 10 }, (_, w) => String.fromCharCode(0x4e00 + ((k + w) % 150), 0x4e96 + (Math.floor((k + w) / 150) % 150), 0x4f2c + Math.floor((k + w) / 22_500)));
      sentences.push(`Kerry met ${words.join(' ')} in Geneva.`);
    }
    const text = sentences.join('\n');
    const tagger = new EntityTagger(loadNerModel());
    const mentions = tagger.tag(text, splitSentences(text));
    // The scorer's cache of word forms (private: no other way to see what a tagger holds) forgets within the article.
    assert.ok(tagger['scorer']['forms'].size < 110_000, `${tagger['scorer']['forms'].size} forms held`);
    const last = sentences[sentences.length - 1];
    const at = text.length - last.length;
    const alone = new EntityTagger(loadNerModel()).tag(last, splitSentences(last));
    assert.deepEqual(mentions.filter((m) => m.start >= at).map((m) => ({ ...m, start: m.start - at, end: m.end - at })), alone);
    assert.equal(mentions.length, 2 * sentences.length);
  });
});

describe('ner: stretches the tagger decodes', () => {
  const stretchesOf = (sentence: string) => {
    const forms = tokenize(sentence, { start: 0, end: sentence.length }).map((t) => t.text);
    const infos = forms.map(formInfo);
    return nameStretches(infos, gazetteerMatches(infos)).map(([from, to]) => forms.slice(from, to).join(' '));
  };

  it('keeps capitalized words with the short joins, particles, numbers and possessives a name may hold', () => {
    assert.deepEqual(stretchesOf('the governor of the Bank of England met officials of the Organisation for Economic Co-operation and Development'), [
      'Bank of England',
      'Organisation for Economic Co-operation and Development',
    ]);
    assert.deepEqual(stretchesOf('a statue of de Gaulle was unveiled before Euro 2004 near the ground at Lord\'s on a wet day'), ['de Gaulle', 'Euro 2004', 'Lord \'s']);
  });

  it('leaves long lower-case runs undecoded, but not gazetteer names written in lower case', () => {
    assert.deepEqual(stretchesOf('prices rose sharply as traders sold shares'), []);
    assert.deepEqual(stretchesOf('exports to china fell'), ['china']);
  });
});

describe('ner: one type per name in an article', () => {
  const m = (text: string, type: EntityType, start: number): EntityMention => ({ text, type, start, end: start + text.length });

  it('reads a one-word name that ends a full name as that person, and others by their majority type', () => {
    const harmonized = harmonizeTypes([
      m('Dmitri Orlov', 'PERSON', 0),
      m('Orlov', 'ORGANIZATION', 20),
      m('Valmora', 'LOCATION', 40),
      m('Valmora', 'PERSON', 60),
      m('Valmora', 'LOCATION', 80),
      m('Alder', 'MISC', 100),
    ]);
    assert.deepEqual(harmonized.map((x) => x.type), ['PERSON', 'PERSON', 'LOCATION', 'LOCATION', 'LOCATION', 'MISC']);
    assert.deepEqual(harmonized.map((x) => [x.start, x.end]), [[0, 12], [20, 25], [40, 47], [60, 67], [80, 87], [100, 105]]);
  });

  it('gives a name voted for equally under two types the type its first mention has', () => {
    const harmonized = harmonizeTypes([m('Kursk', 'LOCATION', 0), m('Kursk', 'MISC', 10), m('Kursk', 'MISC', 20), m('Kursk', 'LOCATION', 30)]);
    assert.deepEqual(harmonized.map((x) => x.type), ['LOCATION', 'LOCATION', 'LOCATION', 'LOCATION']);
  });
});
