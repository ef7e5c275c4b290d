// Editor-facing figures: cold index time and peak memory of the server, and request latency (hover, semantic
// tokens, keystroke to updated diagnostics) on a 5,000-word article in a workspace that is already indexed.
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type TestServer, indexed, startServer } from '../lspClient';
import { cpuSeconds, mainThreadCpuMs, peakRssMb, percentile, timed } from './lspSession';

export interface IndexFigures {
  articles: number;
  seconds: number;
  /** CPU time of the server process (all threads) until indexing ended, or null where it cannot be read. */
  cpuSeconds: number | null;
  /**
   * The part of `cpuSeconds` on the server's main thread (reading, hashing, the cache, the index), or null where it
   * cannot be read; the rest is the analysis workers and V8's helper threads (garbage collection, compilation).
   */
  mainThreadCpuSeconds: number | null;
  peakRssMb: number | null;
}

export interface LatencyFigures extends IndexFigures {
  words: number;
  /** p50 and p99 in ms. */
  hover: [number, number];
  semanticTokens: [number, number];
  keystrokeToDiagnostics: [number, number];
  /** The slowest keystroke and the first one (the first edit since the workspace was linked), ms. */
  slowestKeystroke: number;
  firstKeystroke: number;
  /** CPU time of the server's main thread per keystroke: p50, p99, slowest and first, ms; null where it cannot be read. */
  keystrokeCpu: { p50: number; p99: number; slowest: number; first: number } | null;
  /** The first request on the open article, ms: it analyzes the article and loads the models. */
  firstAnswer: number;
  /** Hover on the article's names and dates while the first indexing pass was still running: p50 and max, ms, and how many. */
  hoverWhileIndexing: { p50: number; max: number; count: number };
}

const ARTICLE_SETTINGS = { articleFiles: ['**/*.txt'] };

/** The server's CPU so far, all threads and its main thread's part. */
function indexCpu(server: TestServer): Pick<IndexFigures, 'cpuSeconds' | 'mainThreadCpuSeconds'> {
  const mainMs = mainThreadCpuMs(server);
  return { cpuSeconds: cpuSeconds(server), mainThreadCpuSeconds: mainMs === null ? null : mainMs / 1000 };
}

/** Opens `folder` as a workspace and measures how long the first indexing pass takes, with the cache in `cacheDir`. */
export async function benchIndex(folder: string, articles: number, cacheDir?: string): Promise<IndexFigures> {
  const start = performance.now();
  const server = await startServer(folder, ARTICLE_SETTINGS, cacheDir);
  await indexed(server, Infinity);
  const seconds = (performance.now() - start) / 1000;
  const cpu = indexCpu(server);
  const peakRss = peakRssMb(server);
  await server.stop();
  return { articles, seconds, ...cpu, peakRssMb: peakRss };
}

/** Joins whole articles until the text has at least `words` words: a long feature, as a newsroom writes them. */
export function longArticle(texts: readonly string[], words: number): string {
  const parts: string[] = [];
  let count = 0;
  for (const text of texts) {
    if (count >= words) break;
    parts.push(text.trim());
    count += text.split(/\s+/).filter(Boolean).length;
  }
  return parts.join('\n\n') + '\n';
}

interface Position {
  line: number;
  character: number;
}

function tokenStarts(data: number[]): Position[] {
  const starts: Position[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    starts.push({ line, character: character + 1 });
  }
  return starts;
}

export async function benchLspLatency(folder: string, articles: number, article: string, runs: number, keystrokes: number, cacheDir?: string): Promise<LatencyFigures> {
  const start = performance.now();
  const server = await startServer(folder, ARTICLE_SETTINGS, cacheDir, { pullOnRefresh: true });
  const { connection } = server;
  // Not on disk: an editor's new, unsaved article in the workspace folder.
  const uri = await server.open(path.join(folder, 'zz-bench-long-feature.txt'), article);
  const textDocument = { uri };
  let indexing = true;
  void indexed(server, Infinity).then(() => (indexing = false));
  const first = performance.now();
  const tokens = (await connection.sendRequest('textDocument/semanticTokens/full', { textDocument })) as { data: number[] };
  const firstAnswer = performance.now() - first;
  // Hovers on names and dates read the cross-article index, which is still being built.
  const starts = tokenStarts(tokens.data);
  if (!starts.length) throw new Error('the bench article has no names or dates to hover on');
  const during: number[] = [];
  for (let i = 0; indexing; i++) {
    const t = performance.now();
    await connection.sendRequest('textDocument/hover', { textDocument, position: starts[(i * 7) % starts.length] });
    if (indexing) during.push(performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = indexCpu(server);

  await connection.sendRequest('textDocument/hover', { textDocument, position: starts[0] }); // first cross-article answer links the index
  const hover = await timed(runs, (i) => connection.sendRequest('textDocument/hover', { textDocument, position: starts[(i * 7) % starts.length] }));
  const semanticTokens = await timed(runs, () => connection.sendRequest('textDocument/semanticTokens/full', { textDocument }));

  // A keystroke: type a letter at the end of the first line, then take it back, as the editor sends them.
  const firstLine = article.slice(0, article.indexOf('\n'));
  const at = { line: 0, character: firstLine.length };
  let version = 1;
  const keystrokeCpu: number[] = [];
  const keystroke = await timed(keystrokes, async (i) => {
    const typed = i % 2 === 0;
    const range = typed ? { start: at, end: at } : { start: at, end: { line: 0, character: at.character + 1 } };
    const cpuBefore = mainThreadCpuMs(server);
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range, text: typed ? 's' : '' }] });
    const report = await connection.sendRequest('textDocument/diagnostic', { textDocument });
    const cpuAfter = mainThreadCpuMs(server);
    if (cpuBefore !== null && cpuAfter !== null) keystrokeCpu.push(cpuAfter - cpuBefore);
    return report;
  });
  const peakRss = peakRssMb(server);
  await server.stop();
  const p = (samples: number[]): [number, number] => [percentile(samples, 50), percentile(samples, 99)];
  return {
    articles,
    seconds,
    ...cpu,
    peakRssMb: peakRss,
    words: article.split(/\s+/).filter(Boolean).length,
    hover: p(hover),
    semanticTokens: p(semanticTokens),
    keystrokeToDiagnostics: p(keystroke),
    slowestKeystroke: Math.max(...keystroke),
    firstKeystroke: keystroke[0],
    keystrokeCpu: keystrokeCpu.length === keystroke.length
      ? { p50: percentile(keystrokeCpu, 50), p99: percentile(keystrokeCpu, 99), slowest: Math.max(...keystrokeCpu), first: keystrokeCpu[0] }
      : null,
    firstAnswer,
    hoverWhileIndexing: { p50: during.length ? percentile(during, 50) : NaN, max: during.length ? Math.max(...during) : NaN, count: during.length },
  };
}
