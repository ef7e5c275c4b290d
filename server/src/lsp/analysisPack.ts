// The analysis cache's entries of the last complete index in one file, so that reopening a workspace of thousands of
// articles reads one file instead of one per article (12,873 articles: 250–350 ms of CPU and over a second of wall
// time for the files alone). One line per entry: its key (the hash that also names its file), a tab, its JSON.
import * as fs from 'node:fs';
import type { TimeSlices } from './timeSlices';

/**
 * The pack's entries by key, each read from the file when called. Reading the keys costs one pass over the file in a
 * buffer used again for each chunk: a reopen neither decodes the 59 MB of a corpus's analyses nor holds them (as
 * strings of chunks they were about a tenth of a reopen's CPU and 60 MB of its memory). The file stays open until
 * `close`, so an entry reads the pack as it was when its key was, even once the file is replaced by a newer pack.
 * No entries when there is no pack yet or it cannot be read.
 */
export function readPack(file: string): Pack {
  const entries = new Map<string, PackEntry>();
  let fd: number | null;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return { entries, close: () => undefined };
  }
  let scratch = Buffer.allocUnsafe(0);
  const entryAt = (offset: number, length: number): PackEntry => () => {
    if (fd === null) return undefined;
    if (scratch.length < length) scratch = Buffer.allocUnsafe(Math.max(length, ENTRY_BUFFER_BYTES));
    try {
      // Written in ASCII (see writePack): latin1 decodes it without a UTF-8 pass, one byte per character.
      return fs.readSync(fd, scratch, 0, length, offset) === length ? scratch.toString('latin1', 0, length) : undefined;
    } catch {
      return undefined;
    }
  };
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
      for (let start = 0; start < end; ) {
        const newline = buffer.indexOf(NEWLINE, start);
        const line = newline < 0 || newline > end ? end : newline;
        // Looked for within the line only: a damaged line without a tab must not send the search through the rest.
        const tab = buffer.subarray(start, line).indexOf(TAB) + start;
        if (tab > start) entries.set(buffer.toString('latin1', start, tab), entryAt(position + tab + 1, line - tab - 1));
        start = line + 1;
      }
      position += end; // a line cut at the chunk's end is read again with the next chunk
    }
  } catch {
    // Unreadable midway: the entries read so far are sound, the others come from their own files.
  }
  return {
    entries,
    close: () => {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
    },
  };
}

/** An entry of the pack: its JSON, read when called; undefined once the pack is closed, or if it cannot be read. */
export type PackEntry = () => string | undefined;

export interface Pack {
  entries: Map<string, PackEntry>;
  /** Closes the file: entries not read yet are then undefined. */
  close(): void;
}

/** How much of the pack is read at a time while its keys are read. */
const CHUNK_BYTES = 1 << 19;
/** The smallest buffer entries are read into (one, used again): most entries are a few kilobytes. */
const ENTRY_BUFFER_BYTES = 1 << 16;
const NEWLINE = 0x0a;
const TAB = 0x09;

/**
 * Replaces the pack with the entries of `keys` (`jsonOf` reads each; one it cannot read is left out), written aside
 * then renamed so that a reader never sees half a pack, and in chunks, so that the whole pack is never in memory at
 * once. `replaced`: the pack read from `file`, closed once the entries are written, before the rename (Windows does
 * not replace a file that is open). `slices`: how often to let the server answer (a corpus's 59 MB pack held its
 * thread half a second). Returns the keys written.
 */
export async function writePack(file: string, keys: Iterable<string>, jsonOf: (key: string) => string | undefined, replaced?: Pack, slices?: TimeSlices): Promise<Set<string>> {
  const written = new Set<string>();
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temporary, 'w');
  try {
    let chunk: string[] = [];
    let length = 0;
    for (const key of keys) {
      if (slices?.over) await slices.pause();
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
  replaced?.close();
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
