// A sequence tagger for attribution: each token of a paragraph gets a role (cue, source, content or none) in BIO form.
// Two averaged structured perceptrons over local and sentence-level features, decoded with Viterbi; the second also
// reads the first one's tags. Trained on PolNeAR train by tools/src/trainAttribution.ts;
// features in attributionFeatures.ts, the editor's scoring in attributionScorer.ts.
import { mapped } from './arrays';
import { findQuotes, groupByParagraph, type Quote } from './cues';
import { type SpanTokens, firstEndingAfter, tokenize } from './text';
import type { EntityMention, Sentence, Span, Token } from './types';

export const TAGS = ['O', 'B-CUE', 'I-CUE', 'B-SOURCE', 'I-SOURCE', 'B-CONTENT', 'I-CONTENT'] as const;
export type Role = 'cue' | 'source' | 'content';
/**
 * How many tags there are, bound in this module and exported under its name: the compiled CommonJS reads an exported
 * const as a property of `exports` at each use, and the Viterbi loops run faster over a plain binding.
 */
const tagCount = TAGS.length;
export { tagCount as TAG_COUNT };

/** One paragraph as the tagger reads it. */
export interface TaggedParagraph {
  span: Span;
  tokens: Token[];
  /** Index of each token's sentence within the paragraph. */
  sentenceOf: number[];
  quotes: Quote[];
  /** Each token's place in a named entity ("B-PERSON", "I-ORGANIZATION"), or "" outside one: sources are mostly names. */
  entityOf: string[];
}

export function paragraphsOf(text: string, sentences: Sentence[], entities: readonly EntityMention[]): TaggedParagraph[] {
  return mapped(groupByParagraph(sentences), (group) => taggedParagraph(text, group, entities));
}

/** The sentences of one paragraph as the tagger reads them, with the entity tagger's mentions in it. */
export function taggedParagraph(
  text: string, group: Sentence[], entities: readonly EntityMention[], tokensOf: SpanTokens = (span) => tokenize(text, span),
): TaggedParagraph {
  const span = { start: group[0].start, end: group[group.length - 1].end };
  const tokens: Token[] = [];
  const sentenceOf: number[] = [];
  group.forEach((sentence, s) => {
    for (const token of tokensOf(sentence)) {
      tokens.push(token);
      sentenceOf.push(s);
    }
  });
  return { span, tokens, sentenceOf, quotes: findQuotes(text, span), entityOf: entityLabels(tokens, span, entities) };
}

/**
 * Each token's place in the first mention (in the mentions' order) that overlaps it. Each mention marks the tokens it
 * covers, found by bisection: looking every token up among the paragraph's mentions took tokens × mentions.
 */
function entityLabels(tokens: readonly Token[], span: Span, entities: readonly EntityMention[]): string[] {
  const labels: string[] = new Array(tokens.length).fill('');
  for (const entity of entities) {
    if (entity.end <= span.start || span.end <= entity.start) continue;
    for (let i = firstEndingAfter(tokens, entity.start); i < tokens.length && tokens[i].start < entity.end; i++) {
      if (!labels[i]) labels[i] = `${entity.start >= tokens[i].start ? 'B' : 'I'}-${entity.type}`;
    }
  }
  return labels;
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
  /** Stems of the words that often are cues in the training data, separated by spaces. */
  cueStems: string;
  /** The first pass tags from words; the second also reads the first pass's tags (stacking). */
  passes: [PassFile, PassFile];
  /** The features the model was trained on, as tools/src/attributionFingerprint.ts hashes them (the editor ignores it). */
  featureFingerprint: string;
}

/** Emission scores, token-major: scores[i * TAG_COUNT + t]. */
export function emissions<K>(features: K[][], weights: (feature: K) => ArrayLike<number> | undefined): Float64Array {
  const scores = new Float64Array(features.length * tagCount);
  features.forEach((names, i) => {
    for (const name of names) {
      const row = weights(name);
      if (row) for (let t = 0; t < tagCount; t++) scores[i * tagCount + t] += row[t];
    }
  });
  return scores;
}

/** BIO rules: an I- tag continues its own role only. */
export function allowed(previous: number, tag: number): boolean {
  return ALLOWED[(previous + 1) * tagCount + tag] === 1;
}

/** allowed(previous, tag) at [(previous + 1) * TAG_COUNT + tag]; row 0 is the start of a paragraph. */
const ALLOWED = Uint8Array.from({ length: (tagCount + 1) * tagCount }, (_, k) => {
  const previous = Math.floor(k / tagCount) - 1;
  const name = TAGS[k % tagCount];
  return !name.startsWith('I-') || (previous >= 0 && TAGS[previous].slice(2) === name.slice(2)) ? 1 : 0;
});

/** The tags that may precede each tag, in order (every tag has one: O may precede any B- tag and O). */
const PREDECESSORS = TAGS.map((_, t) => TAGS.map((_, p) => p).filter((p) => allowed(p, t)));
/**
 * Whether any tag may precede the tag (O, B-): viterbi then reads every tag before it in order, without the list,
 * which took half its time.
 */
const FOLLOWS_ANY = Uint8Array.from(PREDECESSORS, (list) => (list.length === tagCount ? 1 : 0));
/** PREDECESSORS flat: those of tag t at FROM[t] up to FROM[t + 1]. */
const PREDECESSOR_LIST = Int8Array.from(PREDECESSORS.flat());
const FROM = Int32Array.from([0, ...PREDECESSORS.map((_, t) => PREDECESSORS.slice(0, t + 1).flat().length)]);

/** Back pointers of paragraphs up to this many tokens go in one array kept for them: most are much shorter. */
const KEPT_BACK_TOKENS = 4096;
const keptBack = new Int8Array(KEPT_BACK_TOKENS * tagCount);

/**
 * The best tag sequence under emission and transition scores. Only the scores of the token before are needed while
 * going forward, so two rows of them are kept rather than a row per token.
 */
export function viterbi(scores: Float64Array, length: number, transitions: ArrayLike<number>): number[] {
  if (length === 0) return [];
  let before = new Float64Array(tagCount);
  let best = new Float64Array(tagCount);
  const back = length <= KEPT_BACK_TOKENS ? keptBack : new Int8Array(length * tagCount);
  for (let t = 0; t < tagCount; t++) best[t] = allowed(-1, t) ? scores[t] + transitions[t] : -Infinity;
  for (let i = 1; i < length; i++) {
    const kept = before;
    before = best;
    best = kept;
    for (let t = 0; t < tagCount; t++) {
      let arg: number;
      let top: number;
      if (FOLLOWS_ANY[t]) {
        arg = 0;
        top = before[0] + transitions[tagCount + t];
        for (let p = 1; p < tagCount; p++) {
          const s = before[p] + transitions[(p + 1) * tagCount + t];
          if (s > top) { top = s; arg = p; }
        }
      } else {
        arg = PREDECESSOR_LIST[FROM[t]];
        top = before[arg] + transitions[(arg + 1) * tagCount + t];
        for (let k = FROM[t] + 1; k < FROM[t + 1]; k++) {
          const p = PREDECESSOR_LIST[k];
          const s = before[p] + transitions[(p + 1) * tagCount + t];
          if (s > top) { top = s; arg = p; }
        }
      }
      best[t] = top + scores[i * tagCount + t];
      back[i * tagCount + t] = arg;
    }
  }
  let tag = 0;
  for (let t = 1; t < tagCount; t++) if (best[t] > best[tag]) tag = t;
  const path: number[] = new Array(length);
  path[length - 1] = tag;
  for (let i = length - 1; i > 0; i--) path[i - 1] = tag = back[i * tagCount + tag];
  return path;
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
