// Stage 3: named entities, tagged by an averaged perceptron trained on CoNLL-2003 (model in models/, code in
// server/src/ner, training in tools/src/ner). Callers depend only on EntityRecognizer.
import { loadNerModel } from './ner/bundledModel';
import { forgetFormInfo } from './ner/features';
import { type EntityMemo, EntityTagger } from './ner/tagger';
import type { SentenceTokens } from './text';
import type { EntityMention, Sentence } from './types';

export interface EntityRecognizer {
  /**
   * `memo` holds what this recognizer found in sentences before (one memo serves one recognizer); `tokens` gives the
   * sentences' tokens, shared with the other stages of an analysis.
   */
  recognize(text: string, sentences: readonly Sentence[], memo?: EntityMemo, tokens?: SentenceTokens): EntityMention[];
}

let bundled: EntityRecognizer | undefined;
let bundledTagger: EntityTagger | undefined;

/** The recognizer with the model shipped in models/, loaded on first use (about a tenth of a second). */
export function defaultRecognizer(): EntityRecognizer {
  if (!bundled) {
    const tagger = (bundledTagger = new EntityTagger(loadNerModel()));
    bundled = { recognize: (text, sentences, memo, tokens) => tagger.tag(text, sentences, memo, tokens) };
  }
  return bundled;
}

/**
 * Between analyses: the word forms the tagger remembers for speed are forgotten, and their memory can go. Tags stay
 * the same; the forms are read again when next met.
 */
export function forgetEntityCaches(): void {
  bundledTagger?.forgetForms();
  forgetFormInfo();
}
