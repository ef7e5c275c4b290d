import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SpanSet } from '../../server/src/spanSet';
import type { Span } from '../../server/src/types';

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

describe('span set', () => {
  it('says whether a span overlaps any of the set, and which, as comparing it with each would', () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const span = (): Span => {
      const start = random(60);
      return { start, end: start + random(8) }; // empty spans too
    };
    for (let round = 0; round < 200; round++) {
      const spans = Array.from({ length: random(12) }, span);
      const set = new SpanSet(spans);
      for (let q = 0; q < 30; q++) {
        const probe = span();
        assert.equal(set.overlaps(probe), spans.some((s) => overlaps(s, probe)), JSON.stringify({ spans, probe }));
        const each = spans.flatMap((s, i) => (overlaps(s, probe) ? [i] : []));
        assert.deepEqual(set.overlapping(probe), each, JSON.stringify({ spans, probe }));
      }
    }
  });

  it('counts touching spans as apart, and a span long before a later one as overlapping', () => {
    const set = new SpanSet([{ start: 20, end: 25 }, { start: 0, end: 100 }, { start: 30, end: 31 }]);
    assert.equal(set.overlaps({ start: 50, end: 60 }), true, 'inside the long span only');
    assert.equal(new SpanSet([{ start: 0, end: 5 }]).overlaps({ start: 5, end: 9 }), false);
    assert.equal(new SpanSet([]).overlaps({ start: 0, end: 9 }), false);
  });
});
