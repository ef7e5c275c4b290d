// Emission scores for tagging, fast: the summed weight vector of every feature group that depends on little
// (a form at a window offset, a form with its sentence facts, a triple of shapes) is cached, so a token costs a
// handful of vector additions instead of building and hashing ~40 feature strings. The strings come from the
// same builders as in training (features.ts), so the scores are the training model's own.
import {
  type DocumentContext, type FormInfo, type TokenContext, WINDOW, nextWordPair, previousWordPair, shapePairFeatures,
  tokenContexts, unaryFeatures, wordFeatures,
} from './features';
import type { NerModel } from './model';

const CASINGS = ['none', 'Xx', 'x', 'X', 'mixed'];
/** Cache bounds: about 35 MB of vectors at most; a newsroom's vocabulary fits, a flood of junk tokens cannot grow it. */
const MAX_FORMS = 100_000;
const MAX_CONTEXTS = 400_000;

export class EmissionScorer {
  private readonly tagCount: number;
  /** Form → its word-feature vectors at each window offset, concatenated (offset index × tagCount). */
  private readonly words = new Map<string, Float64Array>();
  private readonly unary = new Map<FormInfo, Map<number, Float64Array>>();
  private readonly shapes = new Map<string, Map<string, Map<string, Float64Array>>>();
  private readonly previousPairs = new Map<string, Map<string, Float64Array>>();
  private readonly nextPairs = new Map<string, Map<string, Float64Array>>();
  /** Lower-cased words in some word-pair feature; other pairs have no weight and are not looked up. */
  private readonly pairWords = new Set<string>();
  private contextEntries = 0;

  constructor(private readonly model: NerModel) {
    this.tagCount = model.tags.length;
    for (const f of model.features.keys()) {
      const pair = /^(?:w-1w0|w0w1)=(.*)\|(.*)$/.exec(f);
      if (pair) this.pairWords.add(pair[1]).add(pair[2]);
    }
  }

  /** tokenCount × tagCount scores for one sentence. */
  emissions(tokens: readonly string[], doc: DocumentContext): Float64Array {
    if (this.words.size > MAX_FORMS) this.words.clear();
    if (this.contextEntries > MAX_CONTEXTS) this.clearContexts();
    const n = this.tagCount;
    const length = tokens.length;
    const contexts = tokenContexts(tokens, doc);
    const words = tokens.map((t) => this.wordVector(t));
    const start = this.wordVector('<s>');
    const end = this.wordVector('</s>');
    const scores = new Float64Array(length * n);
    for (let i = 0; i < length; i++) {
      const row = i * n;
      for (let w = 0; w < WINDOW.length; w++) {
        const j = i + WINDOW[w];
        const vector = j < 0 ? start : j >= length ? end : words[j];
        const offset = w * n;
        for (let t = 0; t < n; t++) scores[row + t] += vector[offset + t];
      }
      const context = contexts[i];
      const prev = i > 0 ? contexts[i - 1].info : null;
      const next = i + 1 < length ? contexts[i + 1].info : null;
      this.add(scores, row, this.unaryVector(context));
      this.add(scores, row, this.shapeVector(prev, context.info, next));
      if (this.mayPair(prev, context.info)) this.add(scores, row, this.pairVector(this.previousPairs, prev?.lower ?? '<s>', context.info.lower, () => previousWordPair(prev, context.info)));
      if (this.mayPair(context.info, next)) this.add(scores, row, this.pairVector(this.nextPairs, context.info.lower, next?.lower ?? '</s>', () => nextWordPair(context.info, next)));
      for (const g of context.gazetteer) this.addFeature(scores, row, `gz=${g}`);
    }
    return scores;
  }

  private clearContexts(): void {
    this.unary.clear();
    this.shapes.clear();
    this.previousPairs.clear();
    this.nextPairs.clear();
    this.contextEntries = 0;
  }

  private add(scores: Float64Array, row: number, vector: Float64Array): void {
    for (let t = 0; t < this.tagCount; t++) scores[row + t] += vector[t];
  }

  private addFeature(scores: Float64Array, row: number, feature: string): void {
    const f = this.model.features.get(feature);
    if (f === undefined) return;
    const { rowStart, tag, value } = this.model.weights;
    for (let e = rowStart[f], end = rowStart[f + 1]; e < end; e++) scores[row + tag[e]] += value[e];
  }

  private vectorOf(features: readonly string[], into: Float64Array = new Float64Array(this.tagCount), row = 0): Float64Array {
    for (const f of features) this.addFeature(into, row, f);
    return into;
  }

  private contextVector(features: readonly string[]): Float64Array {
    this.contextEntries++;
    return this.vectorOf(features);
  }

  private wordVector(form: string): Float64Array {
    let vector = this.words.get(form);
    if (!vector) {
      vector = new Float64Array(WINDOW.length * this.tagCount);
      WINDOW.forEach((offset, w) => this.vectorOf(wordFeatures(form, offset, this.model.clusters), vector, w * this.tagCount));
      this.words.set(form, vector);
    }
    return vector;
  }

  private unaryVector(context: TokenContext): Float64Array {
    const code = (context.first ? 1 : 0) | (context.allCaps ? 2 : 0) | (context.titleCase ? 4 : 0) | (CASINGS.indexOf(context.casing) << 3);
    let byCode = this.unary.get(context.info);
    if (!byCode) this.unary.set(context.info, (byCode = new Map()));
    let vector = byCode.get(code);
    if (!vector) byCode.set(code, (vector = this.contextVector(unaryFeatures(context))));
    return vector;
  }

  private shapeVector(prev: FormInfo | null, cur: FormInfo, next: FormInfo | null): Float64Array {
    const a = prev?.shape ?? '<s>';
    const c = next?.shape ?? '</s>';
    let byCur = this.shapes.get(a);
    if (!byCur) this.shapes.set(a, (byCur = new Map()));
    let byNext = byCur.get(cur.shape);
    if (!byNext) byCur.set(cur.shape, (byNext = new Map()));
    let vector = byNext.get(c);
    if (!vector) byNext.set(c, (vector = this.contextVector(shapePairFeatures(prev, cur, next))));
    return vector;
  }

  private pairVector(cache: Map<string, Map<string, Float64Array>>, keyA: string, keyB: string, feature: () => string): Float64Array {
    let byB = cache.get(keyA);
    if (!byB) cache.set(keyA, (byB = new Map()));
    let vector = byB.get(keyB);
    if (!vector) byB.set(keyB, (vector = this.contextVector([feature()])));
    return vector;
  }

  private mayPair(a: FormInfo | null, b: FormInfo | null): boolean {
    return (a === null || this.pairWords.has(a.lower)) && (b === null || this.pairWords.has(b.lower));
  }
}
