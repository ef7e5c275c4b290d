// Builds the feature index from training documents and encodes documents for the perceptron.
import { TAGS, encodeBilou } from '../../../server/src/ner/bilou';
import { type WordClusters, WINDOW, contextFeatures, documentContext, wordFeatures } from '../../../server/src/ner/features';
import { FeatureEncoder } from '../../../server/src/ner/model';
import type { ConllDocument } from './conll';
import type { TrainingSentence } from './perceptron';

/** Features seen fewer than `minCount` times in training are dropped: they cannot be learned and bloat the model. */
export function buildFeatureIndex(documents: readonly ConllDocument[], clusters: WordClusters | null, minCount: number): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (f: string): void => void counts.set(f, (counts.get(f) ?? 0) + 1);
  for (const document of documents) {
    const doc = documentContext(document.map((s) => s.tokens));
    for (const { tokens } of document) {
      contextFeatures(tokens, doc).forEach((features) => features.forEach(count));
      tokens.forEach((_, i) => {
        for (const offset of WINDOW) {
          const j = i + offset;
          wordFeatures(j < 0 ? '<s>' : j >= tokens.length ? '</s>' : tokens[j], offset, clusters).forEach(count);
        }
      });
    }
  }
  const index = new Map<string, number>();
  for (const [feature, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (n >= minCount) index.set(feature, index.size);
  }
  return index;
}

export function encodeDocuments(
  documents: readonly ConllDocument[],
  index: ReadonlyMap<string, number>,
  clusters: WordClusters | null,
): TrainingSentence[] {
  const encoder = new FeatureEncoder((f) => index.get(f) ?? -1, clusters);
  const tagIndex = new Map(TAGS.map((t, i) => [t, i]));
  return documents.flatMap((document) => {
    const doc = documentContext(document.map((s) => s.tokens));
    return document.map(({ tokens, entities }) => ({
      featureIds: encoder.encode(tokens, doc),
      gold: encodeBilou(tokens.length, entities).map((t) => tagIndex.get(t)!),
    }));
  });
}
