// A bounded memo that forgets what was used least recently: a Map keeps insertion order, so re-inserting an entry on
// every hit leaves the least recently used one first.

export class Lru<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): V {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** The remembered value, or `compute()`'s, remembered. */
  remember(key: K, compute: () => V): V {
    const known = this.get(key);
    return known !== undefined ? known : this.set(key, compute());
  }
}
