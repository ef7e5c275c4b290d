// Analyses on disk, so reopening an archive does not analyze thousands of unchanged articles again. An entry is
// found by a hash of the analyzer's version, the settings the analysis depends on, and the article's text: any
// change to one of them is a miss, never a stale answer.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export class AnalysisCache<T> {
  /**
   * @param dir where entries are kept (the editor's storage for this workspace)
   * @param version changes whenever the analyzer or its models change
   */
  constructor(private readonly dir: string, private readonly version: string) {}

  get(text: string, settingsKey: string): T | undefined {
    try {
      return JSON.parse(fs.readFileSync(this.file(text, settingsKey), 'utf8')) as T;
    } catch {
      return undefined; // not there yet, or damaged: analyze again
    }
  }

  set(text: string, settingsKey: string, value: T): void {
    const file = this.file(text, settingsKey);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // Written aside then renamed, so a reader never sees half an entry.
      fs.writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(value));
      fs.renameSync(`${file}.${process.pid}.tmp`, file);
    } catch {
      // A read-only or full disk costs speed on the next start, not correctness.
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
