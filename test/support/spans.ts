// Shared test assertion: every reported span must slice the text to its own `text`.
import * as assert from 'node:assert/strict';
import type { TextSpan } from '../../server/src/types';

export function assertSlices(text: string, spans: Iterable<TextSpan | null | undefined>, what = 'span'): void {
  for (const span of spans) {
    if (!span) continue;
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what} [${span.start},${span.end}) is outside the text`);
    assert.equal(text.slice(span.start, span.end), span.text, `${what} [${span.start},${span.end}) does not slice to its text`);
  }
}
