// A worker thread of the AnalysisPool: analyzes the articles it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { defaultRecognizer } from '../entities';
import { type AnalysisJob, analyzeJob } from './analysisJob';
import { withoutSpanTexts } from './spanTexts';

const recognizer = defaultRecognizer();

parentPort!.on('message', (job: AnalysisJob) => {
  try {
    parentPort!.postMessage({ result: withoutSpanTexts(analyzeJob(job, recognizer), job.text) });
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).stack ?? String(error) });
  }
});
