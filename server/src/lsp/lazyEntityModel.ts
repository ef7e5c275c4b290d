// The entity model, loaded the first time an article needs tagging in this thread: a workspace reopened from the
// analysis cache never loads it, and the main thread does not hold a copy while the workers index. A model that
// cannot be read turns entities off, and says why once.
import type { EntityRecognizer } from '../entities';

export class LazyEntityModel {
  private loaded: EntityRecognizer | undefined;
  private failure: string | undefined;

  /** `onFailure` hears the reason when `load` throws; articles are then tagged with no entities. */
  constructor(
    private readonly load: () => EntityRecognizer,
    private readonly onFailure: (message: string) => void,
  ) {}

  /** Tags with the model, loading it on the first call. */
  readonly recognizer: EntityRecognizer = { recognize: (text, sentences, memo, tokens) => this.model().recognize(text, sentences, memo, tokens) };

  /** Why entities are off; undefined while the model works or has not been needed yet. */
  get error(): string | undefined {
    return this.failure;
  }

  private model(): EntityRecognizer {
    if (this.loaded) return this.loaded;
    try {
      this.loaded = this.load();
    } catch (error) {
      this.failure = (error as Error).message;
      this.loaded = { recognize: () => [] };
      this.onFailure(this.failure);
    }
    return this.loaded;
  }
}
