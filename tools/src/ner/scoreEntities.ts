// CoNLL-style scoring: an entity counts only with its exact span and type.
export interface TypedSpan {
  start: number;
  end: number;
  type: string;
}

export interface Counts {
  truePositives: number;
  predicted: number;
  gold: number;
}

export class EntityScorer {
  readonly byType = new Map<string, Counts>();

  add(gold: readonly TypedSpan[], predicted: readonly TypedSpan[]): void {
    const key = (s: TypedSpan): string => `${s.start}:${s.end}:${s.type}`;
    const goldKeys = new Set(gold.map(key));
    for (const s of gold) this.counts(s.type).gold++;
    for (const s of predicted) {
      const c = this.counts(s.type);
      c.predicted++;
      if (goldKeys.has(key(s))) c.truePositives++;
    }
  }

  overall(): Counts {
    const total: Counts = { truePositives: 0, predicted: 0, gold: 0 };
    for (const c of this.byType.values()) {
      total.truePositives += c.truePositives;
      total.predicted += c.predicted;
      total.gold += c.gold;
    }
    return total;
  }

  private counts(type: string): Counts {
    let c = this.byType.get(type);
    if (!c) this.byType.set(type, (c = { truePositives: 0, predicted: 0, gold: 0 }));
    return c;
  }
}

export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.predicted ? c.truePositives / c.predicted : 0;
  const recall = c.gold ? c.truePositives / c.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: 100 * precision, recall: 100 * recall, f1: 100 * f1 };
}

export function formatScores(title: string, scorer: EntityScorer): string {
  const row = (name: string, c: Counts): string => {
    const { precision, recall, f1 } = prf(c);
    return `${name.padEnd(8)} ${precision.toFixed(2).padStart(9)} ${recall.toFixed(2).padStart(9)} ${f1.toFixed(2).padStart(9)} ${String(c.gold).padStart(7)}`;
  };
  const types = [...scorer.byType.keys()].sort();
  return [
    title,
    `${'type'.padEnd(8)} ${'precision'.padStart(9)} ${'recall'.padStart(9)} ${'F1'.padStart(9)} ${'gold'.padStart(7)}`,
    ...types.map((t) => row(t, scorer.byType.get(t)!)),
    row('overall', scorer.overall()),
  ].join('\n');
}
