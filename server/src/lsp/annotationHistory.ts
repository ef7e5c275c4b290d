// Undo and redo of editors' annotations, across articles, most recent first. A step restores an annotation file's
// whole text, and only when the file still holds what that step left: a change made since on disk (git checkout,
// another window) is never overwritten by an undo.
import { readDecisionText, writeDecisionText } from './decisionStore';

export interface HistoryStep {
  articlePath: string;
  /** What was done, as a person would say it: "Person: Dmitri Orlov". */
  label: string;
  /** The annotation file's text before and after; null when there was no file. */
  before: string | null;
  after: string | null;
}

export class HistoryConflict extends Error {}

const LIMIT = 200;

export class AnnotationHistory {
  private readonly done: HistoryStep[] = [];
  private readonly undone: HistoryStep[] = [];

  record(step: HistoryStep): void {
    this.done.push(step);
    if (this.done.length > LIMIT) this.done.shift();
    this.undone.length = 0;
  }

  /** Restores the file before the last step and returns that step, or null when there is nothing to undo. */
  undo(): HistoryStep | null {
    return this.move(this.done, this.undone, (step) => [step.after, step.before]);
  }

  redo(): HistoryStep | null {
    return this.move(this.undone, this.done, (step) => [step.before, step.after]);
  }

  private move(from: HistoryStep[], to: HistoryStep[], states: (step: HistoryStep) => [string | null, string | null]): HistoryStep | null {
    const step = from.pop();
    if (!step) return null;
    const [expected, restored] = states(step);
    if (readDecisionText(step.articlePath) !== expected) {
      throw new HistoryConflict(`the annotations of ${step.articlePath} changed on disk since "${step.label}"; nothing was changed`);
    }
    writeDecisionText(step.articlePath, restored);
    to.push(step);
    return step;
  }
}
