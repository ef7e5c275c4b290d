// Averaged structured perceptron (Collins 2002) over BILOU tag sequences.
import { emissionScores, viterbi } from '../../../server/src/ner/model';

export interface TrainingSentence {
  featureIds: Int32Array[];
  gold: number[];
}

export interface TrainedWeights {
  weights: Float32Array;
  transitions: Float32Array;
}

export interface PerceptronOptions {
  epochs: number;
  seed: number;
  onEpoch?: (epoch: number, mistakes: number) => void;
}

export function trainPerceptron(
  tags: readonly string[],
  featureCount: number,
  sentences: readonly TrainingSentence[],
  options: PerceptronOptions,
): TrainedWeights {
  const n = tags.length;
  const weights = new Float32Array(featureCount * n);
  const transitions = new Float32Array((n + 1) * n);
  // Sums of step-weighted updates, for averaging without a copy per step (Daumé's trick).
  const weightSums = new Float64Array(featureCount * n);
  const transitionSums = new Float64Array((n + 1) * n);
  const random = mulberry32(options.seed);
  const order = sentences.map((_, i) => i);
  let step = 1;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    let mistakes = 0;
    for (const index of order) {
      const { featureIds, gold } = sentences[index];
      const emissions = emissionScores(weights, n, featureIds);
      const predicted = viterbi(tags, transitions, emissions, gold.length);
      for (let i = 0; i < gold.length; i++) {
        const g = gold[i];
        const p = predicted[i];
        if (g !== p) {
          mistakes++;
          for (const f of featureIds[i]) {
            weights[f * n + g] += 1;
            weights[f * n + p] -= 1;
            weightSums[f * n + g] += step;
            weightSums[f * n + p] -= step;
          }
        }
        const gPrev = i === 0 ? n : gold[i - 1];
        const pPrev = i === 0 ? n : predicted[i - 1];
        if (gPrev !== pPrev || g !== p) {
          transitions[gPrev * n + g] += 1;
          transitions[pPrev * n + p] -= 1;
          transitionSums[gPrev * n + g] += step;
          transitionSums[pPrev * n + p] -= step;
        }
      }
      step++;
    }
    options.onEpoch?.(epoch, mistakes);
  }
  const average = (w: Float32Array, sums: Float64Array): Float32Array => w.map((v, i) => v - sums[i] / step);
  return { weights: average(weights, weightSums), transitions: average(transitions, transitionSums) };
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
}

/** Small seeded PRNG so training is reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
