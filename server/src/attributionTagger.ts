// A sequence tagger for attribution: each token of a paragraph gets a role (cue, source, content or none) in BIO form.
// Two averaged structured perceptrons over local and sentence-level features, decoded with Viterbi; the second also
// reads the first one's tags. Trained on PolNeAR train by tools/src/trainAttribution.ts. Feature extraction lives here so training and the editor see the same input.
import { findQuotes, groupByParagraph, type Quote } from './cues';
import { tokenize } from './text';
import type { Sentence, Span, Token } from './types';

export const TAGS = ['O', 'B-CUE', 'I-CUE', 'B-SOURCE', 'I-SOURCE', 'B-CONTENT', 'I-CONTENT'] as const;
export type Role = 'cue' | 'source' | 'content';
export const TAG_COUNT = TAGS.length;

/** One paragraph as the tagger reads it. */
export interface TaggedParagraph {
  span: Span;
  tokens: Token[];
  /** Index of each token's sentence within the paragraph. */
  sentenceOf: number[];
  quotes: Quote[];
}

export function paragraphsOf(text: string, sentences: Sentence[]): TaggedParagraph[] {
  return groupByParagraph(sentences).map((group) => {
    const span = { start: group[0].start, end: group[group.length - 1].end };
    const tokens: Token[] = [];
    const sentenceOf: number[] = [];
    group.forEach((sentence, s) => {
      for (const token of tokenize(text, sentence)) {
        tokens.push(token);
        sentenceOf.push(s);
      }
    });
    return { span, tokens, sentenceOf, quotes: findQuotes(text, span) };
  });
}

const QUOTE_MARK = /^["“”'‘’]$/;

function shape(word: string): string {
  if (/^\p{Lu}+$/u.test(word)) return word.length > 1 ? 'XX' : 'X';
  if (/^\p{Lu}/u.test(word)) return 'Xx';
  if (/^\p{Ll}/u.test(word)) return 'x';
  if (/^\p{N}/u.test(word)) return 'd';
  return word;
}

/** A crude stem, so "criticized", "criticizes" and "criticizing" share weights. */
function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s|ly)$/, (suffix, at: number) => (at >= 3 ? '' : suffix));
}

function bucket(distance: number): string {
  return distance <= 3 ? String(distance) : distance <= 6 ? '4-6' : distance <= 10 ? '7-10' : distance <= 20 ? '11-20' : '21+';
}

/**
 * Feature strings of every token. `cueWords` are the words that often are cues in the training data; the nearest one
 * on either side in the sentence, and next to a quotation, tells a token far from any cue that it is content.
 */
export function paragraphFeatures(paragraph: TaggedParagraph, cueWords: ReadonlySet<string>): string[][] {
  const { tokens, sentenceOf, quotes } = paragraph;
  const words = tokens.map((t) => t.text.toLowerCase());
  const inQuote = tokens.map((t) => quotes.some((q) => q.open < t.start && t.start < q.close));
  const isCue = words.map((w, i) => cueWords.has(w) && !inQuote[i]);
  const at = (i: number) => (i < 0 ? '<s>' : i >= words.length ? '</s>' : words[i]);
  // Nearest cue word to the left and right within the sentence.
  const left: number[] = [];
  const right: number[] = new Array(words.length).fill(-1);
  let last = -1;
  for (let i = 0; i < words.length; i++) {
    if (i > 0 && sentenceOf[i] !== sentenceOf[i - 1]) last = -1;
    left.push(last);
    if (isCue[i]) last = i;
  }
  last = -1;
  for (let i = words.length - 1; i >= 0; i--) {
    if (i < words.length - 1 && sentenceOf[i] !== sentenceOf[i + 1]) last = -1;
    right[i] = last;
    if (isCue[i]) last = i;
  }
  const sentenceHasCue = new Set(sentenceOf.filter((_, i) => isCue[i]));
  const paragraphHasCue = sentenceHasCue.size > 0;
  const quoteAround = (offset: number) => quotes.find((q) => q.open < offset && offset < q.close);
  const cueNear = (from: number, to: number) => {
    for (let k = Math.max(0, from); k <= Math.min(words.length - 1, to); k++) if (isCue[k]) return words[k];
    return null;
  };
  // Index of the first token at or after an offset (-1 when none): a binary search, as tokens are in order.
  const tokenIndexAt = (offset: number) => {
    let low = 0;
    let high = tokens.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (tokens[middle].start >= offset) high = middle;
      else low = middle + 1;
    }
    return low < tokens.length ? low : -1;
  };

  return tokens.map((token, i) => {
    const w = words[i];
    const f = [
      'b', `w=${w}`, `p1=${at(i - 1)}`, `n1=${at(i + 1)}`, `p2=${at(i - 2)}`, `n2=${at(i + 2)}`,
      `p1w=${at(i - 1)}|${w}`, `wn1=${w}|${at(i + 1)}`, `sh=${shape(token.text)}`, `s3=${w.slice(-3)}`,
      `shp=${i > 0 ? shape(tokens[i - 1].text) : '<s>'}|${shape(token.text)}`, `pre4=${w.slice(0, 4)}`,
      `p1n1=${at(i - 1)}|${at(i + 1)}`, `n1n2=${at(i + 1)}|${at(i + 2)}`, `p2p1=${at(i - 2)}|${at(i - 1)}`,
      `p3=${at(i - 3)}`, `n3=${at(i + 3)}`, `s2=${w.slice(-2)}`, `st=${stem(w)}`, `st1=${stem(at(i - 1))}|${stem(w)}`,
    ];
    if (isCue[i - 1]) f.push(`pcue|${w}`);
    if (isCue[i + 1]) f.push(`ncue|${w}`, `ncue|${shape(token.text)}`);
    if (inQuote[i]) f.push('q');
    if (QUOTE_MARK.test(token.text)) f.push(quotes.some((q) => q.open === token.start) ? 'qo' : quotes.some((q) => q.close === token.start) ? 'qc' : 'qm');
    if (i === 0 || sentenceOf[i] !== sentenceOf[i - 1]) f.push('ss');
    if (i === words.length - 1 || sentenceOf[i] !== sentenceOf[i + 1]) f.push('se');
    if (i === 0) f.push('ps');
    if (isCue[i]) f.push('cue');
    if (!sentenceHasCue.has(sentenceOf[i])) f.push(paragraphHasCue ? 'nocue' : 'nocue-paragraph');
    if (left[i] >= 0) {
      const d = bucket(i - left[i]);
      f.push(`cl=${words[left[i]]}`, `cld=${d}`, `cl=${words[left[i]]}|${d}`, `cls=${stem(words[left[i]])}|${shape(token.text)}`);
      if (words.slice(left[i] + 1, i).includes('that')) f.push('cl-that');
      if (words.slice(left[i] + 1, i).includes(',')) f.push('cl-comma');
    }
    if (right[i] >= 0) {
      const d = bucket(right[i] - i);
      f.push(`cr=${words[right[i]]}`, `crd=${d}`, `cr=${words[right[i]]}|${d}`, `crs=${stem(words[right[i]])}|${shape(token.text)}`);
      if (words.slice(i + 1, right[i]).includes(',')) f.push('cr-comma');
    }
    if (left[i] >= 0 && right[i] >= 0) f.push('cue-both');
    const quote = quoteAround(token.start) ?? (QUOTE_MARK.test(token.text) ? quotes.find((q) => q.open === token.start || q.close === token.start) : undefined);
    if (quote) {
      const close = tokenIndexAt(quote.close);
      const open = tokenIndexAt(quote.open + 1) - 1;
      const after = close >= 0 ? cueNear(close + 1, close + 4) : null;
      const before = cueNear(open - 6, open - 1);
      if (after) f.push(`qcr=${after}`);
      if (before) f.push(`qcl=${before}`);
      if (!after && !before) f.push('q-nocue');
    }
    return f;
  });
}

/**
 * Features of the second pass: the first pass's roles around the token, and where the first pass put cues, sources
 * and contents in the sentence. This lets a token far from any cue word learn from the cue the first pass found.
 */
export function stackedFeatures(paragraph: TaggedParagraph, first: number[]): string[][] {
  const { sentenceOf, tokens } = paragraph;
  const role = (i: number) => (i < 0 || i >= first.length ? '-' : TAGS[first[i]]);
  const isRole = (i: number, name: string) => i >= 0 && i < first.length && TAGS[first[i]].endsWith(name);
  const sources = roleAround(first, sentenceOf, 'SOURCE');
  const contents = roleAround(first, sentenceOf, 'CONTENT');
  const nearest = (i: number, step: number) => {
    for (let k = i + step; k >= 0 && k < first.length && sentenceOf[k] === sentenceOf[i]; k += step) if (isRole(k, 'CUE')) return k;
    return -1;
  };
  const commaBetween = (a: number, b: number) => tokens.slice(Math.min(a, b) + 1, Math.max(a, b)).some((t) => t.text === ',');
  const paragraphHasCue = first.some((_, k) => isRole(k, 'CUE'));
  return first.map((_, i) => {
    const f = [
      `t1=${role(i)}`, `t1p=${role(i - 1)}|${role(i)}`, `t1n=${role(i)}|${role(i + 1)}`, `t1pn=${role(i - 1)}|${role(i)}|${role(i + 1)}`,
      `t1p2=${role(i - 2)}`, `t1n2=${role(i + 2)}`,
    ];
    const left = nearest(i, -1);
    const right = nearest(i, 1);
    if (left >= 0) {
      f.push(`pcl=${bucket(i - left)}`, `pcl=${bucket(i - left)}|${role(i)}`, `pclw=${tokens[left].text.toLowerCase()}`);
      if (commaBetween(left, i)) f.push('pcl-comma');
    }
    if (right >= 0) {
      f.push(`pcr=${bucket(right - i)}`, `pcr=${bucket(right - i)}|${role(i)}`, `pcrw=${tokens[right].text.toLowerCase()}`);
      if (commaBetween(i, right)) f.push('pcr-comma');
    }
    if (left < 0 && right < 0) f.push(paragraphHasCue ? 'pnocue' : 'pnocue-paragraph');
    if (sources.before[i]) f.push('psrc-left');
    if (sources.after[i]) f.push('psrc-right');
    if (contents.before[i]) f.push('pcon-left');
    if (contents.after[i]) f.push('pcon-right');
    return f;
  });
}

/** For each token, whether another token of its sentence before (after) it has the role: one sweep each way. */
function roleAround(first: number[], sentenceOf: number[], name: string): { before: boolean[]; after: boolean[] } {
  const has = (i: number) => TAGS[first[i]].endsWith(name);
  const before: boolean[] = new Array(first.length).fill(false);
  const after: boolean[] = new Array(first.length).fill(false);
  for (let i = 1; i < first.length; i++) if (sentenceOf[i] === sentenceOf[i - 1]) before[i] = before[i - 1] || has(i - 1);
  for (let i = first.length - 2; i >= 0; i--) if (sentenceOf[i] === sentenceOf[i + 1]) after[i] = after[i + 1] || has(i + 1);
  return { before, after };
}

/** One pass of a trained model, as committed: feature names and weights (scaled to integers) per tag. */
export interface PassFile {
  /** Feature names separated by newlines. */
  features: string;
  /** Base64 of little-endian Int16 weights, feature-major, TAG_COUNT per feature. */
  weights: string;
  /** (TAG_COUNT + 1) × TAG_COUNT transition weights; row 0 is the start of a paragraph. */
  transitions: number[];
  scale: number;
}

export interface TaggerModelFile {
  tags: string[];
  cueWords: string;
  /** The first pass tags from words; the second also reads the first pass's tags (stacking). */
  passes: [PassFile, PassFile];
}

export interface Pass {
  weights: Map<string, Float64Array>;
  transitions: Float64Array;
}

export interface TaggerModel {
  cueWords: ReadonlySet<string>;
  passes: [Pass, Pass];
}

export function loadModel(file: TaggerModelFile): TaggerModel {
  return { cueWords: new Set(file.cueWords.split(' ')), passes: [loadPass(file.passes[0]), loadPass(file.passes[1])] };
}

function loadPass(file: PassFile): Pass {
  const names = file.features.split('\n');
  const bytes = Buffer.from(file.weights, 'base64');
  const values = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
  const weights = new Map<string, Float64Array>();
  names.forEach((name, n) => {
    const row = new Float64Array(TAG_COUNT);
    for (let t = 0; t < TAG_COUNT; t++) row[t] = values[n * TAG_COUNT + t] / file.scale;
    weights.set(name, row);
  });
  return { weights, transitions: Float64Array.from(file.transitions, (v) => v / file.scale) };
}

/** Emission scores, token-major: scores[i * TAG_COUNT + t]. */
export function emissions<K>(features: K[][], weights: (feature: K) => ArrayLike<number> | undefined): Float64Array {
  const scores = new Float64Array(features.length * TAG_COUNT);
  features.forEach((names, i) => {
    for (const name of names) {
      const row = weights(name);
      if (row) for (let t = 0; t < TAG_COUNT; t++) scores[i * TAG_COUNT + t] += row[t];
    }
  });
  return scores;
}

/** BIO rules: an I- tag continues its own role only. */
export function allowed(previous: number, tag: number): boolean {
  const name = TAGS[tag];
  if (!name.startsWith('I-')) return true;
  return previous >= 0 && TAGS[previous].slice(2) === name.slice(2);
}

/** The best tag sequence under emission and transition scores. */
export function viterbi(scores: Float64Array, length: number, transitions: ArrayLike<number>): number[] {
  if (length === 0) return [];
  const best = new Float64Array(length * TAG_COUNT).fill(-Infinity);
  const back = new Int8Array(length * TAG_COUNT);
  for (let t = 0; t < TAG_COUNT; t++) if (allowed(-1, t)) best[t] = scores[t] + transitions[t];
  for (let i = 1; i < length; i++) {
    for (let t = 0; t < TAG_COUNT; t++) {
      let top = -Infinity;
      let arg = 0;
      for (let p = 0; p < TAG_COUNT; p++) {
        if (!allowed(p, t)) continue;
        const s = best[(i - 1) * TAG_COUNT + p] + transitions[(p + 1) * TAG_COUNT + t];
        if (s > top) { top = s; arg = p; }
      }
      best[i * TAG_COUNT + t] = top + scores[i * TAG_COUNT + t];
      back[i * TAG_COUNT + t] = arg;
    }
  }
  let tag = 0;
  for (let t = 1; t < TAG_COUNT; t++) if (best[(length - 1) * TAG_COUNT + t] > best[(length - 1) * TAG_COUNT + tag]) tag = t;
  const path = [tag];
  for (let i = length - 1; i > 0; i--) path.push((tag = back[i * TAG_COUNT + tag]));
  return path.reverse();
}

/** Spans of one role, token index ranges first..last inclusive, from a tag sequence. */
export function roleSpans(tags: number[]): { role: Role; first: number; last: number }[] {
  const spans: { role: Role; first: number; last: number }[] = [];
  tags.forEach((tag, i) => {
    const name = TAGS[tag];
    if (name === 'O') return;
    const role = name.slice(2).toLowerCase() as Role;
    const open = spans[spans.length - 1];
    if (name.startsWith('I-') && open && open.role === role && open.last === i - 1) open.last = i;
    else spans.push({ role, first: i, last: i });
  });
  return spans;
}

// A paragraph's tags depend on that paragraph alone, so re-analysing an article after a keystroke re-tags only the
// paragraph that changed: tags are remembered by the paragraph's content, per model, most recently used first.
const REMEMBERED_PARAGRAPHS = 4096;
const rememberedTags = new WeakMap<TaggerModel, Map<string, number[]>>();

/** What the features read of a paragraph, independent of where it sits in the article. */
function paragraphKey({ span, tokens, sentenceOf, quotes }: TaggedParagraph): string {
  return JSON.stringify([tokens.map((t) => [t.start - span.start, t.text]), sentenceOf, quotes.map((q) => [q.open - span.start, q.close - span.start])]);
}

/** Forgets the remembered tags, so that a measurement of the tagger's speed measures tagging. */
export function forgetRememberedTags(model: TaggerModel): void {
  rememberedTags.delete(model);
}

export function tagParagraph(model: TaggerModel, paragraph: TaggedParagraph): number[] {
  let remembered = rememberedTags.get(model);
  if (!remembered) rememberedTags.set(model, (remembered = new Map()));
  const key = paragraphKey(paragraph);
  const known = remembered.get(key);
  if (known) {
    remembered.delete(key); // re-inserted below: most recently used
    remembered.set(key, known);
    return [...known];
  }
  const tags = computeTags(model, paragraph);
  remembered.set(key, tags);
  if (remembered.size > REMEMBERED_PARAGRAPHS) remembered.delete(remembered.keys().next().value!);
  return [...tags];
}

function computeTags(model: TaggerModel, paragraph: TaggedParagraph): number[] {
  const features = paragraphFeatures(paragraph, model.cueWords);
  const first = runPass(model.passes[0], features);
  const stacked = stackedFeatures(paragraph, first);
  return runPass(model.passes[1], features.map((names, i) => [...names, ...stacked[i]]));
}

function runPass(pass: Pass, features: string[][]): number[] {
  return viterbi(emissions(features, (name) => pass.weights.get(name)), features.length, pass.transitions);
}

