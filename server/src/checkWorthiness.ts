// How worth checking a sentence is: a logistic regression over words, word pairs and a number signal, trained on the
// ClaimBuster debate sentences (tools/src/trainCheckWorthiness.ts). Scores are probabilities in 0..1.
import modelFile from './checkWorthinessModel.json';

export interface CheckWorthinessModelFile {
  bias: number;
  /** Feature name to weight. */
  weights: Record<string, number>;
}

const FEATURE_WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.,%$-]*[\p{L}\p{N}%]|[\p{L}\p{N}$%]/gu;

/** The words the features read, lower-cased, with every number as "<num>". */
function featureWords(sentence: string): string[] {
  const words = sentence.toLowerCase().match(FEATURE_WORD) ?? [];
  // In place, and a curly apostrophe replaced only where there is one: most words are kept as matched.
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (/\d/.test(word)) words[i] = '<num>';
    else if (word.includes('’')) words[i] = word.replace(/’/g, "'");
  }
  return words;
}

export function checkWorthinessFeatures(sentence: string): string[] {
  const words = featureWords(sentence);
  const features = new Set(words.map((w) => `w:${w}`));
  for (let i = 1; i < words.length; i++) features.add(`b:${words[i - 1]} ${words[i]}`);
  if (words.includes('<num>')) features.add('has-number');
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
  z += otherWeights.get(`len:${Math.min(6, Math.floor(words.length / 5))}`) ?? 0;
  return 1 / (1 + Math.exp(-z));
}
