// A worker thread of the AnalysisPool: analyzes the articles it is sent, one at a time. Each analysis goes back as JSON
// without its span texts: one string crosses threads faster than an object graph is cloned, parsing it is cheaper than
// that clone's deserializing, and the cache stores that string as it is.
import { parentPort } from 'node:worker_threads';
import { forgetAttributionCaches } from '../attributionModel';
import { defaultRecognizer, forgetEntityCaches } from '../entities';
import { type AnalysisJob, FORGET_CACHES } from './analysisJob';
import { WorkerAnalyzer } from './workerAnalyzer';

const analyzer = new WorkerAnalyzer(defaultRecognizer());

parentPort!.on('message', (message: AnalysisJob | typeof FORGET_CACHES) => {
  if (message === FORGET_CACHES) {
    forgetEntityCaches();
    forgetAttributionCaches();
    return;
  }
  try {
    parentPort!.postMessage({ json: analyzer.analyze(message) });
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).stack ?? String(error) });
  }
});
