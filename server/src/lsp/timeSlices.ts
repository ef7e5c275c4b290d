// Long housekeeping on the server's thread, in slices: the requests that come meanwhile are answered between them.
export class TimeSlices {
  private end: number;

  constructor(private readonly sliceMs: number) {
    this.end = performance.now() + sliceMs;
  }

  /** Returns at once within the slice; past it, once the event loop has run what waits (requests, messages). */
  async next(): Promise<void> {
    if (performance.now() < this.end) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.end = performance.now() + this.sliceMs;
  }
}
