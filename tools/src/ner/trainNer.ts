// npm run train:ner: rebuilds models/ner.model.gz from CoNLL-2003 train and the unlabelled news corpus.
// Deterministic: same data, same model, byte for byte.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { TAGS } from '../../../server/src/ner/bilou';
import type { WordClusters } from '../../../server/src/ner/features';
import { serializeNerModel } from '../../../server/src/ner/modelFile';
import { corpusDir, dataPath, repoRoot } from '../dataPaths';
import { buildClusterCorpus } from './clusterCorpus';
import { readConll } from './conll';
import { withTitleCaseCopies } from './augment';
import { exchangeClustering } from './exchangeClustering';
import { buildFeatureIndex, encodeDocuments } from './featureSpace';
import { trainPerceptron } from './perceptron';

const GRANULARITIES = [64, 256, 1024];
const CLUSTER_ITERATIONS = 8;
const MIN_WORD_FREQUENCY = 5;
const MIN_FEATURE_COUNT = 2;
const EPOCHS = 10;
/** One training sentence in this many also appears as a Title Case headline. */
const TITLE_CASE_EVERY = 10;
const SEED = 1;
/** Averaged weights this small change no decision in practice; dropping them keeps the file compact. */
const PRUNE_BELOW = 0.05;

const MODEL_FILE = path.join(repoRoot, 'models', 'ner.model.gz');

const started = Date.now();
const log = (s: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${s}`);

const conllTrain = readConll(dataPath('conll2003', 'train.txt'));
const train = withTitleCaseCopies(conllTrain, TITLE_CASE_EVERY);
const corpusFolders = ['bbc', 'reuters21578'].map((f) => path.join(corpusDir, f));
const corpus = buildClusterCorpus(corpusFolders, conllTrain, MIN_WORD_FREQUENCY);
log(`cluster corpus: ${corpus.corpus.length} tokens, ${corpus.words.length} words clustered`);
const clusterIds = new Uint16Array(corpus.words.length * GRANULARITIES.length);
GRANULARITIES.forEach((classes, g) => {
  const classOf = exchangeClustering(corpus, classes, CLUSTER_ITERATIONS, log);
  classOf.forEach((c, w) => (clusterIds[w * GRANULARITIES.length + g] = c));
});
const wordIndex = new Map(corpus.words.map((w, i) => [w, i]));
const clusters: WordClusters = {
  granularities: GRANULARITIES,
  lookup: (form) => {
    const i = wordIndex.get(form);
    return i === undefined ? undefined : Array.from(clusterIds.subarray(i * GRANULARITIES.length, (i + 1) * GRANULARITIES.length));
  },
};

const index = buildFeatureIndex(train, clusters, MIN_FEATURE_COUNT);
const sentences = encodeDocuments(train, index, clusters);
log(`${sentences.length} training sentences, ${index.size} features`);
const trained = trainPerceptron(TAGS, index.size, sentences, {
  epochs: EPOCHS,
  seed: SEED,
  onEpoch: (epoch, mistakes) => log(`epoch ${epoch}: ${mistakes} tokens mistagged`),
});

// Keep features with at least one weight worth storing.
const n = TAGS.length;
const names = [...index.keys()];
const kept: number[] = [];
names.forEach((_, f) => {
  for (let t = 0; t < n; t++) if (Math.abs(trained.weights[f * n + t]) >= PRUNE_BELOW) return void kept.push(f);
});
const weights = new Float32Array(kept.length * n);
kept.forEach((f, k) => weights.set(trained.weights.subarray(f * n, f * n + n), k * n));
const bytes = serializeNerModel({
  tags: TAGS,
  featureNames: kept.map((f) => names[f]),
  weights,
  transitions: trained.transitions,
  granularities: GRANULARITIES,
  clusterWords: corpus.words,
  clusterIds,
  trainedOn: 'CoNLL-2003 English train (tags); BBC News 2004-05 and Reuters-21578 text (word clusters)',
});
const gz = zlib.gzipSync(bytes, { level: 9 });
fs.mkdirSync(path.dirname(MODEL_FILE), { recursive: true });
fs.writeFileSync(MODEL_FILE, gz);
log(`wrote ${path.relative(process.cwd(), MODEL_FILE)}: ${kept.length} features, ${(gz.length / 1e6).toFixed(2)} MB`);
