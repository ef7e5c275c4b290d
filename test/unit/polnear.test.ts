import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codePointToUtf16 } from '../../tools/src/polnear';

describe('PolNeAR offsets', () => {
  it('turn code-point offsets into UTF-16 offsets past characters outside the BMP', () => {
    const text = 'A 😀 said “yes”';
    const offsets = codePointToUtf16(text);
    // The emoji (code point 2) takes two UTF-16 units, so everything after it moves by one.
    assert.deepEqual(offsets.slice(0, 5), [0, 1, 2, 4, 5]);
    const saidAt = [...text].indexOf('s');
    assert.equal(text.slice(offsets[saidAt], offsets[saidAt + 4]), 'said');
    assert.equal(offsets[[...text].length], text.length);
  });
});
