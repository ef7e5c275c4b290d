// A worker thread of the AnalysisPool: analyzes the articles it is sent, one at a time. Each analysis goes back as JSON
// without its span texts: one string crosses threads faster than an object graph is cloned, parsing it is cheaper than
// that clone's deserializing, and the cache stores that string as it is.
import { parentPort } from 'node:worker_threads';
import { defaultRecognizer } from '../entities';
import { type AnalysisJob, analyzeJob } from './analysisJob';
import { withoutSpanTexts } from './spanTexts';

const recognizer = defaultRecognizer();

parentPort!.on('message', (job: AnalysisJob) => {
  try {
    parentPort!.postMessage({ json: JSON.stringify(withoutSpanTexts(analyzeJob(job, recognizer), job.text)) });
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).stack ?? String(error) });
  }
});
