import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
});
