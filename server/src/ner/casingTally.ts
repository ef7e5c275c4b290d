// The document's casing (contextOf), kept up to date from one analysis of an edited article to the next: the
// tagger's memo gives each unchanged sentence the casingSeen array it had, so only the sentences edited are counted in
// and out, where contextOf reads every word of the article at every keystroke.
import type { DocumentContext } from './features';

export class CasingTally {
  /** Lowercased form → casing → sentences' words showing it (a word's casing goes when its last sentence does). */
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly casing = new Map<string, string>();
  /** The casingSeen arrays counted, with how many sentences gave each. */
  private counted = new Map<readonly string[], number>();

  /**
   * contextOf(sentences), with the same casings: the context returned last is updated in place, so it must not be
   * read after this call. Sentences mostly new (another article) are counted afresh.
   */
  contextOf(sentences: readonly (readonly string[])[]): DocumentContext {
    const next = new Map<readonly string[], number>();
    let kept = 0;
    for (const seen of sentences) {
      next.set(seen, (next.get(seen) ?? 0) + 1);
      if (this.counted.has(seen)) kept++;
    }
    if (kept * 2 < sentences.length) {
      this.counts.clear();
      this.casing.clear();
      this.counted.clear();
    }
    for (const [seen, times] of this.counted) this.count(seen, Math.min(0, (next.get(seen) ?? 0) - times));
    for (const [seen, times] of next) this.count(seen, Math.max(0, times - (this.counted.get(seen) ?? 0)));
    this.counted = next;
    return { casing: this.casing };
  }

  /** Counts a sentence's casings `times` more times (fewer when negative). */
  private count(seen: readonly string[], times: number): void {
    if (times === 0) return;
    for (let i = 0; i < seen.length; i += 2) {
      const key = seen[i];
      let byCasing = this.counts.get(key);
      if (!byCasing) this.counts.set(key, (byCasing = new Map()));
      const count = (byCasing.get(seen[i + 1]) ?? 0) + times;
      if (count > 0) byCasing.set(seen[i + 1], count);
      else byCasing.delete(seen[i + 1]);
      // As contextOf: the one casing seen, or 'mixed' where several are.
      if (byCasing.size === 0) {
        this.counts.delete(key);
        this.casing.delete(key);
      } else this.casing.set(key, byCasing.size === 1 ? byCasing.keys().next().value! : 'mixed');
    }
  }
}
