// The committed attribution tagger (trained on PolNeAR train by tools/src/trainAttribution.ts), decoded once on first use.
import { type TaggerModel, loadModel } from './attributionScorer';
import type { TaggerModelFile } from './attributionTagger';
import modelFile from './attributionModel.json';

let model: TaggerModel | null = null;

export function attributionModel(): TaggerModel {
  model ??= loadModel(modelFile as unknown as TaggerModelFile); // a generated file: its inferred type follows its content
  return model;
}

/** Between analyses: the token texts the tagger remembers for speed are forgotten, and their memory can go. */
export function forgetAttributionCaches(): void {
  model?.parts.forget();
}
