// The committed attribution tagger (trained on PolNeAR train by tools/src/trainAttribution.ts), decoded once on first use.
// Its features read the word clusters of the bundled entity model, so the two models ship together.
import { type TaggerModel, loadModel } from './attributionScorer';
import type { TaggerModelFile } from './attributionTagger';
import modelFile from './attributionModel.json';
import { bundledNerModel } from './ner/bundledModel';

let model: TaggerModel | null = null;

export function attributionModel(): TaggerModel {
  // A generated file: its inferred type follows its content.
  model ??= loadModel(modelFile as unknown as TaggerModelFile, bundledNerModel().clusters);
  return model;
}
