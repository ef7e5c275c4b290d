// The attribution tagger as the editor runs it: the committed weights indexed by integer ids of each feature's parts,
// and the features a token reads of one word looked up once per distinct word, so tagging neither builds nor hashes a
// feature name per token. test/unit/attributionScorer.test.ts holds its scores equal to the named features the
// trainer uses.
import {
  type FeatureContext, type PartMaker, ROLE_WINDOWS, TEMPLATES, type TokenParts, WORD_OFFSETS, boundaryStrings,
  roleParts, templateNumber, tokenStrings, visitFeatures, visitRoleFeatures, visitStackedFeatures, visitWordFeatures,
} from './attributionFeatures';
import { TAG_COUNT, type TaggedParagraph, type TaggerModelFile, viterbi } from './attributionTagger';

export interface TaggerModel {
  context: FeatureContext;
  features: FeatureTable;
  /** Part ids of each token text seen lately. */
  parts: TokenPartIds;
  /**
   * The scores of a window of first-pass roles (visitRoleFeatures): TAG_COUNT second-pass weights summed over its
   * features, at window × TAG_COUNT of the array returned.
   */
  roleScores: (window: number) => Int32Array;
  /** Per pass, (TAG_COUNT + 1) × TAG_COUNT transition weights. */
  transitions: [Float64Array, Float64Array];
}

/**
 * TAG_COUNT bound in this module: the compiled CommonJS reads an import as a property of the imported module at each
 * use, and the scoring loops run faster over a plain binding.
 */
const tagCount = TAG_COUNT;
const ROW = 2 * tagCount;

/** Token texts of words the model does not know whose parts are kept: a few articles' worth (the cache starts over when full). */
const REMEMBERED_TOKENS = 50_000;
/**
 * Int32 per block of word scores: the words' rows are laid side by side in blocks rather than each in an array of its
 * own, so that the words of a paragraph, mostly met in the same few articles, are read from less memory, and a new word
 * allocates no buffer.
 */
const WORD_SCORE_BLOCK = 1 << 16;

/**
 * Parts by id of token texts. Those of words the model knows are kept for the life of the model, up to one text per part
 * it has (the texts of its vocabulary and a few case variants of them): they are most of any text's tokens, and making
 * them again after every `forget` was a tenth of the tagger's time in the index workers, which forget every few
 * articles. Rare words' parts are remembered until `forget` (between analyses).
 */
interface TokenPartIds extends PartMaker<number> {
  forget(): void;
}

/** Where words' score rows go: blocks of WORD_SCORE_BLOCK filled in turn. A full block is left to the words in it. */
class ScoreBlocks {
  block = new Int32Array(WORD_SCORE_BLOCK);
  used = 0;

  /** Room for `length` more Int32 in `block`, from `used` on. */
  reserve(length: number): void {
    if (this.used + length > this.block.length) this.renew();
  }

  /** A new block, so that the words of the old one can go with it. */
  renew(): void {
    this.block = new Int32Array(WORD_SCORE_BLOCK);
    this.used = 0;
  }
}

function partIds(features: FeatureTable, context: FeatureContext): TokenPartIds {
  const vocabulary = new Map<string, TokenParts<number>>();
  const recent = new Map<string, TokenParts<number>>();
  const { part, rows } = features;
  const vocabularyBound = features.parts.size;
  // Kept and forgotten words' scores lie in blocks of their own, so that the blocks of forgotten ones can go.
  const vocabularyScores = new ScoreBlocks();
  const recentScores = new ScoreBlocks();
  // The summed rows of one word at every offset, worked out here and the kept ones copied to the block: one array
  // reused rather than a new one and fourteen views of it per word, which made a new word cost some 10 µs.
  const all = new Int32Array(WORD_OFFSETS.length * ROW);
  let at = 0;
  const addRow = (template: number, a: number) => {
    const row = features.rowOf(template, a);
    for (let k = 0; row >= 0 && k < ROW; k++) all[at + k] += rows[row + k];
  };
  const partsOf = (s: TokenParts<string>): TokenParts<number> => ({
    word: part(s.word), shape: part(s.shape), stem: part(s.stem), suffix3: part(s.suffix3), suffix2: part(s.suffix2),
    prefix4: part(s.prefix4), cue: s.cue, title: s.title,
  });
  /** Sets the word's scores, in `blocks`. */
  const score = (ids: TokenParts<number>, blocks: ScoreBlocks): TokenParts<number> => {
    all.fill(0);
    // Most texts are rare words, which the model knows nothing of as a neighbour: only rows with weights are kept, so
    // that the rows a paragraph reads lie in less memory. Reading scattered rows was much of the tagger's time.
    let kept = 0;
    let count = 0;
    for (let o = 0; o < WORD_OFFSETS.length; o++) {
      at = o * ROW;
      visitWordFeatures(ids, WORD_OFFSETS[o], addRow);
      let weighted = false;
      for (let k = at; k < at + ROW && !weighted; k++) weighted = all[k] !== 0;
      if (weighted) {
        kept |= 1 << o;
        count++;
      }
    }
    blocks.reserve(count * ROW);
    const { block } = blocks;
    for (let o = 0; o < WORD_OFFSETS.length; o++) {
      if (!(kept & (1 << o))) continue;
      for (let k = 0; k < ROW; k++) block[blocks.used + k] = all[o * ROW + k];
      blocks.used += ROW;
    }
    ids.wordRows = kept;
    ids.wordScores = block;
    ids.wordScoresAt = blocks.used - count * ROW;
    return ids;
  };
  const boundaries = new Map(['<s>', '</s>'].map((text) => [text, score(partsOf(boundaryStrings(text)), vocabularyScores)]));
  return {
    part,
    boundary: (text) => boundaries.get(text)!,
    token(text) {
      let parts = vocabulary.get(text) ?? recent.get(text);
      if (parts) return parts;
      parts = partsOf(tokenStrings(text, context));
      if (parts.word !== UNKNOWN && vocabulary.size < vocabularyBound) {
        vocabulary.set(text, score(parts, vocabularyScores));
      } else {
        if (recent.size >= REMEMBERED_TOKENS) recent.clear();
        recent.set(text, score(parts, recentScores));
      }
      return parts;
    },
    forget: () => {
      recent.clear();
      recentScores.renew(); // the words forgotten keep the blocks they are in, which can go with them
    },
  };
}

export function loadModel(file: TaggerModelFile): TaggerModel {
  const ids = new Map<string, number>();
  // Each pass's feature ids, in the order of its names and weights.
  const passIds = file.passes.map((pass) => pass.features.split('\n').map((name) => {
    let id = ids.get(name);
    if (id === undefined) ids.set(name, (id = ids.size));
    return id;
  }));
  // ROW per feature id: TAG_COUNT of the first pass, then TAG_COUNT of the second (zero where a pass lacks the
  // feature), side by side so that scoring both passes reads one place in memory per feature. Only the table keeps them.
  // Copied in plain loops, here and in FeatureTable: a view and an array per feature took a fifth of the load's time.
  const weights = new Int16Array(ids.size * ROW);
  file.passes.forEach((pass, p) => {
    const bytes = Buffer.from(pass.weights, 'base64');
    const values = new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    passIds[p].forEach((id, n) => {
      for (let t = 0; t < tagCount; t++) weights[id * ROW + p * tagCount + t] = values[n * tagCount + t];
    });
  });
  const transitions = file.passes.map((pass) => Float64Array.from(pass.transitions)) as [Float64Array, Float64Array];
  const context = { cueStems: new Set(file.cueStems.split(' ')) };
  const features = new FeatureTable(ids, weights, ROW);
  return { context, features, parts: partIds(features, context), roleScores: roleScoresOf(features), transitions };
}

// A window's sums are worked out when the window is first seen: text shows few of the many windows, and summing all of
// them would slow loading the model.
function roleScoresOf(features: FeatureTable): (window: number) => Int32Array {
  const { rows } = features;
  const scores = new Int32Array(ROLE_WINDOWS * tagCount);
  const summed = new Uint8Array(ROLE_WINDOWS);
  const rolePart = roleParts(features.part);
  return (window) => {
    if (summed[window]) return scores;
    summed[window] = 1;
    visitRoleFeatures(window, rolePart, (template, a, b, c) => {
      const at = features.rowOf(template, a, b, c);
      for (let t = 0; at >= 0 && t < tagCount; t++) scores[window * tagCount + t] += rows[at + tagCount + t];
    });
    return scores;
  };
}

/** A part the model never saw: no feature holds it. */
const UNKNOWN = -1;
/** Where a feature has fewer than three parts. */
const ABSENT = -2;
/** Integers an entry takes while the table is built: template, three parts, feature id. */
const ENTRY = 5;
/**
 * Integers a slot starts with: the two keys (pack), then the feature id; the first key is -1 in an empty slot. Three
 * rather than an entry's five keep the table small enough to stay in the processor's caches better.
 */
const SLOT = 3;
/** Most entries a table holds per slot: linear probing stays short below this. */
const LOAD = 0.7;
/** Bits of FeatureTable's marks: some 12 per entry, so that about one lookup of a missing feature in 12 passes them. */
const MARK_BITS = 2 ** 20;

/**
 * Feature ids by template number and part ids, in an open-addressing hash table of integers. A name is its template
 * (up to the first "=" or "|") and parts joined by "|"; a part may itself hold a "|", so the name goes in under every
 * way of cutting it at one: a lookup by parts finds exactly the names that joining those parts gives. A name of no
 * template in TEMPLATES is left out: no feature visited has it.
 */
export class FeatureTable {
  readonly parts = new Map<string, number>();
  private readonly slots: Int32Array;
  /**
   * The weights of each slot's feature, when the table was given them: `row` Int16 after the slot's keys, in the same
   * memory. A feature found is then scored from the memory its lookup just read: reading its weights from elsewhere
   * cost a second trip to memory, most of what scoring took.
   */
  readonly rows: Int16Array;
  /** Int32 per slot: SLOT, and the weights after them. */
  private readonly stride: number;
  private readonly mask: number;
  /** How many values a packed part takes: the part ids and the two negative markers. */
  private readonly partRange: number;
  /** By template id, the slot of the feature of that template with no parts ("cue", "nocue"), or -1: found without hashing. */
  private readonly constants: Int32Array;
  /**
   * A bit per value of a second hash of the keys (`mark`), set for every entry. Most lookups are of features the model
   * lacks (four in five word pairs), and this answers most of those from 128 KB instead of from the table's 5 MB.
   */
  private readonly marks = new Int32Array(MARK_BITS / 32);

  /** `weights`: `row` of them per feature id, to keep in the slots (`rows`, `rowOf`); `row` must be even. */
  constructor(ids: Map<string, number>, weights?: Int16Array, row = 0) {
    const entries: number[] = [];
    for (const [name, id] of ids) {
      const cut = name.search(/[=|]/);
      const template = templateNumber(cut < 0 ? name : name.slice(0, cut + 1));
      if (template === undefined) continue;
      if (cut < 0) {
        entries.push(template, ABSENT, ABSENT, ABSENT, id);
        continue;
      }
      for (const parts of cuts(name.slice(cut + 1))) {
        if (parts.length > 3) continue; // no feature has more parts
        const a = this.intern(parts[0]);
        const b = parts.length > 1 ? this.intern(parts[1]) : ABSENT;
        entries.push(template, a, b, parts.length > 2 ? this.intern(parts[2]) : ABSENT, id);
      }
    }
    const templateCount = TEMPLATES.length;
    this.partRange = this.parts.size - ABSENT;
    if ((Math.max(templateCount, this.parts.size) - ABSENT) * this.partRange >= 2 ** 31) throw new Error('too many feature parts to pack two in 32 bits');
    let size = 1;
    while (size * LOAD < entries.length / ENTRY) size *= 2;
    this.mask = size - 1;
    this.stride = SLOT + row / 2;
    const memory = new ArrayBuffer(size * this.stride * 4);
    this.slots = new Int32Array(memory).fill(-1);
    this.rows = new Int16Array(memory);
    this.constants = new Int32Array(templateCount).fill(-1);
    for (let e = 0; e < entries.length; e += ENTRY) {
      const first = this.pack(entries[e], entries[e + 1]);
      const second = this.pack(entries[e + 2], entries[e + 3]);
      let slot = this.slot(first, second);
      while (this.slots[slot * this.stride] !== -1) slot = (slot + 1) & this.mask;
      const id = entries[e + 4];
      const at = slot * this.stride;
      this.slots[at] = first;
      this.slots[at + 1] = second;
      this.slots[at + 2] = id;
      if (weights) for (let k = 0, from = id * row, to = this.rowAt(slot); k < row; k++) this.rows[to + k] = weights[from + k];
      const mark = this.mark(first, second);
      this.marks[mark >>> 5] |= 1 << (mark & 31);
      if (entries[e + 1] === ABSENT) this.constants[entries[e]] = slot;
    }
  }

  /** The id of a part, UNKNOWN for a string no feature holds. */
  part = (text: string): number => this.parts.get(text) ?? UNKNOWN;

  /** The feature id, or -1, given its template's number in TEMPLATES. */
  get(template: number, a?: number, b?: number, c?: number): number {
    const slot = this.slotOf(template, a, b, c);
    return slot < 0 ? -1 : this.slots[slot * this.stride + 2];
  }

  /** Where in `rows` the feature's weights start, or -1. */
  rowOf(template: number, a?: number, b?: number, c?: number): number {
    const slot = this.slotOf(template, a, b, c);
    return slot < 0 ? -1 : this.rowAt(slot);
  }

  private rowAt(slot: number): number {
    return (slot * this.stride + SLOT) * 2;
  }

  private slotOf(template: number, a?: number, b?: number, c?: number): number {
    if (a === undefined) return this.constants[template];
    if (a === UNKNOWN || b === UNKNOWN || c === UNKNOWN) return -1;
    return this.find(this.pack(template, a), this.pack(b ?? ABSENT, c ?? ABSENT));
  }

  private find(first: number, second: number): number {
    const mark = this.mark(first, second);
    if ((this.marks[mark >>> 5] & (1 << (mark & 31))) === 0) return -1;
    const { slots, mask, stride } = this;
    for (let slot = this.slot(first, second); slots[slot * stride] !== -1; slot = (slot + 1) & mask) {
      const k = slot * stride;
      if (slots[k] === first && slots[k + 1] === second) return slot;
    }
    return -1;
  }

  /** Two ids in one non-negative integer: a template or part, then a part (ABSENT included). */
  private pack(high: number, low: number): number {
    return (high - ABSENT) * this.partRange + (low - ABSENT);
  }

  private slot(first: number, second: number): number {
    let h = Math.imul(first + 1, 0x9e3779b1) ^ Math.imul(second + 1, 0x85ebca77);
    h = Math.imul(h ^ (h >>> 15), 0xc2b2ae3d);
    h ^= h >>> 13;
    return h & this.mask;
  }

  /** A hash of the keys independent of `slot`'s, below MARK_BITS. */
  private mark(first: number, second: number): number {
    const h = Math.imul(first + 7, 0x27d4eb2d) ^ Math.imul(second + 3, 0x165667b1);
    return (Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 12) & (MARK_BITS - 1);
  }

  private intern(text: string): number {
    let id = this.parts.get(text);
    if (id === undefined) this.parts.set(text, (id = this.parts.size));
    return id;
  }
}

/**
 * Every way of cutting `rest` into parts at its "|" marks. Names with none or one, nearly all, are cut without the
 * general loop and its arrays: the model's load, which cuts every name, runs in each process before V8 has optimized
 * anything.
 */
function cuts(rest: string): string[][] {
  const bar = rest.indexOf('|');
  if (bar < 0) return [[rest]];
  if (rest.indexOf('|', bar + 1) < 0) return [[rest], [rest.slice(0, bar), rest.slice(bar + 1)]];
  const bars: number[] = [];
  for (let k = rest.indexOf('|'); k >= 0; k = rest.indexOf('|', k + 1)) bars.push(k);
  const all: string[][] = [];
  for (let mask = 0; mask < 1 << bars.length; mask++) {
    const parts: string[] = [];
    let from = 0;
    bars.forEach((bar, b) => {
      if (!(mask & (1 << b))) return;
      parts.push(rest.slice(from, bar));
      from = bar + 1;
    });
    parts.push(rest.slice(from));
    all.push(parts);
  }
  return all;
}

/** Emission scores of both passes (token-major, TAG_COUNT per token) and the first pass's tags the second reads. */
export function passScores(model: TaggerModel, paragraph: TaggedParagraph): { first: Float64Array; firstTags: number[]; second: Float64Array } {
  const { features } = model;
  const { rows } = features;
  const length = paragraph.tokens.length;
  const first = new Float64Array(length * tagCount);
  const second = new Float64Array(length * tagCount);
  // Adds a row of both passes' weights to token i's scores. Weights and word scores each get their own function, so
  // that each reads one kind of array (Int16Array, Int32Array) and V8 keeps its element loads monomorphic.
  const addWeights = (i: number, at: number) => {
    const token = i * tagCount;
    for (let t = 0; t < tagCount; t++) first[token + t] += rows[at + t];
    for (let t = 0; t < tagCount; t++) second[token + t] += rows[at + tagCount + t];
  };
  const addWordScores = (i: number, row: Int32Array, at: number) => {
    const token = i * tagCount;
    for (let t = 0; t < tagCount; t++) first[token + t] += row[at + t];
    for (let t = 0; t < tagCount; t++) second[token + t] += row[at + tagCount + t];
  };
  // Each word's kept rows go to the tokens that read it, one word at a time: looking them up from each token, of each
  // of its neighbours in turn, read every word's parts seven times, mostly to find rows that are not kept.
  visitFeatures(paragraph, model.parts, (i, template, a, b, c) => {
    const at = features.rowOf(template, a, b, c);
    if (at >= 0) addWeights(i, at);
  }, (j, parts) => {
    const scores = parts.wordScores!;
    let at = parts.wordScoresAt!;
    for (let o = 0, rows = parts.wordRows!; rows; o++, rows >>= 1) {
      if (!(rows & 1)) continue;
      const i = j - WORD_OFFSETS[o];
      if (i >= 0 && i < length) addWordScores(i, scores, at);
      at += ROW;
    }
  });
  const firstTags = viterbi(first, length, model.transitions[0]);
  const { roleScores } = model;
  visitStackedFeatures(paragraph, firstTags, features.part, (i, template, a, b, c) => {
    const at = features.rowOf(template, a, b, c);
    if (at >= 0) for (let t = 0; t < tagCount; t++) second[i * tagCount + t] += rows[at + tagCount + t];
  }, (i, window) => {
    const scores = roleScores(window);
    for (let t = 0; t < tagCount; t++) second[i * tagCount + t] += scores[window * tagCount + t];
  });
  return { first, firstTags, second };
}

/** The best tags of a paragraph's tokens. */
export function tagParagraph(model: TaggerModel, paragraph: TaggedParagraph): number[] {
  const { second } = passScores(model, paragraph);
  return viterbi(second, paragraph.tokens.length, model.transitions[1]);
}
