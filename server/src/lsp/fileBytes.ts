// Reading the thousands of small article files of a reopen into one buffer used again, instead of a buffer allocated
// per file after asking the file's size: those buffers were garbage as soon as the text was decoded, and their memory
// had the garbage collector run during the reopen.
import * as fs from 'node:fs';
import { overSizeLimit } from '../text';

/** Buffers up to this size are kept for the next read; a larger file gets one of its own. */
const KEPT_BYTES = 1 << 20;
/** Opening a named pipe waits for a writer without it: a pipe named like an article would hang the server. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

let shared = Buffer.allocUnsafe(1 << 16);

/** A file refused before its bytes are read, with the reason in words. */
export class RefusedFile extends Error {}

/**
 * The file's bytes, in a buffer that the next call reuses: decode or copy them before reading another file. Throws a
 * RefusedFile, having read nothing, for a file over `maxBytes` (a 2 GB file was read in full to be refused) and for
 * one that is no regular file (a pipe or device never ends, or waits for a writer).
 */
export function readFileBytes(filePath: string, maxBytes = Infinity): Uint8Array {
  const fd = fs.openSync(filePath, OPEN_FLAGS);
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isFile() && stat.size > maxBytes) throw new RefusedFile(overSizeLimit(stat.size, maxBytes));
    if (!stat.isFile() && !stat.isDirectory()) throw new RefusedFile('not a regular file (a pipe, socket or device)');
    let buffer = shared;
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
        if (buffer.length <= KEPT_BYTES) shared = buffer;
      }
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) return buffer.subarray(0, length);
      length += read;
    }
  } finally {
    fs.closeSync(fd);
  }
}
