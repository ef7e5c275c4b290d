// Emission scores for tagging, fast: the summed weight vector of every feature group that depends on little
// (a form at a window offset, a form with its sentence facts, a pair of words, a triple of shapes) is cached, and
// all a form's cached facts hang off one entry, so a token costs one or two hash lookups and a handful of vector
// additions instead of building and hashing ~40 feature strings. The strings come from the same builders as in
// training (features.ts), so the scores are the training model's own (a unit test holds the two paths equal).
import { mapped } from '../arrays';
import {
  type DocumentContext, type FormInfo, type TokenContext, WINDOW, gazetteerMatches, isAllCaps, isTitleCase,
  nextWordPair, previousWordPair, readFormInfo, shapePairFeatures, unaryFeatures, visitWindowFeatures,
} from './features';
import type { NerModel } from './model';
import { VectorStore } from './vectorStore';

const CASINGS = ['none', 'Xx', 'x', 'X', 'mixed'];
/** Cache bounds: tens of MB at most; a newsroom's vocabulary fits, a flood of junk tokens cannot grow it. */
const MAX_FORMS = 100_000;
const MAX_CONTEXTS = 400_000;
/** Shape ids stay below this (a few hundred occur), so three of them combine into one exact numeric key. */
const SHAPE_LIMIT = 1 << 17;
/** The offset of a vector that is all zero, or of window vectors not built yet: adding zeros changes no score. */
const NONE = -1;

interface FormEntry {
  info: FormInfo;
  id: number;
  shapeId: number;
  /**
   * Where its word-feature vectors at each window offset lie in the scorer's vector store, concatenated (offset index ×
   * tagCount); NONE until a stretch first reads them, as most forms are never near a name.
   */
  window: number;
  /** Bit w is set when the vector at window offset w has a non-zero score; the others are not added. */
  weightedOffsets: number;
  /** Offsets of the vectors of the sentence facts in the vector store, by fact code. */
  unary: (number | undefined)[];
  /** In some word-pair feature: pairs of other words have no weight and are not looked up. */
  pairable: boolean;
  /**
   * Vectors of this form's word pairs with the form before it and after it, by that form's id: a small-integer key,
   * which the map looks up faster than a number made of two ids.
   */
  previousPairs: Map<number, number> | null;
  nextPairs: Map<number, number> | null;
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
  private readonly shapeTriples = new Map<number, number>();
  /** Vectors of the forms' window features and of the contexts (facts, shapes, word pairs), tagCount cells each. */
  private readonly vectors: VectorStore;
  /** The offsets of the vectors a token's scores sum, in order: its window's, its facts', its shapes', its pairs'. */
  private readonly parts = new Int32Array(WINDOW.length + 4);
  /** A context vector is summed here, and stored only when it has a non-zero score. */
  private readonly sum: Float64Array;
  private readonly pairWords = new Set<string>();
  private readonly start: FormEntry;
  private readonly end: FormEntry;
  private nextId = 0;
  private contextEntries = 0;

  constructor(private readonly model: NerModel) {
    this.tagCount = model.tags.length;
    this.vectors = new VectorStore(1024 * WINDOW.length * this.tagCount);
    this.sum = new Float64Array(this.tagCount);
    for (const template of ['w-1w0', 'w0w1']) {
      for (const value of model.features.valuesOf(template)) {
        const pair = /^(.*)\|(.*)$/.exec(value);
        if (pair) this.pairWords.add(pair[1]).add(pair[2]);
      }
    }
    this.start = this.entry('<s>');
    this.end = this.entry('</s>');
  }

  /** What scoring reads of a sentence as a whole: its forms' entries and the sentence's casing and gazetteer facts. */
  sentence(tokens: readonly string[]): ScoredSentence {
    const entries = mapped(tokens, (t) => this.entry(t));
    const infos = mapped(entries, (e) => e.info);
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
    const scores = into && into.length >= cells ? into : new Float64Array(cells);
    const parts = this.parts;
    for (let i = from; i < to; i++) {
      // The offsets of the vectors to add, in the order the sum has always taken; vectors of zeros add nothing.
      let count = 0;
      for (let w = 0; w < WINDOW.length; w++) {
        const j = i + WINDOW[w];
        const form = j < 0 ? this.start : j >= length ? this.end : entries[j];
        if (form.window === NONE) this.buildWindow(form);
        if (form.weightedOffsets & (1 << w)) parts[count++] = form.window + w * n;
      }
      const entry = entries[i];
      const prev = i > 0 ? entries[i - 1] : null;
      const next = i + 1 < length ? entries[i + 1] : null;
      const casing = doc.casing.get(entry.info.key) ?? 'none';
      const code = (i === 0 ? 1 : 0) | (allCaps ? 2 : 0) | (titleCase ? 4 : 0) | (CASINGS.indexOf(casing) << 3);
      // The facts' vector, by the form and a code of the facts: their features are built only the first time.
      let unary = entry.unary[code];
      if (unary === undefined) {
        const context: TokenContext = { info: entry.info, first: i === 0, allCaps, titleCase, casing, gazetteer: gazetteer[i] };
        unary = entry.unary[code] = this.contextVector(unaryFeatures(context));
      }
      if (unary !== NONE) parts[count++] = unary;
      const shape = this.shapeVector(prev, entry, next);
      if (shape !== NONE) parts[count++] = shape;
      if (entry.pairable) {
        const before = prev === null || prev.pairable ? this.previousPairVector(prev, entry) : NONE;
        if (before !== NONE) parts[count++] = before;
        const after = next === null || next.pairable ? this.nextPairVector(entry, next) : NONE;
        if (after !== NONE) parts[count++] = after;
      }
      // Read after the vectors are found: making one may have grown the store.
      const { cells: vectors } = this.vectors;
      const row = (i - from) * n;
      for (let t = 0; t < n; t++) {
        let score = 0;
        for (let k = 0; k < count; k++) score += vectors[parts[k] + t];
        scores[row + t] = score;
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
    this.vectors.clear();
    this.nextId = 0;
    this.contextEntries = 0;
    this.forms.set('<s>', this.start);
    this.forms.set('</s>', this.end);
    for (const boundary of [this.start, this.end]) {
      boundary.id = this.nextId++;
      boundary.previousPairs = boundary.nextPairs = null; // by the ids of forms now forgotten
      boundary.window = NONE; // in the store just cleared
    }
    this.start.shapeId = this.shapeId(this.start.info.shape);
    this.end.shapeId = this.shapeId(this.end.info.shape);
  }

  private entry(form: string): FormEntry {
    let entry = this.forms.get(form);
    if (!entry) {
      // Read here, not through formInfo's cache: the entry keeps it.
      const info = readFormInfo(form);
      entry = {
        info, id: this.nextId++, shapeId: this.shapeId(info.shape), window: NONE, weightedOffsets: 0, unary: [],
        pairable: this.pairWords.has(info.lower), previousPairs: null, nextPairs: null,
      };
      this.forms.set(form, entry);
    }
    return entry;
  }

  private buildWindow(entry: FormEntry): void {
    const n = this.tagCount;
    const at = this.vectors.allot(WINDOW.length * n);
    const { cells } = this.vectors;
    visitWindowFeatures(entry.info, this.model.clusters, (w, template, value) => this.addRow(cells, at + w * n, this.model.features.id(template, value)));
    let weighted = 0;
    for (let w = 0; w < WINDOW.length; w++) if (!allZero(cells, at + w * n, n)) weighted |= 1 << w;
    entry.window = at;
    entry.weightedOffsets = weighted;
  }

  private shapeId(shape: string): number {
    let id = this.shapeIds.get(shape);
    if (id === undefined) this.shapeIds.set(shape, (id = this.shapeIds.size));
    return id;
  }

  private addFeature(scores: Float64Array, row: number, feature: string): void {
    this.addRow(scores, row, this.model.features.get(feature));
  }

  /** Adds the weights of feature `f` (none when undefined: a feature the model does not have). */
  private addRow(scores: Float64Array, row: number, f: number | undefined): void {
    if (f === undefined) return;
    const { rowStart, tag, value } = this.model.weights;
    for (let e = rowStart[f], end = rowStart[f + 1]; e < end; e++) scores[row + tag[e]] += value[e];
  }

  private addFeatures(into: Float64Array, row: number, features: readonly string[]): void {
    for (const f of features) this.addFeature(into, row, f);
  }

  /** The offset of the features' summed vector in the vector store, or NONE when it is all zero. */
  private contextVector(features: readonly string[]): number {
    this.contextEntries++;
    const { sum } = this;
    sum.fill(0);
    this.addFeatures(sum, 0, features);
    if (sum.every((score) => score === 0)) return NONE;
    const at = this.vectors.allot(this.tagCount);
    this.vectors.cells.set(sum, at);
    return at;
  }

  private shapeVector(prev: FormEntry | null, cur: FormEntry, next: FormEntry | null): number {
    // Boundaries have shapes of their own ('<s>', '</s>'), distinct from any word's.
    const key = ((prev ?? this.start).shapeId * SHAPE_LIMIT + cur.shapeId) * SHAPE_LIMIT + (next ?? this.end).shapeId;
    let vector = this.shapeTriples.get(key);
    if (vector === undefined) this.shapeTriples.set(key, (vector = this.contextVector(shapePairFeatures(prev?.info ?? null, cur.info, next?.info ?? null))));
    return vector;
  }

  private previousPairVector(prev: FormEntry | null, cur: FormEntry): number {
    const pairs = (cur.previousPairs ??= new Map());
    const before = (prev ?? this.start).id;
    let vector = pairs.get(before);
    if (vector === undefined) pairs.set(before, (vector = this.contextVector([previousWordPair(prev?.info ?? null, cur.info)])));
    return vector;
  }

  private nextPairVector(cur: FormEntry, next: FormEntry | null): number {
    const pairs = (cur.nextPairs ??= new Map());
    const after = (next ?? this.end).id;
    let vector = pairs.get(after);
    if (vector === undefined) pairs.set(after, (vector = this.contextVector([nextWordPair(cur.info, next?.info ?? null)])));
    return vector;
  }
}

function allZero(cells: Float64Array, from: number, length: number): boolean {
  for (let i = from; i < from + length; i++) if (cells[i] !== 0) return false;
  return true;
}
