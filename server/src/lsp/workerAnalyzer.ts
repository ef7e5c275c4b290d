// What a worker thread does with each article it is sent: analyzes it, and for an article open in an editor remembers
// what it read of its sentences (a long article's keystrokes are analyzed in a worker too: see articleWorkspace).
import { AnalysisMemo } from '../analysisMemo';
import type { EntityRecognizer } from '../entities';
import { type AnalysisJob, analyzeJob } from './analysisJob';
import { withoutSpanTexts } from './spanTexts';

export class WorkerAnalyzer {
  /** Only open articles' sentences: an indexed article is read once, and would push them out. */
  private readonly memo = new AnalysisMemo();

  constructor(private readonly recognizer: EntityRecognizer) {}

  /** The analysis as JSON without its span texts (see spanTexts). */
  analyze(job: AnalysisJob): string {
    return JSON.stringify(withoutSpanTexts(analyzeJob(job, this.recognizer, job.open ? this.memo : undefined), job.text));
  }
}
