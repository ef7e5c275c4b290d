// One article's analysis as a message: what a worker thread needs to analyze it the way the main thread would.
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { AnalysisMemo } from '../analysisMemo';
import { analyzeAnnotated } from '../articleAnnotations';
import type { DecisionFile } from '../decisions';
import type { EntityRecognizer } from '../entities';

export interface AnalysisJob {
  uri: string;
  text: string;
  decisions: DecisionFile | null;
  fallbackReferenceDate: string | null;
  /** Open in an editor: a worker remembers what it read of its sentences, so that after a keystroke it re-reads only those changed. */
  open?: boolean;
}

export type AnalysisResult = ReturnType<typeof analyzeAnnotated>;

/** The message that has a worker forget what its analyzers remember for speed, so that their memory can go. */
export const FORGET_CACHES = 'forget caches';

export function analyzeJob(job: AnalysisJob, recognizer: EntityRecognizer, memo?: AnalysisMemo): AnalysisResult {
  const parsed = URI.parse(job.uri);
  // Links name other articles by their path from this article's folder.
  const resolve = (relative: string) => (parsed.scheme === 'file' ? URI.file(path.resolve(path.dirname(parsed.fsPath), relative)).toString() : relative);
  return analyzeAnnotated(job.text, job.decisions, resolve, { fallbackReferenceDate: job.fallbackReferenceDate, recognizer, memo });
}
