// The entity model shipped with the extension, found beside the running code (dist/ in the package, out/ in tests).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { shippedFile } from '../shippedFile';
import type { NerModel } from './model';
import { parseNerModel } from './modelFile';

const MODEL_NAME = path.join('models', 'ner.model.gz');

/** The model shipped beside the running code, if present. */
export const BUNDLED_MODEL_FILE = shippedFile(MODEL_NAME);

/** The model at `file`, or the bundled one; throws with a message naming the file when it cannot be read. */
export function loadNerModel(file: string | undefined = BUNDLED_MODEL_FILE): NerModel {
  if (!file) throw new Error(`entity model ${MODEL_NAME} not found beside ${__dirname}; run npm run train:ner`);
  try {
    return parseNerModel(zlib.gunzipSync(fs.readFileSync(file)));
  } catch (error) {
    throw new Error(`cannot load entity model ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
