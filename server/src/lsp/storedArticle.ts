// An indexed article whose analysis is still the JSON it came in (from the analysis cache or a worker): parsed the
// first time something reads it. Reopening a workspace of thousands of articles then reads and hashes them, and
// builds their analyses' objects only as requests and the cross-article link need them; a cold index holds each
// analysis as one string, not as thousands of objects, while the workers still need the memory.
import type { AnalysisResult } from './analysisJob';
import { withSpanTexts } from './spanTexts';
import type { IndexedArticle } from '../workspaceIndex';

export class StoredArticle implements IndexedArticle {
  private json: string | null;
  private result: AnalysisResult | null = null;

  /**
   * @param json the analysis without its span texts, as the cache keeps it (see spanTexts)
   * @param analyzeAgain for an entry that does not parse (damaged on disk): the analysis made afresh
   */
  constructor(
    readonly id: string,
    readonly displayPath: string,
    readonly text: string,
    json: string,
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
        this.result = withSpanTexts(JSON.parse(this.json!) as AnalysisResult, this.text);
      } catch {
        this.result = this.analyzeAgain();
      }
      this.json = null; // the objects replace the string
    }
    return this.result;
  }
}
