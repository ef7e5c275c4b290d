// Command line: `export` writes the JSON of the export contract; `summary` also prints a readable report.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeArticle } from './analyze';
import { ArticleFileError, readArticleFiles } from './articleFiles';
import { exportJson } from './exportJson';
import { readDecisions } from './lsp/decisionStore';
import { formatSummary } from './summary';
import { isCalendarDate } from './timex';
import { WorkspaceIndex } from './workspaceIndex';

const USAGE = `usage: news-annotator export [--format json] [--reference-date YYYY-MM-DD] [--out FILE] PATH...
       news-annotator summary [--reference-date YYYY-MM-DD] [--out FILE] PATH...`;
const FORMATS = ['json', 'w3c', 'brat', 'conll'];

class UsageError extends Error {}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command !== 'export' && command !== 'summary') throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
  const { values, positionals } = parseOptions(rest);
  if (positionals.length === 0) throw new UsageError('no PATH given');
  const format = values.format ?? 'json';
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format '${format}' (expected one of ${FORMATS.join(', ')})`);
  if (format !== 'json') throw new UsageError(`format '${format}' is not available yet; use --format json`);
  const referenceDate = values['reference-date'] ?? null;
  if (referenceDate !== null && !isCalendarDate(referenceDate)) throw new UsageError(`--reference-date must be a date YYYY-MM-DD, got '${referenceDate}'`);

  const warn = (message: string) => process.stderr.write(`news-annotator: ${message}\n`);
  const files = readArticleFiles(positionals, warn);
  const index = new WorkspaceIndex();
  for (const file of files) {
    // An article's date set in the editor ("Set article date...") is stored with its annotations.
    const decisions = readDecisions(file.file);
    if (decisions.error) warn(`annotations not loaded: ${decisions.error}`);
    const articleDate = decisions.file?.articleDate?.date ?? null;
    index.set({ id: file.file, displayPath: file.displayPath, text: file.text, analysis: analyzeArticle(file.text, { fallbackReferenceDate: referenceDate, articleDate }) });
  }
  const doc = exportJson(index);
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  if (values.out) writeOutput(values.out, json);
  if (command === 'summary') {
    process.stdout.write(formatSummary(doc, new Map(files.map((f) => [f.displayPath, f.text]))));
    if (values.out) process.stdout.write(`JSON written to ${values.out}\n`);
  } else if (!values.out) {
    process.stdout.write(json);
  }
  return 0;
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' }, 'reference-date': { type: 'string' }, out: { type: 'string', short: 'o' } },
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
  } else if (error instanceof ArticleFileError) {
    process.stderr.write(`news-annotator: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
