// The analysis cache's entries of the last complete index in one file, so that reopening a workspace of thousands of
// articles reads one file instead of one per article (12,873 articles: 250–350 ms of CPU and over a second of wall
// time for the files alone). One line per entry: its key (the hash that also names its file), a tab, its JSON.
import * as fs from 'node:fs';

/**
 * The pack's entries by key, each made a string of its own only when called: until then, part of a string of a chunk
 * of whole lines (about half a megabyte). Entries as strings of their own were copied by the garbage collector as they
 * aged; one string of the whole pack stayed until the last analysis was parsed; chunks in buffers stayed with the C
 * allocator after they were freed. A chunk string goes, to the system, once its entries are parsed or dropped. Empty
 * when there is no pack yet or it cannot be read.
 */
export function readPack(file: string): Map<string, PackEntry> {
  const entries = new Map<string, PackEntry>();
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return entries;
  }
  try {
    const size = fs.fstatSync(fd).size;
    let buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, size));
    for (let position = 0; position < size; ) {
      const wanted = Math.min(buffer.length, size - position);
      const read = fs.readSync(fd, buffer, 0, wanted, position);
      if (read === 0) break; // shorter than it was: what was read is kept
      // The last lines, or all there is of a file that got shorter; else whole lines.
      const end = read < wanted || position + read >= size ? read : buffer.lastIndexOf(NEWLINE, read - 1) + 1;
      if (end === 0) {
        buffer = Buffer.allocUnsafe(buffer.length * 2); // a line longer than a chunk
        continue;
      }
      addEntries(entries, buffer, end);
      position += end; // a line cut at the chunk's end is read again with the next chunk
    }
  } catch {
    // Unreadable midway: the entries read so far are sound, the others come from their own files.
  } finally {
    fs.closeSync(fd);
  }
  return entries;
}

/** An entry of the pack: its JSON, made a string of its own when called. */
export type PackEntry = () => string;

/** The entries of the lines in the first `length` bytes of `buffer`, as parts of one string of those lines. */
function addEntries(entries: Map<string, PackEntry>, buffer: Buffer, length: number): void {
  // Written in ASCII (see writePack): latin1 decodes it without a UTF-8 pass, one byte per character.
  const chunk = buffer.toString('latin1', 0, length);
  for (let start = 0; start < length; ) {
    const end = buffer.indexOf(NEWLINE, start);
    const line = end < 0 || end > length ? length : end;
    // Looked for within the line only: a damaged line without a tab must not send the search through the rest.
    const tab = buffer.subarray(start, line).indexOf(TAB) + start;
    // The key a string of its own: the cache keeps its keys for the session, not the chunk.
    if (tab > start) entries.set(buffer.toString('latin1', start, tab), () => chunk.slice(tab + 1, line));
    start = line + 1;
  }
}

/** Below the length from which Node makes a string outside V8's heap (in memory the C allocator may keep). */
const CHUNK_BYTES = 1 << 19;
const NEWLINE = 0x0a;
const TAB = 0x09;

/**
 * Replaces the pack with the entries of `keys` (`jsonOf` reads each; one it cannot read is left out), written aside
 * then renamed so that a reader never sees half a pack, and in chunks, so that the whole pack is never in memory at
 * once. Returns the keys written.
 */
export function writePack(file: string, keys: Iterable<string>, jsonOf: (key: string) => string | undefined): Set<string> {
  const written = new Set<string>();
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temporary, 'w');
  try {
    let chunk: string[] = [];
    let length = 0;
    for (const key of keys) {
      const json = jsonOf(key);
      if (json === undefined) continue;
      written.add(key);
      const line = `${key}\t${ascii(json)}\n`;
      chunk.push(line);
      length += line.length;
      if (length >= CHUNK_CHARACTERS) {
        fs.writeSync(fd, chunk.join(''));
        chunk = [];
        length = 0;
      }
    }
    fs.writeSync(fd, chunk.join(''));
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
  return written;
}

const CHUNK_CHARACTERS = 1 << 20;

/**
 * `json` with every character beyond ASCII escaped (\uXXXX; JSON has them only inside strings): one such character
 * would make V8 hold the whole pack as two bytes per character.
 */
function ascii(json: string): string {
  return json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
