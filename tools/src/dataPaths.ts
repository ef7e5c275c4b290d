// Research data is read in place, never copied into the repo; NEWS_ANNOTATOR_DATA overrides the default location.
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

export const dataDir = process.env.NEWS_ANNOTATOR_DATA ?? path.resolve(repoRoot, '..', 'shared', 'data');
export const corpusDir = process.env.NEWS_ANNOTATOR_CORPUS ?? path.resolve(repoRoot, '..', 'shared', 'corpus');
export const sharedDir = process.env.NEWS_ANNOTATOR_SHARED ?? path.resolve(repoRoot, '..', 'shared');

export function dataPath(...parts: string[]): string {
  return path.join(dataDir, ...parts);
}
