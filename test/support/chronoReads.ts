// Shared test helper: which texts the code under test gives chrono-node.
import * as chrono from 'chrono-node';

/**
 * What `run` returns, and the texts chrono-node was given while it ran, one per call. Every reading goes through
 * Chrono's parse, chrono.parse's and the dates stages' own instances' alike.
 */
export function readByChrono<T>(run: () => T): { result: T; read: string[] } {
  const read: string[] = [];
  const { parse } = chrono.Chrono.prototype;
  chrono.Chrono.prototype.parse = function (this: chrono.Chrono, words, ...rest) {
    read.push(words);
    return parse.call(this, words, ...rest);
  };
  try {
    return { result: run(), read };
  } finally {
    chrono.Chrono.prototype.parse = parse;
  }
}
