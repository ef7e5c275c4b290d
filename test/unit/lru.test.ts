import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Lru } from '../../server/src/lru';

describe('Lru', () => {
  it('forgets the least recently used entry when full', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    assert.equal(lru.get('a'), 1); // a is now the most recent
    lru.set('c', 3);
    assert.equal(lru.size, 2);
    assert.equal(lru.get('b'), undefined);
    assert.equal(lru.get('a'), 1);
    assert.equal(lru.get('c'), 3);
  });

  it('remembers a computed null or false instead of computing it again', () => {
    const lru = new Lru<string, boolean | null>(4);
    let computed = 0;
    for (let i = 0; i < 3; i++) {
      assert.equal(lru.remember('no', () => (computed++, false)), false);
      assert.equal(lru.remember('none', () => (computed++, null)), null);
    }
    assert.equal(computed, 2);
  });

  it('leaves an entry used recently where it is: it goes after three quarters of the capacity, not all of it', () => {
    const lru = new Lru<string, number>(8);
    for (const key of 'abcdefgh') lru.set(key, 0);
    assert.equal(lru.get('g'), 0); // put at the recent end one set ago: not moved
    for (const key of 'ijklmn') lru.set(key, 0); // a to f go
    assert.equal(lru.get('a'), undefined);
    lru.set('o', 0);
    assert.equal(lru.get('g'), undefined, 'g went before h, as when it was set');
    assert.equal(lru.get('h'), 0);
  });

  it('keeps the last value set, at most its capacity, and an entry until enough others are used after it', () => {
    const operation = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 11 }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.array(operation, { maxLength: 200 }), (capacity, operations) => {
        const lru = new Lru<number, number>(capacity);
        const values = new Map<number, number>();
        /** Keys set or found, the most recent last. */
        const used: number[] = [];
        operations.forEach(([isSet, key], step) => {
          if (isSet) {
            lru.set(key, step);
            values.set(key, step);
          } else {
            const found = lru.get(key);
            if (found !== undefined) assert.equal(found, values.get(key));
            else if (values.has(key)) {
              const since = new Set(used.slice(used.lastIndexOf(key) + 1));
              assert.ok(since.size >= capacity - (capacity >> 2), `${key} forgotten after ${since.size} others`);
              values.delete(key);
            }
            if (found === undefined) return;
          }
          used.push(key);
          assert.ok(lru.size <= capacity);
        });
      }),
    );
  });
});
