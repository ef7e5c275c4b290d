// Reads and writes the per-article decision files (`.annotations/<article file name>.json` beside the article).
// Writes are atomic, and a file that does not parse is never overwritten: it holds an editor's work.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type DecisionFile, emptyDecisionFile, parseDecisionFile, serializeDecisionFile } from '../decisions';

export const DECISIONS_FOLDER = '.annotations';

export type StoredDecisions = { file: DecisionFile; error: null } | { file: null; error: string };

export function decisionPathFor(articlePath: string): string {
  return path.join(path.dirname(articlePath), DECISIONS_FOLDER, `${path.basename(articlePath)}.json`);
}

/** The article a decision file belongs to, or null for any other path. */
export function articlePathForDecisions(decisionPath: string): string | null {
  const folder = path.dirname(decisionPath);
  if (path.basename(folder) !== DECISIONS_FOLDER || !decisionPath.endsWith('.json')) return null;
  return path.join(path.dirname(folder), path.basename(decisionPath, '.json'));
}

export function readDecisions(articlePath: string): StoredDecisions {
  const file = decisionPathFor(articlePath);
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file: emptyDecisionFile(path.basename(articlePath)), error: null };
    return { file: null, error: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code}` };
  }
  const parsed = parseDecisionFile(content);
  return parsed.ok ? { file: parsed.file, error: null } : { file: null, error: `${file} is ${parsed.reason}; it is left untouched until fixed` };
}

/** Write-and-rename, so a crash mid-write never leaves a half-written file. */
export function writeDecisions(articlePath: string, decisions: DecisionFile): void {
  const file = decisionPathFor(articlePath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, serializeDecisionFile(decisions));
  fs.renameSync(temporary, file);
}
