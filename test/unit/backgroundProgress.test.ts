// An article analyzed in the background shows a progress only when that takes a while: a keystroke in a long article,
// analyzed again in a fraction of a second, must not flash one.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { BackgroundProgress } from '../../server/src/lsp/backgroundProgress';

/** Progress items created, with what was shown in each. */
function editorProgress() {
  const shown: string[][] = [];
  const create = async () => {
    const events: string[] = [];
    shown.push(events);
    return { begin: (title: string) => void events.push(`begin ${title}`), done: () => void events.push('done') } as unknown as WorkDoneProgressServerReporter;
  };
  return { shown, create };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the progress of an analysis in the background', () => {
  it('shows after the delay, once per article, and ends when the analysis is settled', async () => {
    const { shown, create } = editorProgress();
    const progress = new BackgroundProgress(create, 20);
    progress.started('file:///a.article', 'Analyzing a.article', '50,000 characters');
    progress.started('file:///a.article', 'Analyzing a.article', '50,001 characters'); // the newest text, same analysis run
    await sleep(60);
    assert.deepEqual(shown, [['begin Analyzing a.article']]);
    progress.settled('file:///a.article');
    await sleep(0);
    assert.deepEqual(shown, [['begin Analyzing a.article', 'done']]);
  });

  it('shows nothing for an analysis settled within the delay', async () => {
    const { shown, create } = editorProgress();
    const progress = new BackgroundProgress(create, 20);
    progress.started('file:///a.article', 'Analyzing a.article', '');
    progress.settled('file:///a.article');
    progress.started('file:///a.article', 'Analyzing a.article', ''); // the next keystroke
    await sleep(5);
    progress.settled('file:///a.article');
    await sleep(60);
    assert.deepEqual(shown, []);
  });
});
