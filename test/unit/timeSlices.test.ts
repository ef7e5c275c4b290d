// Housekeeping in slices checks the clock at each step and lets the event loop in only when its slice is spent.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TimeSlices } from '../../server/src/lsp/timeSlices';

describe('TimeSlices', () => {
  it('is not over within its slice, and over once the slice is spent', () => {
    assert.equal(new TimeSlices(60_000).over, false);
    assert.equal(new TimeSlices(0).over, true);
  });

  it('pauses for a turn of the event loop, then starts a new slice', async () => {
    const slices = new TimeSlices(0);
    let ran = false;
    setImmediate(() => (ran = true));
    await slices.pause();
    assert.ok(ran, 'what waited in the event loop ran during the pause');
    const long = new TimeSlices(60_000);
    await long.pause();
    assert.equal(long.over, false, 'a new slice of the full length');
  });
});
