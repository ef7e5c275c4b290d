// Command line: `export` writes the export contract's formats (JSON, W3C, brat, CoNLL); `import` reads W3C and brat
// annotations into the articles' annotation files; `summary` also prints a readable report.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeAnnotated } from './articleAnnotations';
import { type ArticleFile, ArticleFileError, readArticleFiles } from './articleFiles';
import type { DecisionFile } from './decisions';
import { bratStem, exportBrat } from './exportBrat';
import { exportConll } from './exportConll';
import { exportJson } from './exportJson';
import { exportW3c } from './exportW3c';
import { importBrat } from './importBrat';
import { ImportError, importW3c } from './importW3c';
import { readDecisions, writeDecisions } from './lsp/decisionStore';
import { formatSummary } from './summary';
import { decodeArticle } from './text';
import { isCalendarDate } from './timex';
import { WorkspaceIndex } from './workspaceIndex';

const USAGE = `usage: news-annotator export [--format json|w3c|brat|conll] [--reference-date YYYY-MM-DD] [--author NAME]... [--out FILE|FOLDER] PATH...
       news-annotator import --format w3c|brat --from FILE|FOLDER [--author NAME] PATH...
       news-annotator summary [--reference-date YYYY-MM-DD] [--out FILE] PATH...`;
const FORMATS = ['json', 'w3c', 'brat', 'conll'];
const IMPORT_FORMATS = ['w3c', 'brat'];

class UsageError extends Error {}

const warn = (message: string) => process.stderr.write(`news-annotator: ${message}\n`);

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command !== 'export' && command !== 'summary' && command !== 'import') throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
  const { values, positionals } = parseOptions(rest);
  if (positionals.length === 0) throw new UsageError('no PATH given');
  const referenceDate = values['reference-date'] ?? null;
  if (referenceDate !== null && !isCalendarDate(referenceDate)) throw new UsageError(`--reference-date must be a date YYYY-MM-DD, got '${referenceDate}'`);
  if (command === 'import') return importCommand(values, positionals, referenceDate);
  const format = values.format ?? 'json';
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format '${format}' (expected one of ${FORMATS.join(', ')})`);

  const files = readArticleFiles(positionals, warn);
  const { index } = indexArticles(files, referenceDate);
  const options = { authors: values.author };
  if (command === 'summary') {
    const doc = exportJson(index, undefined, options);
    if (values.out) writeOutput(values.out, `${JSON.stringify(doc, null, 2)}\n`);
    process.stdout.write(formatSummary(doc, new Map(files.map((f) => [f.displayPath, f.text]))));
    if (values.out) process.stdout.write(`JSON written to ${values.out}\n`);
    return 0;
  }
  if (format === 'brat') {
    writeBrat(exportBrat(index, undefined, options), values.out, files.length);
    return 0;
  }
  const output =
    format === 'conll'
      ? exportConll(index, undefined, options)
      : `${JSON.stringify(format === 'w3c' ? exportW3c(index, undefined, options) : exportJson(index, undefined, options), null, 2)}\n`;
  if (values.out) writeOutput(values.out, output);
  else process.stdout.write(output);
  return 0;
}

/** The articles with their editors' annotations applied, and their annotation files (null when damaged). */
function indexArticles(files: ArticleFile[], referenceDate: string | null): { index: WorkspaceIndex; decisions: Map<ArticleFile, DecisionFile | null> } {
  const index = new WorkspaceIndex();
  const decisions = new Map<ArticleFile, DecisionFile | null>();
  for (const file of files) {
    const stored = readDecisions(file.file);
    if (stored.error) warn(`annotations not loaded: ${stored.error}`);
    decisions.set(file, stored.file);
    // Links name other articles by their path from this article's folder.
    const resolve = (relative: string) => path.resolve(path.dirname(file.file), relative);
    const { analysis, annotations } = analyzeAnnotated(file.text, stored.file, resolve, { fallbackReferenceDate: referenceDate });
    index.set({ id: file.file, displayPath: file.displayPath, text: file.text, analysis, annotations });
  }
  return { index, decisions };
}

/** One article's `.ann` goes to stdout or to FILE.ann; several go to a folder, with their `.txt` and annotation.conf. */
function writeBrat(files: { path: string; content: string }[], out: string | undefined, articles: number): void {
  const anns = files.filter((f) => f.path.endsWith('.ann'));
  if (articles === 1 && (!out || out.endsWith('.ann'))) {
    if (out) writeOutput(out, anns[0].content);
    else process.stdout.write(anns[0].content);
    return;
  }
  if (!out) throw new UsageError('brat writes one .ann file per article: give --out FOLDER');
  for (const file of files) writeOutput(insideFolder(out, file.path), file.content);
}

/**
 * Where a file of an export goes in the folder the user chose: never outside it, whatever the article's path
 * ("../other/article.txt", "/abs/article.txt" keep their names below the folder).
 */
function insideFolder(folder: string, relative: string): string {
  const parts = relative.split(/[\\/]/).filter((part) => part !== '' && part !== '.' && part !== '..');
  const target = path.resolve(folder, ...parts);
  if (!target.startsWith(path.resolve(folder) + path.sep)) throw new ArticleFileError(`refusing to write ${relative} outside ${folder}`);
  return target;
}

function importCommand(values: ReturnType<typeof parseOptions>['values'], positionals: string[], referenceDate: string | null): number {
  const format = values.format;
  if (!format || !IMPORT_FORMATS.includes(format)) throw new UsageError(`import needs --format ${IMPORT_FORMATS.join(' or ')}`);
  if (!values.from) throw new UsageError('import needs --from FILE (W3C) or --from FOLDER (brat)');
  if ((values.author?.length ?? 0) > 1) throw new UsageError('import records one --author');
  const author = values.author?.[0] ?? gitUserName() ?? os.userInfo().username;
  const files = readArticleFiles(positionals, warn);
  const { index, decisions } = indexArticles(files, referenceDate);
  const damaged = files.filter((f) => decisions.get(f) === null);
  if (damaged.length) throw new ArticleFileError(`fix the damaged annotation files first (nothing was imported): ${damaged.map((f) => f.displayPath).join(', ')}`);
  const now = new Date();
  const updates = new Map<ArticleFile, DecisionFile>();
  let imported = 0;
  const skipped: string[] = [];
  if (format === 'w3c') {
    const targets = files.map((f) => ({ path: f.displayPath, text: f.text, file: decisions.get(f)! }));
    const result = importW3c(readJson(values.from), targets, author, now);
    for (const file of files) if (result.files.has(file.displayPath)) updates.set(file, result.files.get(file.displayPath)!);
    imported = result.imported;
    skipped.push(...result.skipped);
  } else {
    for (const [file, ann, text] of bratFiles(values.from, files)) {
      const result = importBrat(ann, index.get(file.file)!, decisions.get(file)!, author, now, text);
      updates.set(file, result.file);
      imported += result.imported;
      skipped.push(...result.skipped.map((s) => `${file.displayPath}: ${s}`));
    }
  }
  for (const line of skipped) warn(`not imported: ${line}`);
  for (const [file, decisionFile] of updates) writeDecisions(file.file, decisionFile);
  process.stdout.write(`Imported ${imported} annotation${imported === 1 ? '' : 's'} into ${updates.size} article${updates.size === 1 ? '' : 's'}.\n`);
  return 0;
}

/** For each article, its `.ann` (and the `.txt` beside it, when there is one) in the brat folder, or the one `.ann` file given. */
function bratFiles(from: string, files: ArticleFile[]): [ArticleFile, string, string | undefined][] {
  if (from.endsWith('.ann')) {
    if (files.length !== 1) throw new UsageError('a single .ann file imports into one article; give a brat folder for several');
    return [[files[0], readText(from)!, readText(`${from.slice(0, -4)}.txt`, true)]];
  }
  if (!fs.existsSync(from) || !fs.statSync(from).isDirectory()) throw new ArticleFileError(`cannot read ${from}: no such brat folder`);
  const found: [ArticleFile, string, string | undefined][] = [];
  for (const file of files) {
    const stem = path.join(from, bratStem(file.displayPath));
    const ann = readText(`${stem}.ann`, true);
    if (ann !== undefined) found.push([file, ann, readText(`${stem}.txt`, true)]);
  }
  if (found.length === 0) throw new ArticleFileError(`no .ann file in ${from} belongs to the articles given`);
  return found;
}

function readText(file: string, optional = false): string | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ArticleFileError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'read error'}`);
  }
  const decoded = decodeArticle(bytes, Infinity, Infinity); // annotation files (JSON, .ann) may be one long line
  if (!decoded.ok) throw new ArticleFileError(`cannot read ${file}: ${decoded.reason}`);
  return decoded.text;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readText(file)!);
  } catch (error) {
    if (error instanceof ArticleFileError) throw error;
    throw new ArticleFileError(`${file} is not valid JSON (${(error as Error).message})`);
  }
}

/** git's user.name, the author of imported annotations when --author names none. */
function gitUserName(): string | null {
  try {
    return execFileSync('git', ['config', 'user.name'], { encoding: 'utf8', timeout: 3000, stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'reference-date': { type: 'string' },
        out: { type: 'string', short: 'o' },
        author: { type: 'string', multiple: true },
        from: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function writeOutput(file: string, content: string): void {
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, content);
  } catch (error) {
    throw new ArticleFileError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? 'write error'}`);
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`news-annotator: ${error.message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else if (error instanceof ArticleFileError || error instanceof ImportError) {
    process.stderr.write(`news-annotator: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    // Still one line, no stack trace: the message is what a user can report.
    process.stderr.write(`news-annotator: unexpected error: ${(error as Error).message ?? error}\n`);
    process.exitCode = 70;
  }
}
