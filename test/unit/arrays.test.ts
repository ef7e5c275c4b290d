import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapped } from '../../server/src/arrays';

describe('arrays', () => {
  it('maps as Array.prototype.map does, each item with its index, the empty array included', () => {
    const items = ['a', 'bb', '', 'ccc'];
    assert.deepEqual(mapped(items, (item, i) => `${i}:${item.length}`), items.map((item, i) => `${i}:${item.length}`));
    assert.deepEqual(mapped([], () => 1), []);
    const objects = [{ v: 1 }, { v: 2 }];
    assert.deepEqual(mapped(objects, (o) => (o.v > 1 ? o : undefined)), [undefined, objects[1]]);
  });
});
