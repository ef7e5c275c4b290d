// Shared test helper: which texts the code under test gives chrono-node.
import * as chrono from 'chrono-node';

/** What `run` returns, and the texts chrono-node was given while it ran, one per call. */
export function readByChrono<T>(run: () => T): { result: T; read: string[] } {
  const read: string[] = [];
  const parse = chrono.parse;
  const counting: typeof chrono.parse = (words, ...rest) => {
    read.push(words);
    return parse(words, ...rest);
  };
  Object.assign(chrono, { parse: counting });
  try {
    return { result: run(), read };
  } finally {
    Object.assign(chrono, { parse });
  }
}
