// A linear sequence model over BILOU tags, decoded with Viterbi under the BILOU transition constraints.
import { allowedTransition } from './bilou';
import { type DocumentContext, type WordClusters, WINDOW, contextFeatures, wordFeatures } from './features';

export interface NerModel {
  tags: readonly string[];
  features: ReadonlyMap<string, number>;
  /** featureCount × tagCount, row-major by feature. */
  weights: Float32Array;
  /** (tagCount + 1) × tagCount: row `tagCount` holds the scores of starting a sentence with each tag. */
  transitions: Float32Array;
  clusters: WordClusters | null;
}

/** Feature ids of a sentence's tokens, with word features cached per form and offset across calls. */
export class FeatureEncoder {
  private readonly cache = new Map<string, Int32Array>();

  constructor(
    private readonly lookup: (feature: string) => number,
    private readonly clusters: WordClusters | null,
    private readonly maxCacheEntries = 200_000,
  ) {}

  encode(tokens: readonly string[], doc: DocumentContext): Int32Array[] {
    const context = contextFeatures(tokens, doc);
    return tokens.map((_, i) => {
      const parts: Int32Array[] = [this.ids(context[i])];
      for (const offset of WINDOW) {
        const j = i + offset;
        parts.push(this.cachedWordIds(j < 0 ? '<s>' : j >= tokens.length ? '</s>' : tokens[j], offset));
      }
      let length = 0;
      for (const p of parts) length += p.length;
      const ids = new Int32Array(length);
      let at = 0;
      for (const p of parts) {
        ids.set(p, at);
        at += p.length;
      }
      return ids;
    });
  }

  private cachedWordIds(form: string, offset: number): Int32Array {
    const key = `${offset}\u0000${form}`;
    let ids = this.cache.get(key);
    if (!ids) {
      if (this.cache.size >= this.maxCacheEntries) this.cache.clear();
      ids = this.ids(wordFeatures(form, offset, this.clusters));
      this.cache.set(key, ids);
    }
    return ids;
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

/** Emission scores, tokenCount × tagCount. */
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

/** Transition masks are the same for every model with the same tag set; computed once per tag list. */
const masks = new WeakMap<readonly string[], { inner: Uint8Array; end: Uint8Array }>();

function transitionMasks(tags: readonly string[]): { inner: Uint8Array; end: Uint8Array } {
  let mask = masks.get(tags);
  if (!mask) {
    const n = tags.length;
    const inner = new Uint8Array((n + 1) * n);
    for (let p = 0; p <= n; p++) for (let t = 0; t < n; t++) inner[p * n + t] = allowedTransition(p === n ? null : tags[p], tags[t]) ? 1 : 0;
    const end = Uint8Array.from(tags, (t) => (allowedTransition(t, null) ? 1 : 0));
    mask = { inner, end };
    masks.set(tags, mask);
  }
  return mask;
}

/** Best tag index per token. */
export function viterbi(tags: readonly string[], transitions: Float32Array, emissions: Float32Array, length: number): number[] {
  const n = tags.length;
  if (length === 0) return [];
  const { inner, end } = transitionMasks(tags);
  const score = new Float64Array(length * n).fill(-Infinity);
  const back = new Int32Array(length * n);
  for (let t = 0; t < n; t++) if (inner[n * n + t]) score[t] = transitions[n * n + t] + emissions[t];
  for (let i = 1; i < length; i++) {
    for (let t = 0; t < n; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < n; p++) {
        if (!inner[p * n + t]) continue;
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
    const s = score[(length - 1) * n + t];
    if (end[t] && s > best) {
      best = s;
      last = t;
    }
  }
  const path = new Array<number>(length);
  path[length - 1] = last;
  for (let i = length - 1; i > 0; i--) path[i - 1] = back[i * n + path[i]];
  return path;
}
