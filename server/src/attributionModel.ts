// The committed attribution tagger (trained on PolNeAR train by tools/src/trainAttribution.ts), read and decoded once
// on first use. A file beside the code, not part of the bundle: as a literal in it, its 2.9 MB were parsed as code at
// every start of the server, of each analysis worker and of the command line, and the package carried it twice.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type TaggerModel, loadModel } from './attributionScorer';
import type { TaggerModelFile } from './attributionTagger';
import { shippedFile } from './shippedFile';

const MODEL_NAME = path.join('models', 'attribution.model.json');

/** The model shipped beside the running code, if present: the analysis cache's version covers it. */
export const ATTRIBUTION_MODEL_FILE = shippedFile(MODEL_NAME);

let model: TaggerModel | null | undefined;

/**
 * The model, or null when it cannot be read (a damaged install): attribution then comes from the rules alone, said
 * once on stderr, which the editor's output channel and the command line show.
 */
export function attributionModel(): TaggerModel | null {
  if (model !== undefined) return model;
  try {
    model = loadModel(readModelFile());
  } catch (error) {
    model = null;
    console.error(`News Annotator: attribution from the rules only: ${(error as Error).message}`);
  }
  return model;
}

function readModelFile(): TaggerModelFile {
  if (!ATTRIBUTION_MODEL_FILE) throw new Error(`attribution model ${MODEL_NAME} not found beside ${__dirname}; run npm run train:attribution`);
  try {
    return JSON.parse(fs.readFileSync(ATTRIBUTION_MODEL_FILE, 'utf8')) as TaggerModelFile;
  } catch (error) {
    throw new Error(`cannot load attribution model ${ATTRIBUTION_MODEL_FILE}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Between analyses: the rare token texts the tagger remembers for speed are forgotten, and their memory can go. Those
 * of words the model knows stay (attributionScorer's partIds): their number is bounded by the model.
 */
export function forgetAttributionCaches(): void {
  model?.parts.forget();
}
