// Overlap scores of predicted spans against gold ones: a predicted span is right when it overlaps a gold span of its
// role, a gold span is found when a predicted one overlaps it.
import type { Span } from '../../server/src/types';

export interface OverlapCounts { predicted: number; gold: number; predictedHit: number; goldHit: number }

export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Adds one article's spans of a role to `counts`. */
export function countOverlaps(counts: OverlapCounts, predicted: readonly Span[], gold: readonly Span[]): void {
  counts.predicted += predicted.length;
  counts.gold += gold.length;
  counts.predictedHit += predicted.filter((p) => gold.some((g) => overlaps(p, g))).length;
  counts.goldHit += gold.filter((g) => predicted.some((p) => overlaps(p, g))).length;
}

export function ratio(n: number, d: number): number {
  return d === 0 ? 0 : n / d;
}

export function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}
