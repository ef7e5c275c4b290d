// Training-data augmentation for modern news: CoNLL's headlines are all caps, but today's are often Title Case,
// where a capital says nothing about a name. Copies of some sentences in Title Case teach the model that.
import type { ConllDocument } from './conll';

const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as']);

export function titleCase(tokens: readonly string[]): string[] {
  return tokens.map((t, i) =>
    /^\p{Ll}/u.test(t) && (i === 0 || !MINOR_WORDS.has(t)) ? t.charAt(0).toUpperCase() + t.slice(1) : t,
  );
}

/** Adds a Title Case copy of every `every`-th sentence of four or more tokens to its document. */
export function withTitleCaseCopies(documents: readonly ConllDocument[], every: number): ConllDocument[] {
  let seen = 0;
  return documents.map((document) => [
    ...document,
    ...document.filter((s) => s.tokens.length >= 4 && seen++ % every === 0).map((s) => ({ ...s, tokens: titleCase(s.tokens) })),
  ]);
}
