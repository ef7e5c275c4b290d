// Score vectors of the entity scorer's caches, kept in one growing array instead of one typed array each: allocating
// tens of thousands of small typed arrays cost more than filling them, and a vector read through an offset into one
// array is one memory access fewer than through its own array object.

export class VectorStore {
  /** The vectors' cells; replaced (by a larger copy) when a vector is added to a full store, so read it after adding. */
  cells: Float64Array;
  private used = 0;

  constructor(private readonly initialCells: number) {
    this.cells = new Float64Array(initialCells);
  }

  /** The offset of `length` new cells, all zero. */
  allot(length: number): number {
    if (this.used + length > this.cells.length) {
      const grown = new Float64Array(Math.max(Math.ceil(1.5 * this.cells.length), this.used + length));
      grown.set(this.cells.subarray(0, this.used));
      this.cells = grown;
    }
    const at = this.used;
    this.used += length;
    return at;
  }

  /** Forgets every vector, and the memory grown for them. */
  clear(): void {
    this.cells = new Float64Array(this.initialCells);
    this.used = 0;
  }
}
