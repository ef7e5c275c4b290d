// The unlabelled text the word clusters are learned from: the news corpus plus the CoNLL training sentences.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { normalizeForm } from '../../../server/src/ner/features';
import { tokenize } from '../../../server/src/text';
import type { ConllDocument } from './conll';
import type { ClusteringInput } from './exchangeClustering';

export interface ClusterCorpus extends ClusteringInput {
  /** Clustered words by id, most frequent first. */
  words: string[];
}

export function buildClusterCorpus(corpusDirs: readonly string[], training: readonly ConllDocument[], minFrequency: number): ClusterCorpus {
  const sentences: string[][] = [];
  for (const dir of corpusDirs) {
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split(/\n/)) {
        if (line.trim()) sentences.push(tokenize(line).map((t) => normalizeForm(t.text)));
      }
    }
  }
  for (const document of training) for (const s of document) sentences.push(s.tokens.map(normalizeForm));
  const frequency = new Map<string, number>();
  for (const tokens of sentences) for (const t of tokens) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  const words = [...frequency]
    .filter(([, n]) => n >= minFrequency)
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
    .map(([w]) => w);
  const ids = new Map(words.map((w, i) => [w, i]));
  const rare = words.length;
  const boundary = words.length + 1;
  const corpus: number[] = [boundary];
  for (const tokens of sentences) {
    for (const t of tokens) corpus.push(ids.get(t) ?? rare);
    corpus.push(boundary);
  }
  return { words, corpus: Int32Array.from(corpus), clusteredCount: words.length, vocabularySize: words.length + 2 };
}
