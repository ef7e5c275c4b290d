// Reading the thousands of small article files of a reopen into one buffer used again, instead of a buffer allocated
// per file after asking the file's size: those buffers were garbage as soon as the text was decoded, and their memory
// had the garbage collector run during the reopen.
import * as fs from 'node:fs';

/** Buffers up to this size are kept for the next read; a larger file gets one of its own. */
const KEPT_BYTES = 1 << 20;

let shared = Buffer.allocUnsafe(1 << 16);

/** The file's bytes, in a buffer that the next call reuses: decode or copy them before reading another file. */
export function readFileBytes(filePath: string): Uint8Array {
  const fd = fs.openSync(filePath, 'r');
  try {
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
