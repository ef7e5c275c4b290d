// How worth checking a sentence is: a logistic regression over words, word pairs, number and record signals, trained on the
// ClaimBuster debate sentences (tools/src/trainCheckWorthiness.ts). Scores are probabilities in 0..1.
import modelFile from './checkWorthinessModel.json';
import { SUPERLATIVES } from './lexicons';

export interface CheckWorthinessModelFile {
  bias: number;
  /** Feature name to weight. */
  weights: Record<string, number>;
}

const FEATURE_WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.,%$-]*[\p{L}\p{N}%]|[\p{L}\p{N}$%]/gu;

/** Numbers written out ("one" is left out: "one of them", "no one"). */
const NUMBER_WORDS = new Set(
  `two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen
  nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions
  billion billions trillion trillions dozen dozens`.split(/\s+/),
);

/**
 * A record: a superlative measured against a span of time ("the worst flood in forty years", "the highest since
 * 1983", "the deadliest in history"). On ClaimBuster train 51 of the 55 sentences that state one are check-worthy,
 * where the words alone score many of them low.
 */
const RECORD = new RegExp(
  String.raw`\b(?:${SUPERLATIVES})\b[^.;]{0,80}?\b(?:` +
    [
      String.raw`since (?:\d{4}|the \w+|records began)`,
      String.raw`in (?:at least |more than |nearly |almost |over )?(?:\w+|\d+) (?:years|decades|months|weeks|centuries)`,
      String.raw`in (?:a|the past|the last|over a) (?:decade|century|generation|year)`,
      String.raw`(?:in|on) (?:[\w'’]+ ){0,2}(?:history|record)`,
      String.raw`ever recorded`,
    ].join('|') +
    String.raw`)\b`,
  'i',
);

/** "forty", "sixty-two" (and "twenty-one": its last part may be "one"). */
function isNumberWord(word: string): boolean {
  if (NUMBER_WORDS.has(word)) return true;
  // Most words have no hyphen: splitting every word took more time than looking up its weight.
  if (!word.includes('-')) return false;
  const parts = word.split('-');
  return parts.length === 2 && NUMBER_WORDS.has(parts[0]) && (NUMBER_WORDS.has(parts[1]) || parts[1] === 'one');
}

/** The words the features read, lower-cased, with every number in digits as "<num>" and written out as "<number-word>". */
function featureWords(sentence: string): string[] {
  const words = sentence.toLowerCase().match(FEATURE_WORD) ?? [];
  // In place, and a curly apostrophe replaced only where there is one: most words are kept as matched.
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (/\d/.test(word)) words[i] = '<num>';
    else if (isNumberWord(word)) words[i] = '<number-word>';
    else if (word.includes('’')) words[i] = word.replace(/’/g, "'");
  }
  return words;
}

export function checkWorthinessFeatures(sentence: string): string[] {
  const words = featureWords(sentence);
  const features = new Set(words.map((w) => `w:${w}`));
  for (let i = 1; i < words.length; i++) features.add(`b:${words[i - 1]} ${words[i]}`);
  if (words.includes('<num>')) features.add('has-number');
  if (RECORD.test(sentence)) features.add('record');
  features.add(`len:${Math.min(6, Math.floor(words.length / 5))}`);
  return [...features];
}

export function scoreWith(model: CheckWorthinessModelFile, sentence: string): number {
  return logistic(model.bias, sentence, (feature) => model.weights[feature]);
}

function logistic(bias: number, sentence: string, weightOf: (feature: string) => number | undefined): number {
  let z = bias;
  for (const feature of checkWorthinessFeatures(sentence)) z += weightOf(feature) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

const committed = modelFile as CheckWorthinessModelFile;

/**
 * The committed weights by kind: of a word ("w:"), of a word pair by its first and second word ("b:"), and the others
 * by name, so scoring a sentence looks its words up without building a feature name for each.
 */
const wordWeights = new Map<string, number>();
const pairWeights = new Map<string, Map<string, number>>();
const otherWeights = new Map<string, number>();
for (const [name, weight] of Object.entries(committed.weights)) {
  if (name.startsWith('w:')) {
    wordWeights.set(name.slice(2), weight);
  } else if (name.startsWith('b:')) {
    const [first, second] = name.slice(2).split(' '); // words hold no spaces
    let seconds = pairWeights.get(first);
    if (!seconds) pairWeights.set(first, (seconds = new Map()));
    seconds.set(second, weight);
  } else {
    otherWeights.set(name, weight);
  }
}

/** scoreWith(committed model, sentence), adding the same weights in the same order (checkWorthinessFeatures'). */
export function checkWorthiness(sentence: string): number {
  const words = featureWords(sentence);
  let z = committed.bias;
  // A word or pair the model has no weight for adds nothing: only weighted ones need telling apart from ones seen before.
  const seenWords = new Set<string>();
  for (const word of words) {
    const weight = wordWeights.get(word);
    if (weight === undefined || seenWords.has(word)) continue;
    seenWords.add(word);
    z += weight;
  }
  const seenPairs = new Set<string>();
  for (let i = 1; i < words.length; i++) {
    const weight = pairWeights.get(words[i - 1])?.get(words[i]);
    if (weight === undefined) continue;
    const pair = `${words[i - 1]} ${words[i]}`;
    if (seenPairs.has(pair)) continue;
    seenPairs.add(pair);
    z += weight;
  }
  if (words.includes('<num>')) z += otherWeights.get('has-number') ?? 0;
  if (RECORD.test(sentence)) z += otherWeights.get('record') ?? 0;
  z += otherWeights.get(`len:${Math.min(6, Math.floor(words.length / 5))}`) ?? 0;
  return 1 / (1 + Math.exp(-z));
}
