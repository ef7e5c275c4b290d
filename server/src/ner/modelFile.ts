// The committed model file: a JSON header line, then feature names and cluster words as text, then the weights
// as 16-bit integers, all gzipped by the writer. Text for names keeps it diffable in size and simple to parse fast.
import { FeatureIndex } from './featureIndex';
import type { WordClusters } from './features';
import type { NerModel, SparseWeights } from './model';

const FORMAT = 'news-annotator-ner';
const VERSION = 1;

interface Header {
  format: string;
  version: number;
  tags: string[];
  granularities: number[];
  featureCount: number;
  clusterWordCount: number;
  /** Weight = stored integer × scale. */
  scale: number;
  /** Byte lengths of the sections after the header line, in order. */
  sections: { features: number; clusterWords: number; weights: number; transitions: number; clusterIds: number };
  /** What the model was trained on, for the record. */
  trainedOn: string;
}

export class ModelFormatError extends Error {}

export function parseNerModel(bytes: Uint8Array): NerModel {
  const newline = bytes.indexOf(10);
  if (newline < 0) throw new ModelFormatError('not a News Annotator entity model: no header line');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(0, newline))) as Header;
  } catch {
    throw new ModelFormatError('not a News Annotator entity model: unreadable header');
  }
  if (header.format !== FORMAT || header.version !== VERSION) {
    throw new ModelFormatError(`unsupported entity model: ${header.format} version ${header.version}`);
  }
  const { sections } = header;
  let at = newline + 1;
  const take = (length: number): Uint8Array => {
    if (at + length > bytes.length) throw new ModelFormatError('entity model file is truncated');
    const part = bytes.subarray(at, at + length);
    at += length;
    return part;
  };
  const decoder = new TextDecoder();
  const featureNames = decoder.decode(take(sections.features)).split('\n');
  const clusterWords = header.clusterWordCount ? decoder.decode(take(sections.clusterWords)).split('\n') : [];
  // Copies (not views: Buffer#slice shares memory) align the typed arrays whatever the section offsets are.
  const copy = (part: Uint8Array): ArrayBuffer => new Uint8Array(part).buffer;
  const weights16 = new Int16Array(copy(take(sections.weights)));
  const transitions = new Float32Array(copy(take(sections.transitions)));
  const clusterIds = new Uint16Array(copy(take(sections.clusterIds)));
  if (featureNames.length !== header.featureCount || weights16.length !== header.featureCount * header.tags.length) {
    throw new ModelFormatError('entity model file is inconsistent: feature and weight counts differ');
  }
  const features = new FeatureIndex(featureNames);
  const weights = sparseRows(weights16, header.tags.length, header.scale);
  return { tags: header.tags, features, weights, transitions, clusters: clusterTable(header.granularities, clusterWords, clusterIds) };
}

function sparseRows(dense: Int16Array, tagCount: number, scale: number): SparseWeights {
  const rows = dense.length / tagCount;
  const rowStart = new Int32Array(rows + 1);
  // Room for every weight, cut to the non-zero ones after: one pass over the weights rather than a count first.
  const tag = new Uint8Array(dense.length);
  const value = new Float32Array(dense.length);
  let at = 0;
  for (let f = 0; f < rows; f++) {
    rowStart[f] = at;
    for (let t = 0; t < tagCount; t++) {
      const w = dense[f * tagCount + t];
      if (w === 0) continue;
      tag[at] = t;
      value[at++] = w * scale;
    }
  }
  rowStart[rows] = at;
  return { rowStart, tag: tag.slice(0, at), value: value.slice(0, at) };
}

function clusterTable(granularities: number[], words: string[], ids: Uint16Array): WordClusters | null {
  if (!words.length) return null;
  const g = granularities.length;
  const table = new Map<string, readonly number[]>();
  // Plain loops: a view and Array.from per word made loading the model a third slower.
  for (let i = 0; i < words.length; i++) {
    const row: number[] = [];
    for (let k = 0; k < g; k++) row.push(ids[i * g + k]);
    table.set(words[i], row);
  }
  return { granularities, lookup: (form) => table.get(form) };
}

export interface ModelToWrite {
  tags: readonly string[];
  featureNames: readonly string[];
  weights: Float32Array;
  transitions: Float32Array;
  granularities: readonly number[];
  clusterWords: readonly string[];
  /** clusterWords.length × granularities.length */
  clusterIds: Uint16Array;
  trainedOn: string;
}

/** The uncompressed file bytes; the caller gzips them. */
export function serializeNerModel(model: ModelToWrite): Uint8Array {
  if (model.featureNames.some((f) => f.includes('\n'))) throw new Error('feature names must not contain newlines');
  let maxAbs = 0;
  for (const w of model.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs / 32767 || 1;
  const weights16 = Int16Array.from(model.weights, (w) => Math.round(w / scale));
  const encoder = new TextEncoder();
  const features = encoder.encode(model.featureNames.join('\n'));
  const clusterWords = encoder.encode(model.clusterWords.join('\n'));
  const bytesOf = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const body = [features, clusterWords, bytesOf(weights16), bytesOf(model.transitions), bytesOf(model.clusterIds)];
  const header: Header = {
    format: FORMAT,
    version: VERSION,
    tags: [...model.tags],
    granularities: [...model.granularities],
    featureCount: model.featureNames.length,
    clusterWordCount: model.clusterWords.length,
    scale,
    sections: {
      features: features.length,
      clusterWords: clusterWords.length,
      weights: body[2].length,
      transitions: body[3].length,
      clusterIds: body[4].length,
    },
    trainedOn: model.trainedOn,
  };
  const parts = [encoder.encode(`${JSON.stringify(header)}\n`), ...body];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
