// Arrays for code that runs hot.

/**
 * `items.map(f)`, built by pushing. V8's Array.prototype.map gives its array another elements kind (HOLEY) when the
 * caller runs optimized than when it does not (PACKED), so optimized code that reads such arrays meets both kinds and
 * is thrown away: visitFeatures was compiled 8 times and deoptimized 686 times in a pass over every 10th corpus
 * article. Pushing gives the same kind either way.
 */
export function mapped<T, U>(items: readonly T[], f: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(f(items[i], i));
  return out;
}
