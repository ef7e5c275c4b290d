// npm run bench: speed and memory figures on the unlabelled news corpus, written to BENCHMARKS.md.
// Options: --stride N (throughput on every Nth article, default 10; 1 = all), --no-full-index (skip indexing
// the whole corpus, the slowest part), --lsp-only (only the language server on the BBC folder), --corpus-only (only
// the language server indexing and reopening the whole corpus). With --lsp-only or --corpus-only BENCHMARKS.md is not
// rewritten.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchEntityTagger } from './bench/entityTagger';
import { type IndexFigures, benchIndex, benchLspLatency, longArticle } from './bench/lspLatency';
import { benchPipelineStages } from './bench/pipelineStages';
import { corpusDir, repoRoot } from './dataPaths';

const args = process.argv.slice(2);
const stride = Number(args[args.indexOf('--stride') + 1] || 10) || 10;
const lspOnly = args.includes('--lsp-only');
const corpusOnly = args.includes('--corpus-only');
const fullIndex = corpusOnly || (!args.includes('--no-full-index') && !lspOnly);
/** Keystrokes timed on the long article: enough that p99 is not the single slowest one. */
const KEYSTROKES = 200;

function articleFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(dir, f));
}

const read = (file: string) => fs.readFileSync(file, 'utf8');
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const indexLine = (label: string, figures: IndexFigures, note: string) =>
  `  ${label.padEnd(18)}${f1(figures.seconds)} s (${figures.cpuSeconds === null ? '?' : f1(figures.cpuSeconds)} s CPU, ${figures.mainThreadCpuSeconds === null ? '?' : f1(figures.mainThreadCpuSeconds)} s on the main thread), peak RSS ${figures.peakRssMb === null ? '?' : f1(figures.peakRssMb)} MB${note}`;

async function main(): Promise<void> {
  const started = performance.now();
  const bbcDir = path.join(corpusDir, 'bbc');
  const bbc = articleFiles(bbcDir);
  const all = [...bbc, ...articleFiles(path.join(corpusDir, 'reuters21578'))];
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };

  const bbcTexts = bbc.map(read);
  if (!lspOnly && !corpusOnly) {
    for (const line of benchEntityTagger(bbcTexts)) say(line);
    const sample = all.filter((_, i) => i % stride === 0).map(read);
    const stages = benchPipelineStages(sample);
    say(`Pipeline, one core (${sample.length} articles, every ${stride === 1 ? '' : `${stride}th `}of ${all.length}: ${f2(stages.megabytes)} MB)`);
    for (const [stage, rate] of stages.stages) say(`  ${stage.padEnd(18)}${f2(rate).padStart(8)} MB/s`);
    say(`  whole pipeline    ${f2(stages.pipeline).padStart(8)} MB/s`);
    say(`  compromise        ${f2(stages.compromise).padStart(8)} MB/s (people, places, organizations)`);
    say(`  chrono-node       ${f2(stages.chrono).padStart(8)} MB/s (parse)`);
    say(`  pipeline / compromise ${f2(stages.pipeline / stages.compromise)}x`);
  }

  if (!corpusOnly) {
    const feature = longArticle(bbcTexts.slice(0, 40), 5000);
    const bbcCache = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-bench-'));
    const lsp = await benchLspLatency(bbcDir, bbc.length, feature, 100, KEYSTROKES, bbcCache);
    const reopen = await benchIndex(bbcDir, bbc.length, bbcCache);
    fs.rmSync(bbcCache, { recursive: true, force: true });
    say(`Language server, BBC folder as workspace (${lsp.articles} articles)`);
    say(indexLine('cold index', lsp, ' (empty analysis cache)'));
    say(indexLine('reopen', reopen, ' (analyses from the on-disk cache)'));
    say(`  first request on the open article ${f1(lsp.firstAnswer)} ms (analyzes it, loads the models)`);
    say(`  hover while indexing p50 ${f1(lsp.hoverWhileIndexing.p50)} ms, max ${f1(lsp.hoverWhileIndexing.max)} ms (${lsp.hoverWhileIndexing.count} requests)`);
    say(`  ${lsp.words}-word article, 100 requests each, ${KEYSTROKES} keystrokes:`);
    say(`  hover             p50 ${f1(lsp.hover[0])} ms, p99 ${f1(lsp.hover[1])} ms`);
    say(`  semantic tokens   p50 ${f1(lsp.semanticTokens[0])} ms, p99 ${f1(lsp.semanticTokens[1])} ms`);
    say(`  keystroke to diagnostics p50 ${f1(lsp.keystrokeToDiagnostics[0])} ms, p99 ${f1(lsp.keystrokeToDiagnostics[1])} ms, slowest ${f1(lsp.slowestKeystroke)} ms, first ${f1(lsp.firstKeystroke)} ms`);
    const cpu = lsp.keystrokeCpu;
    if (cpu) say(`  keystroke, server main-thread CPU p50 ${f1(cpu.p50)} ms, p99 ${f1(cpu.p99)} ms, slowest ${f1(cpu.slowest)} ms, first ${f1(cpu.first)} ms`);
  }

  if (fullIndex) {
    const corpusCache = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-bench-'));
    const cold = await benchIndex(corpusDir, all.length, corpusCache);
    const reopen = await benchIndex(corpusDir, all.length, corpusCache);
    fs.rmSync(corpusCache, { recursive: true, force: true });
    say(`Language server, whole corpus as workspace (${cold.articles} articles)`);
    say(indexLine('cold index', cold, ' (empty analysis cache)'));
    say(indexLine('reopen', reopen, ' (analyses from the on-disk cache)'));
  }
  say(`(bench took ${f1((performance.now() - started) / 1000)} s)`);
  if (lspOnly || corpusOnly) return;

  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${f1(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
  const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
  writeMeasured(path.join(repoRoot, 'BENCHMARKS.md'), [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}, with \`${command}\` on \`../shared/corpus\`.`,
    'Throughput is CPU time of one process; ratios measured in the same run are what count.',
    '',
    '```',
    ...lines,
    '```',
  ]);
}

const START = '<!-- measured by npm run bench: start -->';
const END = '<!-- measured by npm run bench: end -->';

/** Replaces the measured part of the file, keeping what people wrote around it (the figures against the targets). */
function writeMeasured(file: string, measured: string[]): void {
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const start = old.indexOf(START);
  const end = old.indexOf(END);
  const [before, after] = start >= 0 && end > start ? [old.slice(0, start), old.slice(end + END.length)] : [`${old.trimEnd()}\n\n`, '\n'];
  fs.writeFileSync(file, `${before}${START}\n${measured.join('\n')}\n${END}${after}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
