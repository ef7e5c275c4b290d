// Emission scores for tagging, fast: the summed weight vector of every feature group that depends on little
// (a form at a window offset, a form with its sentence facts, a pair of words, a triple of shapes) is cached, and
// all a form's cached facts hang off one entry, so a token costs one or two hash lookups and a handful of vector
// additions instead of building and hashing ~40 feature strings. The strings come from the same builders as in
// training (features.ts), so the scores are the training model's own (a unit test holds the two paths equal).
import {
  type DocumentContext, type FormInfo, type TokenContext, WINDOW, formInfo, gazetteerMatches, isAllCaps, isTitleCase,
  nextWordPair, previousWordPair, shapePairFeatures, unaryFeatures, windowFeatures,
} from './features';
import type { NerModel } from './model';

const CASINGS = ['none', 'Xx', 'x', 'X', 'mixed'];
/** Cache bounds: tens of MB at most; a newsroom's vocabulary fits, a flood of junk tokens cannot grow it. */
const MAX_FORMS = 100_000;
const MAX_CONTEXTS = 400_000;
/** Shape ids stay below this (a few hundred occur), so three of them combine into one exact numeric key. */
const SHAPE_LIMIT = 1 << 17;

interface FormEntry {
  info: FormInfo;
  id: number;
  shapeId: number;
  /** Word-feature vectors at each window offset, concatenated (offset index × tagCount). */
  window: Float64Array;
  /** Vectors of the sentence facts, by fact code. */
  unary: (Float64Array | undefined)[];
  /** In some word-pair feature: pairs of other words have no weight and are not looked up. */
  pairable: boolean;
  /**
   * Vectors of this form's word pairs with the form before it and after it, by that form's id: a small-integer key,
   * which the map looks up faster than a number made of two ids.
   */
  previousPairs: Map<number, Float64Array> | null;
  nextPairs: Map<number, Float64Array> | null;
}

/** A sentence as the scorer reads it; `entries` are internal to the scorer. */
export interface ScoredSentence {
  readonly entries: readonly FormEntry[];
  readonly infos: readonly FormInfo[];
  readonly allCaps: boolean;
  readonly titleCase: boolean;
  /** Per token, the gazetteer entries it lies in. */
  readonly gazetteer: readonly string[][];
}

export class EmissionScorer {
  private readonly tagCount: number;
  private readonly forms = new Map<string, FormEntry>();
  private readonly shapeIds = new Map<string, number>();
  private readonly shapeTriples = new Map<number, Float64Array>();
  private readonly pairWords = new Set<string>();
  private readonly start: FormEntry;
  private readonly end: FormEntry;
  private nextId = 0;
  private contextEntries = 0;

  constructor(private readonly model: NerModel) {
    this.tagCount = model.tags.length;
    for (const f of model.features.keys()) {
      const pair = /^(?:w-1w0|w0w1)=(.*)\|(.*)$/.exec(f);
      if (pair) this.pairWords.add(pair[1]).add(pair[2]);
    }
    this.start = this.entry('<s>');
    this.end = this.entry('</s>');
  }

  /** What scoring reads of a sentence as a whole: its forms' entries and the sentence's casing and gazetteer facts. */
  sentence(tokens: readonly string[]): ScoredSentence {
    const entries = tokens.map((t) => this.entry(t));
    const infos = entries.map((e) => e.info);
    const allCaps = isAllCaps(infos);
    return { entries, infos, allCaps, titleCase: !allCaps && isTitleCase(infos), gazetteer: gazetteerMatches(infos) };
  }

  /**
   * (to − from) × tagCount scores for tokens from..to (exclusive) of a sentence, in its full context: in the first
   * cells of `into` when it has room (a buffer the caller reuses), else in a new array.
   */
  stretchEmissions(sentence: ScoredSentence, doc: DocumentContext, from: number, to: number, into?: Float64Array): Float64Array {
    const n = this.tagCount;
    const { entries, allCaps, titleCase, gazetteer } = sentence;
    const length = entries.length;
    const cells = (to - from) * n;
    const scores = into && into.length >= cells ? into.fill(0, 0, cells) : new Float64Array(cells);
    for (let i = from; i < to; i++) {
      const row = (i - from) * n;
      for (let w = 0; w < WINDOW.length; w++) {
        const j = i + WINDOW[w];
        const vector = (j < 0 ? this.start : j >= length ? this.end : entries[j]).window;
        const offset = w * n;
        for (let t = 0; t < n; t++) scores[row + t] += vector[offset + t];
      }
      const entry = entries[i];
      const prev = i > 0 ? entries[i - 1] : null;
      const next = i + 1 < length ? entries[i + 1] : null;
      const casing = doc.casing.get(entry.info.key) ?? 'none';
      const code = (i === 0 ? 1 : 0) | (allCaps ? 2 : 0) | (titleCase ? 4 : 0) | (CASINGS.indexOf(casing) << 3);
      // The facts' vector, by the form and a code of the facts: their features are built only the first time.
      let unary = entry.unary[code];
      if (!unary) {
        const context: TokenContext = { info: entry.info, first: i === 0, allCaps, titleCase, casing, gazetteer: gazetteer[i] };
        unary = entry.unary[code] = this.contextVector(unaryFeatures(context));
      }
      this.add(scores, row, unary);
      this.add(scores, row, this.shapeVector(prev, entry, next));
      if (entry.pairable) {
        if (prev === null || prev.pairable) this.add(scores, row, this.previousPairVector(prev, entry));
        if (next === null || next.pairable) this.add(scores, row, this.nextPairVector(entry, next));
      }
      for (const g of gazetteer[i]) this.addFeature(scores, row, `gz=${g}`);
    }
    return scores;
  }

  /** tokenCount × tagCount scores for one sentence. */
  emissions(tokens: readonly string[], doc: DocumentContext): Float64Array {
    this.keepBounded();
    return this.stretchEmissions(this.sentence(tokens), doc, 0, tokens.length);
  }

  /**
   * Forgets what the caches hold once they are over their bounds. Only when no sentence read before is left to score:
   * forgetting renumbers forms, so such a sentence would be scored with other forms' vectors.
   */
  keepBounded(): void {
    if (this.overBounds()) this.clear();
  }

  /** Whether the caches hold more than their bounds: then keepBounded forgets them. */
  overBounds(): boolean {
    return this.forms.size > MAX_FORMS || this.shapeIds.size >= SHAPE_LIMIT || this.contextEntries > MAX_CONTEXTS;
  }

  /** Forgets every form read so far. Only between articles, for the reason given at keepBounded. */
  clear(): void {
    this.forms.clear();
    this.shapeIds.clear();
    this.shapeTriples.clear();
    this.nextId = 0;
    this.contextEntries = 0;
    this.forms.set('<s>', this.start);
    this.forms.set('</s>', this.end);
    for (const boundary of [this.start, this.end]) {
      boundary.id = this.nextId++;
      boundary.previousPairs = boundary.nextPairs = null; // by the ids of forms now forgotten
    }
    this.start.shapeId = this.shapeId(this.start.info.shape);
    this.end.shapeId = this.shapeId(this.end.info.shape);
  }

  private entry(form: string): FormEntry {
    let entry = this.forms.get(form);
    if (!entry) {
      const info = formInfo(form);
      const window = new Float64Array(WINDOW.length * this.tagCount);
      windowFeatures(info, this.model.clusters).forEach((features, w) => this.addFeatures(window, w * this.tagCount, features));
      entry = { info, id: this.nextId++, shapeId: this.shapeId(info.shape), window, unary: [], pairable: this.pairWords.has(info.lower), previousPairs: null, nextPairs: null };
      this.forms.set(form, entry);
    }
    return entry;
  }

  private shapeId(shape: string): number {
    let id = this.shapeIds.get(shape);
    if (id === undefined) this.shapeIds.set(shape, (id = this.shapeIds.size));
    return id;
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

  private addFeatures(into: Float64Array, row: number, features: readonly string[]): void {
    for (const f of features) this.addFeature(into, row, f);
  }

  private contextVector(features: readonly string[]): Float64Array {
    this.contextEntries++;
    const vector = new Float64Array(this.tagCount);
    this.addFeatures(vector, 0, features);
    return vector;
  }

  private shapeVector(prev: FormEntry | null, cur: FormEntry, next: FormEntry | null): Float64Array {
    // Boundaries have shapes of their own ('<s>', '</s>'), distinct from any word's.
    const key = ((prev ?? this.start).shapeId * SHAPE_LIMIT + cur.shapeId) * SHAPE_LIMIT + (next ?? this.end).shapeId;
    let vector = this.shapeTriples.get(key);
    if (!vector) this.shapeTriples.set(key, (vector = this.contextVector(shapePairFeatures(prev?.info ?? null, cur.info, next?.info ?? null))));
    return vector;
  }

  private previousPairVector(prev: FormEntry | null, cur: FormEntry): Float64Array {
    const pairs = (cur.previousPairs ??= new Map());
    const before = (prev ?? this.start).id;
    let vector = pairs.get(before);
    if (!vector) pairs.set(before, (vector = this.contextVector([previousWordPair(prev?.info ?? null, cur.info)])));
    return vector;
  }

  private nextPairVector(cur: FormEntry, next: FormEntry | null): Float64Array {
    const pairs = (cur.nextPairs ??= new Map());
    const after = (next ?? this.end).id;
    let vector = pairs.get(after);
    if (!vector) pairs.set(after, (vector = this.contextVector([nextWordPair(cur.info, next?.info ?? null)])));
    return vector;
  }
}
