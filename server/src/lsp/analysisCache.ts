// Analyses on disk, so reopening an archive does not analyze thousands of unchanged articles again. An entry is
// found by a hash of the analyzer's version, the settings the analysis depends on, and the article's text: any
// change to one of them is a miss, never a stale answer. Entries are JSON, given back as JSON: the reader parses an
// entry when it needs it (StoredArticle), and an entry of the pack is not even read from the file before then.
// Each entry has its own file; after a complete index, those it used are also packed into one file (analysisPack),
// which the next start reads first. Entries no indexing used are removed then.
import { createHash, hash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Pack, type PackEntry, readPack, writePack } from './analysisPack';
import { TimeSlices } from './timeSlices';

const PACK = 'pack';
/**
 * A prune works this long at a time, then lets requests in (see prune). It runs right after an index, when the editor
 * asks the most, and a request takes a few turns of the event loop, each of which ran a slice: the first hovers after
 * indexing the BBC folder took 13-26 ms of the server thread's CPU with 10 ms slices, mostly writing the pack (p99 of
 * 100 hovers 7.1-12.0 ms with 2 ms slices, 7.1-7.6 ms with these).
 */
const PRUNE_SLICE_MS = 0.5;

export class AnalysisCache {
  /**
   * @param dir where entries are kept (the editor's storage for this workspace)
   * @param version changes whenever the analyzer or its models change
   */
  constructor(private readonly dir: string, private readonly version: string) {}

  /** Keys of the entries read or written since this cache was opened: those of the workspace as it is now, and recent edits. */
  private readonly used = new Set<string>();
  /** The pack's entries by key, read at the first `get` and dropped at the prune that follows a complete index. */
  private pack: Map<string, PackEntry> | null = null;
  private packRead = false;
  /** The pack file read, open while entries found in it may still be read; closed once a newer pack replaces it. */
  private packFile: Pack | null = null;
  /** Keys of the entries that the pack on disk holds as they are now. */
  private packed = new Set<string>();

  /** The entry's JSON as it was kept, or undefined when there is none. */
  get(text: string, settingsKey: string): string | undefined {
    const found = this.find(text, settingsKey);
    return typeof found === 'function' ? found() : found;
  }

  /**
   * The entry's JSON, or for an entry of the pack how to read it when first needed (from its own file once the pack is
   * closed, undefined if neither can be read); undefined when there is none. `utf8`: the text's UTF-8 when at hand
   * (as read from disk), which gives the same key without encoding the text again.
   */
  find(text: string, settingsKey: string, utf8?: Uint8Array): string | (() => string | undefined) | undefined {
    const key = this.key(text, settingsKey, utf8);
    if (!this.packRead) {
      this.packFile = readPack(path.join(this.dir, PACK));
      this.pack = this.packFile.entries;
      this.packed = new Set(this.pack.keys());
      this.packRead = true;
    }
    const packed = this.pack?.get(key);
    if (packed) {
      this.used.add(key);
      return () => this.entryJson(key, packed);
    }
    let json: string;
    try {
      json = fs.readFileSync(this.file(key), 'utf8');
    } catch {
      return undefined; // not there yet: analyze
    }
    this.used.add(key);
    return json;
  }

  /** Keeps the entry; returns false when it could not be written (then `get` cannot give it back). */
  set(text: string, settingsKey: string, json: string): boolean {
    const key = this.key(text, settingsKey);
    const file = this.file(key);
    this.used.add(key);
    // A damaged entry is being replaced.
    this.pack?.delete(key);
    this.packed.delete(key);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // Written aside then renamed, so a reader never sees half an entry.
      fs.writeFileSync(`${file}.${process.pid}.tmp`, json);
      fs.renameSync(`${file}.${process.pid}.tmp`, file);
      return true;
    } catch {
      // A read-only or full disk costs speed on the next start, not correctness.
      return false;
    }
  }

  /**
   * Removes every entry not read or written since this cache was opened, and packs those that were. Called after a
   * complete index, it drops the analyses of articles deleted or changed since the last session, and of older
   * analyzers, which would otherwise pile up with every edit and every release. (Not forgotten at a prune: a later
   * index reads no entry of an article that did not change.) In slices of `sliceMs`, between which the server answers:
   * after a cold index of a corpus, reading its 12,584 entries and writing its 59 MB pack took about 0.5 s. One prune
   * at a time: a prune asked for meanwhile starts when the one under way is done.
   */
  prune(sliceMs = PRUNE_SLICE_MS): Promise<void> {
    this.pruning = this.pruning.then(() => this.pruneInSlices(new TimeSlices(sliceMs))).catch(() => undefined);
    return this.pruning;
  }

  private pruning: Promise<void> = Promise.resolve();

  /** Resolves when no prune is under way: a server shutting down waits for its pack, or the next start reads entry files. */
  written(): Promise<void> {
    return this.pruning;
  }

  private async pruneInSlices(slices: TimeSlices): Promise<void> {
    let shards: string[];
    try {
      shards = fs.readdirSync(this.dir);
    } catch {
      return; // no cache yet
    }
    for (const shard of shards) {
      if (slices.over) await slices.pause();
      const shardDir = path.join(this.dir, shard);
      if (shard === PACK) continue;
      if (shard.startsWith(`${PACK}.`)) {
        fs.rmSync(shardDir, { force: true }); // a pack left half written
        continue;
      }
      try {
        const entries = fs.readdirSync(shardDir);
        let kept = 0;
        for (const entry of entries) {
          if (this.used.has(shard + entry.slice(0, -ENTRY_SUFFIX.length))) kept++;
          else fs.rmSync(path.join(shardDir, entry), { force: true, recursive: true });
        }
        if (kept === 0) fs.rmdirSync(shardDir);
      } catch {
        // Not a folder, or removed meanwhile: nothing of ours to keep there.
      }
    }
    await this.writePack(slices);
  }

  /** Packs the entries used, unless the pack holds exactly those already (a workspace reopened unchanged, a re-index). */
  private async writePack(slices: TimeSlices): Promise<void> {
    const { pack, packed } = this;
    this.pack = null; // from now on, entries are looked for in their files: the pack's keys can go
    if (packed.size === this.used.size && [...this.used].every((key) => packed.has(key))) return;
    try {
      const jsonOf = (key: string) => this.entryJson(key, pack?.get(key));
      // The pack read is closed before the new one takes its place; entries not read yet then come from their own files.
      this.packed = await writePack(path.join(this.dir, PACK), this.used, jsonOf, this.packFile ?? undefined, slices);
    } catch {
      // As for an entry: the next start reads the entries' own files.
    }
    this.packFile?.close(); // also when the new pack could not be written
    this.packFile = null;
  }

  /** An entry's JSON: from the pack while it is open (`packed`), else from the entry's own file; undefined if neither. */
  private entryJson(key: string, packed: PackEntry | undefined): string | undefined {
    return packed?.() ?? readOrUndefined(this.file(key));
  }

  /** `utf8`: the text's UTF-8, when at hand; the same key, hashed from those bytes instead of the text encoded again. */
  private key(text: string, settingsKey: string, utf8?: Uint8Array): string {
    const prefix = `${this.version}\0${settingsKey}\0`;
    const prefixLength = Buffer.byteLength(prefix);
    // One call for the whole key: a hash object per article cost more than hashing its text.
    if (!utf8 || prefixLength + utf8.length > KEY_BUFFER_BYTES) return hash('sha256', prefix + text);
    this.keyBuffer ??= Buffer.allocUnsafe(KEY_BUFFER_BYTES);
    this.keyBuffer.write(prefix, 'utf8');
    this.keyBuffer.set(utf8, prefixLength);
    return hash('sha256', this.keyBuffer.subarray(0, prefixLength + utf8.length));
  }

  /** Where a key's bytes are put together (see KEY_BUFFER_BYTES). */
  private keyBuffer: Buffer | null = null;

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key.slice(2)}${ENTRY_SUFFIX}`);
  }
}

const ENTRY_SUFFIX = '.json';
/** Keys of texts up to about this size are hashed from the text's UTF-8 as read, put together in a buffer used again. */
const KEY_BUFFER_BYTES = 1 << 20;

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** A version for the cache: the hash of the files that make the analysis (the server bundle and its models). */
export function analyzerVersion(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(fs.readFileSync(file));
  return hash.digest('hex');
}
