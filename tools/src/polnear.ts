// Reads the PolNeAR attribution corpus in place: one gold annotation per article (the first annotator's, when several
// annotated it), with its code-point offsets turned into the UTF-16 offsets the analysis uses.
import * as fs from 'node:fs';
import { dataPath } from './dataPaths';
import type { Span } from '../../server/src/types';

export type Role = 'cue' | 'source' | 'content';
export const ROLES: readonly Role[] = ['cue', 'source', 'content'];

export interface GoldAttribution {
  cue: Span[];
  source: Span[];
  content: Span[];
}

export interface GoldArticle {
  doc: string;
  text: string;
  attributions: GoldAttribution[];
}

interface RawSpanGroup {
  spans: [number, number][];
}

interface RawLine {
  compartment: string;
  doc: string;
  text_file: string;
  attributions: { cue: RawSpanGroup[]; source: RawSpanGroup[]; content: RawSpanGroup[] }[];
}

export function loadPolnear(compartment: 'train' | 'dev'): GoldArticle[] {
  const seen = new Set<string>();
  const articles: GoldArticle[] = [];
  for (const line of fs.readFileSync(dataPath('polnear', 'attributions.train-dev.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const raw = JSON.parse(line) as RawLine;
    if (raw.compartment !== compartment || seen.has(raw.doc)) continue;
    seen.add(raw.doc);
    const text = fs.readFileSync(dataPath('polnear', raw.text_file), 'utf8');
    const toUtf16 = codePointToUtf16(text);
    const spans = (groups: RawSpanGroup[]) =>
      groups.flatMap((g) => g.spans.map(([start, end]) => ({ start: toUtf16[start], end: toUtf16[end] })));
    const attributions = raw.attributions.map((a) => ({ cue: spans(a.cue), source: spans(a.source), content: spans(a.content) }));
    articles.push({ doc: raw.doc, text, attributions });
  }
  return articles;
}

/**
 * The fifth of PolNeAR train that `train:attribution -- --hold-out-fifth` leaves out, by the article's index in
 * loadPolnear('train'): a tagger trained without them can be scored there without touching dev.
 */
export function isHeldOutFifth(article: number): boolean {
  return article % 5 === 0;
}

/** Index i holds the UTF-16 offset of code point i (and one past the end). */
export function codePointToUtf16(text: string): number[] {
  const offsets: number[] = [];
  let utf16 = 0;
  for (const char of text) {
    offsets.push(utf16);
    utf16 += char.length;
  }
  offsets.push(utf16);
  return offsets;
}
