// What the extension-host suites share: the extension's id, starting it, and waiting for VS Code to show a result.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'news-annotator.news-annotator';

/** Activates the extension and waits for its language server to start (activation does not wait for it). */
export async function activated(): Promise<{ activationMs: number }> {
  const api = await vscode.extensions.getExtension<{ activationMs: number; started: Promise<void> }>(EXTENSION_ID)!.activate();
  await api.started;
  return api;
}

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
