// Analyses on disk, so reopening an archive does not analyze thousands of unchanged articles again. An entry is
// found by a hash of the analyzer's version, the settings the analysis depends on, and the article's text: any
// change to one of them is a miss, never a stale answer. Entries no indexing used are removed after a complete one.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export class AnalysisCache<T> {
  /**
   * @param dir where entries are kept (the editor's storage for this workspace)
   * @param version changes whenever the analyzer or its models change
   */
  constructor(private readonly dir: string, private readonly version: string) {}

  /** Entries read or written since this cache was opened, by path: those of the workspace as it is now, and recent edits. */
  private readonly used = new Set<string>();

  get(text: string, settingsKey: string): T | undefined {
    const file = this.file(text, settingsKey);
    try {
      const value = JSON.parse(fs.readFileSync(file, 'utf8')) as T;
      this.used.add(file);
      return value;
    } catch {
      return undefined; // not there yet, or damaged: analyze again
    }
  }

  set(text: string, settingsKey: string, value: T): void {
    this.setJson(text, settingsKey, JSON.stringify(value));
  }

  /** `set` for a value already in JSON (as an analysis worker sends it): kept as it is. */
  setJson(text: string, settingsKey: string, json: string): void {
    const file = this.file(text, settingsKey);
    this.used.add(file);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // Written aside then renamed, so a reader never sees half an entry.
      fs.writeFileSync(`${file}.${process.pid}.tmp`, json);
      fs.renameSync(`${file}.${process.pid}.tmp`, file);
    } catch {
      // A read-only or full disk costs speed on the next start, not correctness.
    }
  }

  /**
   * Removes every entry not read or written since this cache was opened. Called after a complete index, it drops the
   * analyses of articles deleted or changed since the last session, and of older analyzers, which would otherwise pile
   * up with every edit and every release. (Not forgotten at a prune: a later index reads no entry of an article that
   * did not change.)
   */
  prune(): void {
    let shards: string[];
    try {
      shards = fs.readdirSync(this.dir);
    } catch {
      return; // no cache yet
    }
    for (const shard of shards) {
      const shardDir = path.join(this.dir, shard);
      try {
        const entries = fs.readdirSync(shardDir);
        let kept = 0;
        for (const entry of entries) {
          const file = path.join(shardDir, entry);
          if (this.used.has(file)) kept++;
          else fs.rmSync(file, { force: true, recursive: true });
        }
        if (kept === 0) fs.rmdirSync(shardDir);
      } catch {
        // Not a folder, or removed meanwhile: nothing of ours to keep there.
      }
    }
  }

  private file(text: string, settingsKey: string): string {
    const hash = createHash('sha256').update(this.version).update('\0').update(settingsKey).update('\0').update(text).digest('hex');
    return path.join(this.dir, hash.slice(0, 2), `${hash.slice(2)}.json`);
  }
}

/** A version for the cache: the hash of the files that make the analysis (the server bundle and its models). */
export function analyzerVersion(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(fs.readFileSync(file));
  return hash.digest('hex');
}
