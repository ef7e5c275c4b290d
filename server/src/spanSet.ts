// Whether a span overlaps any of many spans, in logarithmic time: checking each of many spans against many others
// pair by pair grows with the square of an article's length.
import { mapped } from './arrays';
import { firstStartingFrom } from './text';
import type { Span } from './types';

export class SpanSet {
  /** The spans, in order of their starts. */
  private readonly sorted: Span[];
  /** In the same order, each span's index among the spans given. */
  private readonly indices: number[];
  /** The greatest end of the spans up to each one, in the same order. */
  private readonly reach: number[];

  constructor(spans: readonly Span[]) {
    // Built with `mapped`: queries inlined into optimized callers then meet one elements kind (see arrays.ts).
    this.indices = mapped(spans, (_, i) => i).sort((a, b) => spans[a].start - spans[b].start);
    this.sorted = mapped(this.indices, (i) => spans[i]);
    let reach = -Infinity;
    this.reach = mapped(this.sorted, (s) => (reach = Math.max(reach, s.end)));
  }

  /** Whether some span overlaps `span` (`a.start < b.end && b.start < a.end`). */
  overlaps(span: Span): boolean {
    // The spans that start before `span` ends are a prefix; one of them overlaps it if it ends after `span` starts.
    const before = firstStartingFrom(this.sorted, span.end);
    return before > 0 && this.reach[before - 1] > span.start;
  }

  /** The indices, among the spans given, of those that overlap `span`, in ascending order. */
  overlapping(span: Span): number[] {
    const found: number[] = [];
    // Back from the last span that starts before `span` ends, while some span so far reaches past its start.
    for (let k = firstStartingFrom(this.sorted, span.end) - 1; k >= 0 && this.reach[k] > span.start; k--) {
      if (this.sorted[k].end > span.start) found.push(this.indices[k]);
    }
    return found.sort((a, b) => a - b);
  }
}
