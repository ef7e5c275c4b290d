// Long housekeeping on the server's thread, in slices: the requests that come meanwhile are answered between them.
export class TimeSlices {
  private end: number;

  constructor(private readonly sliceMs: number) {
    this.end = performance.now() + sliceMs;
  }

  /**
   * Whether the slice is spent: then the caller awaits `pause`. Checked without a promise, as an await within the slice
   * would cost one per step (a keystroke's diagnostics take hundreds of steps).
   */
  get over(): boolean {
    return performance.now() >= this.end;
  }

  /** Returns once the event loop has run what waits (requests, messages), at the start of a new slice. */
  async pause(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.end = performance.now() + this.sliceMs;
  }
}
