// Reads and writes the per-article annotation files (`.annotations/<article file name>.json` beside the article).
// Writes are atomic, and a file that does not parse is never overwritten: it holds an editor's work.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type DecisionFile, emptyDecisionFile, parseDecisionFile, serializeDecisionFile } from '../decisions';

export const DECISIONS_FOLDER = '.annotations';

/** `content` is the file's text as read (null when there is no file), for undo. */
export type StoredDecisions = { file: DecisionFile; error: null; content?: string | null } | { file: null; error: string; content?: string | null };

export function decisionPathFor(articlePath: string): string {
  return path.join(path.dirname(articlePath), DECISIONS_FOLDER, `${path.basename(articlePath)}.json`);
}

/** The article a decision file belongs to, or null for any other path. */
export function articlePathForDecisions(decisionPath: string): string | null {
  const folder = path.dirname(decisionPath);
  if (path.basename(folder) !== DECISIONS_FOLDER || !decisionPath.endsWith('.json')) return null;
  return path.join(path.dirname(folder), path.basename(decisionPath, '.json'));
}

/** `listed`: the names `listDecisionFiles` found beside the article, so an article without a file costs no read. */
export function readDecisions(articlePath: string, listed?: ReadonlySet<string> | null): StoredDecisions {
  const name = path.basename(articlePath);
  if (listed && !listed.has(`${name}.json`)) return { file: emptyDecisionFile(name), error: null, content: null };
  const file = decisionPathFor(articlePath);
  let content: string | null;
  try {
    content = readDecisionText(articlePath);
  } catch (error) {
    return { file: null, error: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code}` };
  }
  if (content === null) return { file: emptyDecisionFile(name), error: null, content };
  const parsed = parseDecisionFile(content);
  return parsed.ok ? { file: parsed.file, error: null, content } : { file: null, error: `${file} is ${parsed.reason}; it is left untouched until fixed`, content };
}

/**
 * The names of the annotation files kept for the articles in `folder`, from one listing of its annotations folder;
 * null when that folder cannot be listed for another reason than its absence (then read each article's file).
 */
export function listDecisionFiles(folder: string): ReadonlySet<string> | null {
  try {
    return new Set(fs.readdirSync(path.join(folder, DECISIONS_FOLDER)));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? new Set() : null;
  }
}

/** The annotation file's text, or null when the article has none. */
export function readDecisionText(articlePath: string): string | null {
  try {
    return fs.readFileSync(decisionPathFor(articlePath), 'utf8');
  } catch (error) {
    // ENOTDIR: something else stands where the annotations folder belongs, so there is no annotation file either.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
}

/** Saves the annotations and returns the text written. */
export function writeDecisions(articlePath: string, decisions: DecisionFile): string {
  const content = serializeDecisionFile(decisions);
  writeDecisionText(articlePath, content);
  return content;
}

let temporaryCounter = 0;

/**
 * Write, flush and rename, so a crash or power cut never leaves a half-written file; null removes the file (undoing
 * the first annotation of an article).
 */
export function writeDecisionText(articlePath: string, content: string | null): void {
  const file = decisionPathFor(articlePath);
  if (content === null) {
    fs.rmSync(file, { force: true });
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${++temporaryCounter}.tmp`;
  try {
    const fd = fs.openSync(temporary, 'w');
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
