// The analysis cache's entries of the last complete index in one file, so that reopening a workspace of thousands of
// articles reads one file instead of one per article (12,873 articles: 250–350 ms of CPU and over a second of wall
// time for the files alone). One line per entry: its key (the hash that also names its file), a tab, its JSON.
import * as fs from 'node:fs';

/**
 * The pack's entries by key, each a string of its own (views of one string of the whole pack would keep all of it in
 * memory until the last entry is parsed); empty when there is none yet or it cannot be read.
 */
export function readPack(file: string): Map<string, string> {
  const entries = new Map<string, string>();
  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch {
    return entries;
  }
  for (let start = 0; start < content.length; ) {
    const end = content.indexOf(NEWLINE, start);
    const line = end < 0 ? content.length : end;
    // Looked for within the line only: a damaged line without a tab must not send the search through the rest.
    const tab = content.subarray(start, line).indexOf(TAB) + start;
    // Written in ASCII (see writePack): latin1 decodes it without a UTF-8 pass, one byte per character.
    if (tab > start) entries.set(content.toString('latin1', start, tab), content.toString('latin1', tab + 1, line));
    start = line + 1;
  }
  return entries;
}

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
