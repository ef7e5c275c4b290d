// Long runs of white space cut short, for patterns that would take time quadratic in a run's length.
//
// A pattern with two unbounded white-space runs in a row (chrono-node's "March\s*,?\s*(\d+)", and lookaheads such as
// "(?!\s*,?\s*\d)") splits a run every way before it fails at a word before the run: n² steps for a run of n ("March"
// and 20,000 spaces took 0.8 s in chrono-node alone). The date patterns count no more than a few white-space
// characters (chrono-node's bounded runs are \s{0,5}), so a run cut to RUN_LIMIT characters reads as the whole run.

/** Longer than any run a pattern counts, and than any run in the corpus (37 characters in 12,873 articles). */
export const RUN_LIMIT = 64;
const LONG_RUN = new RegExp(`\\s{${RUN_LIMIT + 1},}`, 'g');

export interface ShortRuns {
  /** The text with each white-space run longer than RUN_LIMIT cut to its first RUN_LIMIT characters. */
  text: string;
  /**
   * The offset in the original text of an offset in the shortened one. The end of a cut run is the end of the whole
   * run: a span ending there took all of it, one starting there follows it.
   */
  original(offset: number): number;
}

const unchanged = (offset: number): number => offset;

export function shortenRuns(text: string): ShortRuns {
  // Each cut: where it lies in the shortened text, and how many characters were dropped up to and including it.
  const cuts: { at: number; dropped: number }[] = [];
  let shortened = '';
  let last = 0;
  let dropped = 0;
  LONG_RUN.lastIndex = 0;
  for (let run = LONG_RUN.exec(text); run; run = LONG_RUN.exec(text)) {
    shortened += text.slice(last, run.index + RUN_LIMIT);
    dropped += run[0].length - RUN_LIMIT;
    cuts.push({ at: shortened.length, dropped });
    last = run.index + run[0].length;
  }
  if (cuts.length === 0) return { text, original: unchanged };
  const original = (offset: number): number => {
    // Binary search: the cuts before `low` lie at or before the offset, those from `high` after it.
    let [low, high] = [0, cuts.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cuts[middle].at <= offset) low = middle + 1;
      else high = middle;
    }
    return offset + (low > 0 ? cuts[low - 1].dropped : 0);
  };
  return { text: shortened + text.slice(last), original };
}
