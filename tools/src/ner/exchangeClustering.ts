// Predictive exchange clustering (Uszkoreit & Brants 2008): words are grouped by which words precede them,
// maximising the likelihood of a class bigram model. Clusters generalise the tagger to names and words it was
// never trained on ("Lavrov" sits with other surnames), as Brown clusters do, at a fraction of their cost.

export interface ClusteringInput {
  /** Word ids; ids ≥ `clusteredCount` are context-only (rare words, sentence boundary). */
  corpus: Int32Array;
  clusteredCount: number;
  vocabularySize: number;
}

export function exchangeClustering(input: ClusteringInput, classCount: number, iterations: number, log?: (s: string) => void): Int32Array {
  const { corpus, clusteredCount: V, vocabularySize: P } = input;
  const C = classCount;
  // Predecessor counts per clustered word: for word w, pairs (v, count of "v w").
  const bigrams = new Map<number, number>();
  for (let i = 1; i < corpus.length; i++) {
    const w = corpus[i];
    if (w >= V) continue;
    const key = w * P + corpus[i - 1];
    bigrams.set(key, (bigrams.get(key) ?? 0) + 1);
  }
  const sortedKeys = Float64Array.from(bigrams.keys()).sort();
  const predStart = new Int32Array(V + 1);
  const predWord = new Int32Array(sortedKeys.length);
  const predCount = new Int32Array(sortedKeys.length);
  const frequency = new Int32Array(V);
  sortedKeys.forEach((key, k) => {
    const w = Math.floor(key / P);
    predWord[k] = key - w * P;
    predCount[k] = bigrams.get(key)!;
    predStart[w + 1] = k + 1;
    frequency[w] += predCount[k];
  });
  for (let w = 1; w <= V; w++) predStart[w] = Math.max(predStart[w], predStart[w - 1]);

  // Words are numbered by frequency, so the most frequent C words start in classes of their own.
  const classOf = new Int32Array(V);
  for (let w = 0; w < V; w++) classOf[w] = w < C ? w : C - 1 - ((w - C) % C);
  const pairCounts = new Int32Array(P * C); // N(v, c): v followed by a word of class c
  const classCounts = new Float64Array(C);
  for (let w = 0; w < V; w++) {
    const c = classOf[w];
    classCounts[c] += frequency[w];
    for (let k = predStart[w]; k < predStart[w + 1]; k++) pairCounts[predWord[k] * C + c] += predCount[k];
  }
  // Counts are integers no larger than the corpus, so x·log x comes from a table instead of a log per step.
  const table = new Float64Array(corpus.length + 1);
  for (let x = 1; x <= corpus.length; x++) table[x] = x * Math.log(x);
  const xlogx = (x: number): number => table[x];
  const gain = new Float64Array(C);
  for (let iteration = 1; iteration <= iterations; iteration++) {
    let moved = 0;
    for (let w = 0; w < V; w++) {
      const from = classOf[w];
      const n = frequency[w];
      for (let k = predStart[w]; k < predStart[w + 1]; k++) pairCounts[predWord[k] * C + from] -= predCount[k];
      classCounts[from] -= n;
      for (let c = 0; c < C; c++) gain[c] = xlogx(classCounts[c]) - xlogx(classCounts[c] + n);
      for (let k = predStart[w]; k < predStart[w + 1]; k++) {
        const row = predWord[k] * C;
        const m = predCount[k];
        const base = xlogx(m);
        for (let c = 0; c < C; c++) {
          const old = pairCounts[row + c];
          if (old !== 0) gain[c] += xlogx(old + m) - xlogx(old);
          else gain[c] += base;
        }
      }
      let best = from;
      for (let c = 0; c < C; c++) if (gain[c] > gain[best] + 1e-9) best = c;
      if (best !== from) moved++;
      classOf[w] = best;
      for (let k = predStart[w]; k < predStart[w + 1]; k++) pairCounts[predWord[k] * C + best] += predCount[k];
      classCounts[best] += n;
    }
    log?.(`  ${C} classes, iteration ${iteration}: ${moved} words moved`);
    if (moved === 0) break;
  }
  return classOf;
}
