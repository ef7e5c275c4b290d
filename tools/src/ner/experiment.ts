// Scratch: train on CoNLL train and score on valid in one process, for comparing feature sets.
import { TAGS, decodeTags } from '../../../server/src/ner/bilou';
import { documentContext } from '../../../server/src/ner/features';
import { FeatureEncoder, emissionScores, viterbi } from '../../../server/src/ner/model';
import { dataPath } from '../dataPaths';
import { readConll } from './conll';
import { buildFeatureIndex, encodeDocuments } from './featureSpace';
import { trainPerceptron } from './perceptron';
import { EntityScorer, formatScores } from './scoreEntities';

import * as fs from 'node:fs';
import type { WordClusters } from '../../../server/src/ner/features';
function loadClusters(): WordClusters | null {
  const gs = (process.env.CLUSTERS ?? '').split(',').filter(Boolean).map(Number);
  if (!gs.length) return null;
  const table = new Map<string, number[]>();
  for (const g of gs) {
    const { words, cls } = JSON.parse(fs.readFileSync(`/tmp/clusters${g}.json`, 'utf8'));
    words.forEach((w: string, i: number) => table.set(w, [...(table.get(w) ?? []), cls[i]]));
  }
  return { granularities: gs, lookup: (f) => table.get(f) };
}
const clusters = loadClusters();
const epochs = Number(process.env.EPOCHS ?? 10);
let t = Date.now();
const train = readConll(dataPath('conll2003', 'train.txt'));
const valid = readConll(dataPath('conll2003', 'valid.txt'));
const index = buildFeatureIndex(train, clusters, Number(process.env.MIN_COUNT ?? 2));
const encoded = encodeDocuments(train, index, clusters);
console.log(`features ${index.size}, encode ${Date.now() - t} ms`);
t = Date.now();
const trained = trainPerceptron(TAGS, index.size, encoded, {
  epochs, seed: 1,
  onEpoch: (e, m) => console.log(`epoch ${e}: ${m} token errors (${Date.now() - t} ms)`),
});
const encoder = new FeatureEncoder((f) => index.get(f) ?? -1, clusters);
const scorer = new EntityScorer();
for (const document of valid) {
  const doc = documentContext(document.map((s) => s.tokens));
  for (const { tokens, entities } of document) {
    const ids = encoder.encode(tokens, doc);
    const path = viterbi(TAGS, trained.transitions, emissionScores(trained.weights, TAGS.length, ids), tokens.length);
    scorer.add(entities, decodeTags(path.map((p) => TAGS[p])));
  }
}
console.log(formatScores('valid', scorer));
