import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VectorStore } from '../../server/src/ner/vectorStore';

describe('ner: vector store', () => {
  it('gives zeroed cells at disjoint offsets, and keeps what was written when it grows', () => {
    const store = new VectorStore(4);
    const offsets: number[] = [];
    for (let v = 0; v < 50; v++) {
      const at = store.allot(3);
      assert.deepEqual([...store.cells.subarray(at, at + 3)], [0, 0, 0], `vector ${v} starts at zero`);
      store.cells.set([v, v + 0.5, -v], at);
      offsets.push(at);
    }
    offsets.forEach((at, v) => assert.deepEqual([...store.cells.subarray(at, at + 3)], [v, v + 0.5, -v], `vector ${v}`));
  });

  it('forgets its vectors and the memory grown for them when cleared', () => {
    const store = new VectorStore(4);
    for (let v = 0; v < 10; v++) store.cells.fill(1, store.allot(3), store.cells.length);
    store.clear();
    assert.equal(store.cells.length, 4);
    assert.equal(store.allot(4), 0);
    assert.deepEqual([...store.cells], [0, 0, 0, 0]);
  });
});
