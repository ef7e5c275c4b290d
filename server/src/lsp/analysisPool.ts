// Worker threads that analyze articles, so indexing a folder uses every core and the main thread stays free to
// answer the editor. Workers start when there is work and stop when asked (after indexing), giving back their memory.
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { type AnalysisJob, FORGET_CACHES } from './analysisJob';

interface Task {
  job: AnalysisJob;
  resolve: (json: string) => void;
  reject: (error: Error) => void;
  /** Its worker ran out of memory: it runs once more, in a fresh worker with twice as much. */
  retried: boolean;
}

type Reply = { json: string } | { error: string };

/**
 * A worker forgets its analyzers' caches after this many analyses, against slow growth of its memory. It is not
 * replaced: a new worker costs a model load and code that runs cold again, about 3.5 s of CPU each (indexing the BBC
 * folder cold, workers replaced every 600 analyses: 48-59 s of CPU; kept, forgetting instead: 38-45 s). The caches
 * hold about 10 MB of live heap after 150 BBC articles and 22 MB after 600; forgetting them every 150 costs a little CPU
 * (BBC cold index, 7 alternated pairs: +1.1 s median, 3.5 %, from -1.7 to +4.9 s) for about 30 MB less peak memory.
 * Their heaps at the end of a cold index, when the server holds the most, are part of its peak memory.
 */
const ANALYSES_PER_WORKER = 150;
/** A worker's young generation, in MB: V8's default holds about 15 MB more per worker, for garbage that dies young. */
const WORKER_YOUNG_GENERATION_MB = 8;
/**
 * A worker's old generation, in MB: well above what an analysis keeps (the models and the analyzers' bounded caches),
 * and low enough that V8 collects instead of growing its heap (BBC folder, 600 analyses a worker: peak RSS of the
 * server 378 MB with this limit, 490 MB without). A worker that runs out gets its article analyzed once more, alone in
 * a fresh worker with twice the limit (an article of 1.9 million characters of rare words ran a worker out at 160 MB
 * and was analyzed at 170).
 */
const WORKER_OLD_GENERATION_MB = 160;

/** The article needs more memory than a worker may use, even one of its own with twice as much: in words for the editor. */
export class AnalysisFailure extends Error {}

export class AnalysisPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  /** Analyses each worker does before it next forgets its caches. */
  private readonly shares = new Map<Worker, number>();
  /** Workers started so far. */
  private started = 0;
  /** Workers stopping (one made room for a retry, or did it): no more than `size` workers hold memory at once. */
  private retiring = 0;

  /**
   * `workerFile`: a script that runs analysisWorker in a worker thread (the server bundle does).
   * `youngGenerationMb`: null for V8's default.
   */
  constructor(
    private readonly workerFile: string,
    readonly size = os.availableParallelism(),
    private readonly analysesPerWorker = ANALYSES_PER_WORKER,
    private readonly oldGenerationMb = WORKER_OLD_GENERATION_MB,
    private readonly youngGenerationMb: number | null = WORKER_YOUNG_GENERATION_MB,
  ) {}

  /**
   * The one worker that analyzes long articles, an open one at each keystroke. With V8's default young generation
   * (48 MB): in the indexing workers' 8 MB, a keystroke in an article of 100,000 characters took 90-98 ms of CPU, and
   * 66-69 ms with the default; at 200,000 characters, 173 ms and 143 ms.
   */
  static forLongArticles(workerFile: string): AnalysisPool {
    return new AnalysisPool(workerFile, 1, ANALYSES_PER_WORKER, WORKER_OLD_GENERATION_MB, null);
  }

  /**
   * The analysis as JSON without its span texts (see spanTexts): what the cache keeps, parsed when it is read. Rejects
   * with an AnalysisFailure when the article needs more memory than a worker may use, and with the error when the
   * analysis throws or its worker dies otherwise (a model that cannot be read).
   */
  analyze(job: AnalysisJob): Promise<string> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject, retried: false });
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
      const retry = this.queue[0].retried;
      // A retry needs a fresh worker with more memory: an idle one stops to make room for it.
      if (retry && this.idle.length > 0) this.retire(this.idle.pop()!);
      const room = this.busy.size + this.retiring + this.idle.length < this.size;
      const worker = retry ? (room ? this.start(true) : undefined) : (this.idle.pop() ?? (room ? this.start(false) : undefined));
      if (!worker) return;
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      worker.postMessage(task.job);
    }
  }

  /** `forRetry`: a worker with twice the memory for one analysis, which failed in a worker of the usual size. */
  private start(forRetry: boolean): Worker {
    const oldGenerationMb = forRetry ? 2 * this.oldGenerationMb : this.oldGenerationMb;
    const youngGeneration = this.youngGenerationMb === null ? {} : { maxYoungGenerationSizeMb: this.youngGenerationMb };
    const worker = new Worker(this.workerFile, { resourceLimits: { ...youngGeneration, maxOldGenerationSizeMb: oldGenerationMb } });
    // A worker's memory grows with the analyses since it last forgot its caches. The first workers get staggered first
    // shares (with two: half, then all), so that they forget at different times and never all hold the most at once.
    if (!forRetry) {
      const order = ++this.started;
      this.shares.set(worker, order <= this.size ? Math.ceil((this.analysesPerWorker * order) / this.size) : this.analysesPerWorker);
    }
    worker.on('message', (reply: Reply) => {
      const task = this.busy.get(worker);
      if (!task) return;
      this.busy.delete(worker);
      if (forRetry) {
        this.retire(worker); // its one analysis done, its memory goes back
      } else {
        const left = this.shares.get(worker)! - 1;
        this.shares.set(worker, left > 0 ? left : this.analysesPerWorker);
        if (left === 0) worker.postMessage(FORGET_CACHES); // before its next article: messages arrive in order
        this.idle.push(worker);
      }
      // An analysis that throws would throw again: no retry.
      if ('json' in reply) task.resolve(reply.json);
      else task.reject(new Error(reply.error));
      this.next();
    });
    // A worker that dies fails its article (one out of memory is tried once more: see lost); the next gets a new worker.
    worker.on('error', (error) => this.lost(worker, error, oldGenerationMb));
    worker.on('exit', (code) => this.lost(worker, new Error(`the analysis worker stopped (exit code ${code})`), oldGenerationMb));
    return worker;
  }

  private retire(worker: Worker): void {
    this.shares.delete(worker);
    worker.removeAllListeners('exit');
    this.retiring++;
    void worker.terminate().finally(() => {
      this.retiring--;
      this.next();
    });
  }

  private lost(worker: Worker, error: Error, oldGenerationMb: number): void {
    this.shares.delete(worker);
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    const idle = this.idle.indexOf(worker);
    if (idle >= 0) this.idle.splice(idle, 1);
    const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (task && outOfMemory && !task.retried) {
      task.retried = true;
      this.queue.unshift(task);
    } else if (task) {
      task.reject(outOfMemory ? new AnalysisFailure(`the analysis needs more than the ${oldGenerationMb} MB of memory a worker may use`) : error);
    }
    this.next();
  }
}
