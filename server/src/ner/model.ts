// A linear sequence model over BILOU tags, decoded with Viterbi under the BILOU transition constraints.
import { allowedTransition } from './bilou';
import type { FeatureIndex } from './featureIndex';
import { type DocumentContext, type WordClusters, WINDOW, contextFeatures, formInfo, windowFeatures } from './features';

/** Feature weights by row, keeping only non-zero tags: most features matter for a few tags only. */
export interface SparseWeights {
  /** Row f spans entries rowStart[f] .. rowStart[f + 1]. */
  rowStart: Int32Array;
  tag: Uint8Array;
  value: Float32Array;
}

export interface NerModel {
  tags: readonly string[];
  features: FeatureIndex;
  weights: SparseWeights;
  /** (tagCount + 1) × tagCount: row `tagCount` holds the scores of starting a sentence with each tag. */
  transitions: Float32Array;
  clusters: WordClusters | null;
}

/** Feature ids of a sentence's tokens, for training: word features are cached per form across calls. */
export class FeatureEncoder {
  private readonly cache = new Map<string, Int32Array[]>();

  constructor(
    private readonly lookup: (feature: string) => number,
    private readonly clusters: WordClusters | null,
  ) {}

  encode(tokens: readonly string[], doc: DocumentContext): Int32Array[] {
    const context = contextFeatures(tokens, doc);
    const words = tokens.map((t) => this.wordIds(t));
    const boundary = [this.wordIds('<s>'), this.wordIds('</s>')];
    return tokens.map((_, i) => {
      const ids = [...this.ids(context[i])];
      WINDOW.forEach((offset, w) => {
        const j = i + offset;
        ids.push(...(j < 0 ? boundary[0] : j >= tokens.length ? boundary[1] : words[j])[w]);
      });
      return Int32Array.from(ids);
    });
  }

  private wordIds(form: string): Int32Array[] {
    let entry = this.cache.get(form);
    if (!entry) {
      entry = windowFeatures(formInfo(form), this.clusters).map((features) => this.ids(features));
      this.cache.set(form, entry);
    }
    return entry;
  }

  private ids(features: readonly string[]): Int32Array {
    const ids: number[] = [];
    for (const f of features) {
      const id = this.lookup(f);
      if (id >= 0) ids.push(id);
    }
    return Int32Array.from(ids);
  }
}

/** Emission scores from dense weights (featureCount × tagCount, as in training), tokenCount × tagCount. */
export function emissionScores(weights: Float32Array, tagCount: number, featureIds: readonly Int32Array[]): Float32Array {
  const scores = new Float32Array(featureIds.length * tagCount);
  featureIds.forEach((ids, i) => {
    const row = i * tagCount;
    for (let k = 0; k < ids.length; k++) {
      const base = ids[k] * tagCount;
      for (let t = 0; t < tagCount; t++) scores[row + t] += weights[base + t];
    }
  });
  return scores;
}

/** Allowed predecessors per tag, the same for every model with the same tag set; computed once per tag list. */
const masks = new WeakMap<readonly string[], { predecessors: Int32Array[]; starts: Uint8Array; ends: Uint8Array }>();

function transitionMasks(tags: readonly string[]): { predecessors: Int32Array[]; starts: Uint8Array; ends: Uint8Array } {
  let mask = masks.get(tags);
  if (!mask) {
    const predecessors = tags.map((t) => Int32Array.from(tags.flatMap((p, i) => (allowedTransition(p, t) ? [i] : []))));
    const starts = Uint8Array.from(tags, (t) => (allowedTransition(null, t) ? 1 : 0));
    const ends = Uint8Array.from(tags, (t) => (allowedTransition(t, null) ? 1 : 0));
    mask = { predecessors, starts, ends };
    masks.set(tags, mask);
  }
  return mask;
}

/**
 * Where a decoded stretch sits in its sentence: tokens tagged O may lie before it (`outsideBefore`) or after it
 * (`outsideAfter`) instead of the sentence's start and end, so it is scored with the transitions from and to O.
 */
export interface StretchBounds {
  outsideBefore: boolean;
  outsideAfter: boolean;
}

const WHOLE_SENTENCE: StretchBounds = { outsideBefore: false, outsideAfter: false };

// Working rows for short sequences, reused: allocating them cost more than decoding a name of a few words does.
const SCRATCH_CELLS = 4096;
const scratchScore = new Float64Array(SCRATCH_CELLS);
const scratchBack = new Int32Array(SCRATCH_CELLS);

/** Best tag index per token. */
export function viterbi(
  tags: readonly string[],
  transitions: Float32Array,
  emissions: Float32Array | Float64Array,
  length: number,
  bounds: StretchBounds = WHOLE_SENTENCE,
): number[] {
  const n = tags.length;
  if (length === 0) return [];
  const { predecessors, starts, ends } = transitionMasks(tags);
  const outside = tags.indexOf('O');
  const cells = length * n;
  const score = cells <= SCRATCH_CELLS ? scratchScore : new Float64Array(cells);
  const back = cells <= SCRATCH_CELLS ? scratchBack : new Int32Array(cells);
  // Every cell of the later rows is written before it is read; of the first row, only the tags a sequence may start with.
  score.fill(-Infinity, 0, n);
  const startRow = bounds.outsideBefore ? outside * n : n * n;
  for (let t = 0; t < n; t++) if (starts[t]) score[t] = transitions[startRow + t] + emissions[t];
  for (let i = 1; i < length; i++) {
    for (let t = 0; t < n; t++) {
      const allowed = predecessors[t];
      let best = -Infinity;
      let arg = 0;
      for (let k = 0; k < allowed.length; k++) {
        const p = allowed[k];
        const s = score[(i - 1) * n + p] + transitions[p * n + t];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * n + t] = best + emissions[i * n + t];
      back[i * n + t] = arg;
    }
  }
  let last = 0;
  let best = -Infinity;
  for (let t = 0; t < n; t++) {
    const s = score[(length - 1) * n + t] + (bounds.outsideAfter ? transitions[t * n + outside] : 0);
    if (ends[t] && s > best) {
      best = s;
      last = t;
    }
  }
  const path = new Array<number>(length);
  path[length - 1] = last;
  for (let i = length - 1; i > 0; i--) path[i - 1] = back[i * n + path[i]];
  return path;
}
