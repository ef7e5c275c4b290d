// An indexed article whose analysis is still the JSON it came in (from the analysis cache or a worker): parsed the
// first time something reads it. Reopening a workspace of thousands of articles then reads and hashes them, and
// builds their analyses' objects only as requests and the cross-article link need them. A cold index holds no
// analysis at all while the workers need the memory: each is read back from the cache's entry it was written to.
import type { AnalysisResult } from './analysisJob';
import { withSpanTexts } from './spanTexts';
import type { IndexedArticle } from '../workspaceIndex';

/** The analysis as JSON, or how to read it when first needed (undefined when it cannot be read any more). */
export type StoredJson = string | (() => string | undefined);

export class StoredArticle implements IndexedArticle {
  private json: StoredJson | null;
  private result: AnalysisResult | null = null;

  /**
   * @param json the analysis without its span texts, as the cache keeps it (see spanTexts)
   * @param analyzeAgain for an entry that does not parse (damaged on disk) or is gone: the analysis made afresh
   */
  constructor(
    readonly id: string,
    readonly displayPath: string,
    readonly text: string,
    json: StoredJson,
    private readonly analyzeAgain: () => AnalysisResult,
  ) {
    this.json = json;
  }

  get analysis(): AnalysisResult['analysis'] {
    return this.restored().analysis;
  }

  get annotations(): AnalysisResult['annotations'] {
    return this.restored().annotations;
  }

  private restored(): AnalysisResult {
    if (!this.result) {
      try {
        const json = typeof this.json === 'string' ? this.json : this.json!();
        this.result = json === undefined ? this.analyzeAgain() : withSpanTexts(JSON.parse(json) as AnalysisResult, this.text);
      } catch {
        this.result = this.analyzeAgain();
      }
      this.json = null; // the objects replace the string (or its reader)
    }
    return this.result;
  }
}
