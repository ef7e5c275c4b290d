// A bounded memo that forgets what was used least recently: a Map keeps insertion order, so re-inserting an entry
// when it is used leaves the least recently used one first.

interface Entry<V> {
  value: V;
  /** When the entry was last put at the map's recent end, counted in such moves (see `Lru.moves`). */
  moved: number;
}

export class Lru<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  /** Entries put at the recent end so far, by `set` or by a hit. */
  private moves = 0;
  /**
   * A hit on an entry put at the recent end within this many moves leaves it where it is: a memo read at every
   * keystroke hits the same entries again and again, and re-inserting each (a deletion and an insertion, which also
   * have the map rebuild its table) cost a tenth of a keystroke's CPU. So an entry is forgotten once at least
   * `capacity - recent` other entries have been set or used since it was (three quarters of the capacity, against all
   * of it for an exact LRU).
   */
  private readonly recent: number;

  constructor(private readonly capacity: number) {
    this.recent = capacity >> 2;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (this.moves - entry.moved >= this.recent) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      entry.moved = ++this.moves;
    }
    return entry.value;
  }

  set(key: K, value: V): V {
    this.entries.delete(key);
    this.entries.set(key, { value, moved: ++this.moves });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** The remembered value, or `compute()`'s, remembered. */
  remember(key: K, compute: () => V): V {
    const known = this.get(key);
    return known !== undefined ? known : this.set(key, compute());
  }
}
