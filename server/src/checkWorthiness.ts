// How worth checking a sentence is: a logistic regression over words, word pairs and a number signal, trained on the
// ClaimBuster debate sentences (tools/src/trainCheckWorthiness.ts). Scores are probabilities in 0..1.
import modelFile from './checkWorthinessModel.json';

export interface CheckWorthinessModelFile {
  bias: number;
  /** Feature name to weight. */
  weights: Record<string, number>;
}

export function checkWorthinessFeatures(sentence: string): string[] {
  const words = (sentence.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’.,%$-]*[\p{L}\p{N}%]|[\p{L}\p{N}$%]/gu) ?? [])
    .map((w) => (/\d/.test(w) ? '<num>' : w.replace(/’/g, "'")));
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
// The parsed JSON object holds thousands of names, which makes its lookups slow; a Map finds the same weights faster.
const committedWeights = new Map(Object.entries(committed.weights));

export function checkWorthiness(sentence: string): number {
  return logistic(committed.bias, sentence, (feature) => committedWeights.get(feature));
}
