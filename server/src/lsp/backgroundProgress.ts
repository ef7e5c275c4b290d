// The editor's progress for articles analyzed in the background, so a long article that shows nothing yet says why.
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver/node';

export class BackgroundProgress {
  /** The progress shown (or about to be) for each article, by URI. */
  private readonly shown = new Map<string, Promise<WorkDoneProgressServerReporter | undefined>>();

  /**
   * `create`: a work-done progress in the editor. `delayMs`: an analysis done sooner shows none (a keystroke in a long
   * article is analyzed in the background in a fraction of a second).
   */
  constructor(
    private readonly create: () => Promise<WorkDoneProgressServerReporter>,
    private readonly delayMs: number,
  ) {}

  /** An analysis of the article started: `title` and `message` show from `delayMs` on, until `settled`. */
  started(uri: string, title: string, message: string): void {
    if (this.shown.has(uri)) return;
    const shown: Promise<WorkDoneProgressServerReporter | undefined> = new Promise((resolve) => setTimeout(resolve, this.delayMs)).then(async () => {
      if (this.shown.get(uri) !== shown) return undefined; // settled meanwhile
      const progress = await this.create();
      progress.begin(title, undefined, message);
      return progress;
    }).catch(() => undefined); // a client without progress: the hover and the problem say it too
    this.shown.set(uri, shown);
  }

  settled(uri: string): void {
    const shown = this.shown.get(uri);
    this.shown.delete(uri);
    void shown?.then((progress) => progress?.done());
  }
}
