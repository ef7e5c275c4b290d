// What re-analysing an edited article reuses of earlier analyses. Each stage remembers what it read of a sentence (or a
// paragraph) by that text, and the rest of the analysis is done anew, so the result is exactly that of a fresh
// analysis: a keystroke re-reads only the sentences it touched. Bounded, so a long editing session cannot grow it.
import type { AttributionMemo } from './attribution';
import type { ClaimMemo } from './claims';
import type { DateMemo } from './dates';
import { Lru } from './lru';
import type { EntityMemo } from './ner/tagger';
import type { SentenceMemo, TokenMemo } from './text';

/**
 * Sentences (and paragraphs) remembered per stage: those of the articles open in an editor, many times over; about
 * 13 MB of heap when full.
 */
const SENTENCES = 4096;
const PARAGRAPHS = 2048;
/** Sentences (and spans) whose tokens are remembered: tokens weigh most, about 2.7 kB a sentence (5 MB when full). */
const TOKENIZED = 2048;

export class AnalysisMemo {
  /** By line: lines are paragraphs. */
  readonly sentences: SentenceMemo = new Lru(PARAGRAPHS);
  /** By sentence: the tokens the tagger, the attribution rules and the claims stage read. */
  readonly tokens: TokenMemo = new Lru(TOKENIZED);
  readonly dates: DateMemo = { candidates: new Lru(SENTENCES), stated: new Lru(SENTENCES) };
  /** Serves one entity recognizer: what it found depends on its model. */
  readonly entities: EntityMemo = new Lru(SENTENCES);
  /** Serves the bundled attribution model. */
  readonly attribution: AttributionMemo = { tagged: new Lru(PARAGRAPHS), rules: new Lru(PARAGRAPHS) };
  readonly claims: ClaimMemo = { asserts: new Lru(SENTENCES), clauses: new Lru(SENTENCES) };
}
