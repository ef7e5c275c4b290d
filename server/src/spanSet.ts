// Whether a span overlaps any of many spans, in logarithmic time: checking each of many spans against many others
// pair by pair grows with the square of an article's length.
import type { Span } from './types';

export class SpanSet {
  /** The spans' starts, in order. */
  private readonly starts: number[];
  /** The greatest end of the spans up to each start, in the same order. */
  private readonly reach: number[];
  /** In the same order, each span's end and its index among the spans given. */
  private readonly ends: number[];
  private readonly indices: number[];

  constructor(spans: readonly Span[]) {
    this.indices = spans.map((_, i) => i).sort((a, b) => spans[a].start - spans[b].start);
    this.starts = this.indices.map((i) => spans[i].start);
    this.ends = this.indices.map((i) => spans[i].end);
    let reach = -Infinity;
    this.reach = this.ends.map((end) => (reach = Math.max(reach, end)));
  }

  /** Whether some span overlaps `span` (`a.start < b.end && b.start < a.end`). */
  overlaps(span: Span): boolean {
    const before = this.startingBefore(span.end);
    return before > 0 && this.reach[before - 1] > span.start;
  }

  /** The indices, among the spans given, of those that overlap `span`, in ascending order. */
  overlapping(span: Span): number[] {
    const found: number[] = [];
    // Back from the last span that starts before `span` ends, while some span so far reaches past its start.
    for (let k = this.startingBefore(span.end) - 1; k >= 0 && this.reach[k] > span.start; k--) {
      if (this.ends[k] > span.start) found.push(this.indices[k]);
    }
    return found.sort((a, b) => a - b);
  }

  /** How many spans start before `offset`: in order, they are a prefix. */
  private startingBefore(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
