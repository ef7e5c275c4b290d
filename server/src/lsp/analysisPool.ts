// Worker threads that analyze articles, so indexing a folder uses every core and the main thread stays free to
// answer the editor. Workers start when there is work and stop when asked (after indexing), giving back their memory.
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { type AnalysisJob, FORGET_CACHES } from './analysisJob';

interface Task {
  job: AnalysisJob;
  resolve: (json: string) => void;
  reject: (error: Error) => void;
}

type Reply = { json: string } | { error: string };

/**
 * A worker forgets its analyzers' caches after this many analyses, against slow growth of its memory. It is not
 * replaced: a new worker costs a model load and code that runs cold again, about 3.5 s of CPU each (indexing the BBC
 * folder cold, workers replaced every 600 analyses: 48-59 s of CPU; kept, forgetting instead: 38-45 s).
 */
const ANALYSES_PER_WORKER = 600;
/** A worker's young generation, in MB: V8's default holds about 15 MB more per worker, for garbage that dies young. */
const WORKER_YOUNG_GENERATION_MB = 8;
/**
 * A worker's old generation, in MB: well above what an analysis keeps (the models and the analyzers' bounded caches),
 * and low enough that V8 collects instead of growing its heap (BBC folder, 600 analyses a worker: peak RSS of the
 * server 378 MB with this limit, 490 MB without). A worker that runs out fails its article, which the main thread
 * then analyzes itself.
 */
const WORKER_OLD_GENERATION_MB = 160;

export class AnalysisPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  /** Analyses each worker does before it next forgets its caches. */
  private readonly shares = new Map<Worker, number>();
  /** Workers started so far. */
  private started = 0;

  /** `workerFile`: a script that runs analysisWorker in a worker thread (the server bundle does). */
  constructor(
    private readonly workerFile: string,
    readonly size = os.availableParallelism(),
    private readonly analysesPerWorker = ANALYSES_PER_WORKER,
  ) {}

  /** The analysis as JSON without its span texts (see spanTexts): what the cache keeps, parsed when it is read. */
  analyze(job: AnalysisJob): Promise<string> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.next();
    });
  }

  /** Stops the workers; analyses queued or running are refused. */
  async close(): Promise<void> {
    const stopping = new Error('the analysis pool was closed');
    for (const task of this.queue.splice(0)) task.reject(stopping);
    for (const task of this.busy.values()) task.reject(stopping);
    const workers = [...this.idle.splice(0), ...this.busy.keys()];
    this.busy.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private next(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.busy.size < this.size ? this.start() : undefined);
      if (!worker) return;
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      worker.postMessage(task.job);
    }
  }

  private start(): Worker {
    const worker = new Worker(this.workerFile, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB } });
    // A worker's memory grows with the analyses since it last forgot its caches. The first workers get staggered first
    // shares (with two: half, then all), so that they forget at different times and never all hold the most at once.
    const order = ++this.started;
    this.shares.set(worker, order <= this.size ? Math.ceil((this.analysesPerWorker * order) / this.size) : this.analysesPerWorker);
    worker.on('message', (reply: Reply) => {
      const task = this.busy.get(worker);
      if (!task) return;
      this.busy.delete(worker);
      const left = this.shares.get(worker)! - 1;
      this.shares.set(worker, left > 0 ? left : this.analysesPerWorker);
      if (left === 0) worker.postMessage(FORGET_CACHES); // before its next article: messages arrive in order
      this.idle.push(worker);
      if ('json' in reply) task.resolve(reply.json);
      else task.reject(new Error(reply.error));
      this.next();
    });
    // A worker that dies (out of memory, a crash) fails its article; the next article gets a new worker.
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`analysis worker stopped (exit code ${code})`)));
    return worker;
  }

  private lost(worker: Worker, error: Error): void {
    this.shares.delete(worker);
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    const idle = this.idle.indexOf(worker);
    if (idle >= 0) this.idle.splice(idle, 1);
    task?.reject(error);
    this.next();
  }
}
