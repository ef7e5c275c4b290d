// Whether a span overlaps any of many spans, in logarithmic time: checking each of many spans against many others
// pair by pair grows with the square of an article's length.
import type { Span } from './types';

export class SpanSet {
  /** The spans' starts, in order. */
  private readonly starts: number[];
  /** The greatest end of the spans up to each start, in the same order. */
  private readonly reach: number[];

  constructor(spans: readonly Span[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((s) => s.start);
    let reach = -Infinity;
    this.reach = sorted.map((s) => (reach = Math.max(reach, s.end)));
  }

  /** Whether some span overlaps `span` (`a.start < b.end && b.start < a.end`). */
  overlaps(span: Span): boolean {
    // The spans that start before `span` ends are a prefix; one of them overlaps it if it ends after `span` starts.
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < span.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.reach[lo - 1] > span.start;
  }
}
