// TempEval-3 scoring of TIMEX3 annotations: strict and relaxed extent match, and attribute (type, value) F1 over
// the relaxed matches, as in UzZaman et al. (2013), "SemEval-2013 Task 1: TempEval-3".

export interface Timex {
  start: number;
  end: number;
  type: string;
  value: string;
}

export interface Counts {
  gold: number;
  system: number;
  strict: number;
  relaxed: number;
  type: number;
  value: number;
}

export interface Scores {
  strict: Prf;
  relaxed: Prf;
  type: Prf;
  value: Prf;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface Match<T extends Timex> {
  gold: T;
  system: T;
}

export const emptyCounts = (): Counts => ({ gold: 0, system: 0, strict: 0, relaxed: 0, type: 0, value: 0 });

/**
 * Pairs each gold expression with at most one overlapping system expression (and the other way round): an exact
 * match first, else the one sharing most characters.
 */
export function matchTimexes<T extends Timex>(gold: readonly T[], system: readonly T[]): Match<T>[] {
  const used = new Set<number>();
  const matches: Match<T>[] = [];
  const overlap = (a: Timex, b: Timex) => Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const exact = (a: Timex, b: Timex) => a.start === b.start && a.end === b.end;
  const pending: T[] = [];
  for (const g of gold) {
    const i = system.findIndex((s, k) => !used.has(k) && exact(g, s));
    if (i >= 0) {
      used.add(i);
      matches.push({ gold: g, system: system[i] });
    } else {
      pending.push(g);
    }
  }
  for (const g of pending) {
    let best = -1;
    for (let k = 0; k < system.length; k++) {
      if (!used.has(k) && overlap(g, system[k]) > 0 && (best < 0 || overlap(g, system[k]) > overlap(g, system[best]))) best = k;
    }
    if (best >= 0) {
      used.add(best);
      matches.push({ gold: g, system: system[best] });
    }
  }
  return matches;
}

/** Adds one document's counts to `total`. */
export function countDocument(total: Counts, gold: readonly Timex[], system: readonly Timex[]): Counts {
  const matches = matchTimexes(gold, system);
  total.gold += gold.length;
  total.system += system.length;
  for (const { gold: g, system: s } of matches) {
    total.relaxed++;
    if (g.start === s.start && g.end === s.end) total.strict++;
    if (g.type === s.type) total.type++;
    if (g.value === s.value) total.value++;
  }
  return total;
}

export function scores(counts: Counts): Scores {
  const prf = (correct: number): Prf => {
    const precision = counts.system ? correct / counts.system : 0;
    const recall = counts.gold ? correct / counts.gold : 0;
    return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  };
  return { strict: prf(counts.strict), relaxed: prf(counts.relaxed), type: prf(counts.type), value: prf(counts.value) };
}
