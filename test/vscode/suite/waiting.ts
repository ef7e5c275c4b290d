// What the extension-host suites share: the extension's id, and waiting for VS Code to show a result.
export const EXTENSION_ID = 'news-annotator.news-annotator';

/** Polls `probe` until it gives a value; fails with `what` after `timeoutMs`. */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
