// git's user.name, which names the author of annotations when the newsAnnotator.author setting is empty.
import { execFile } from 'node:child_process';

/** user.name as git sees it in `folder`, or null (no git, no name, or git too slow to wait for). */
export function gitUserName(folder: string | undefined): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd: folder, timeout: 3000, windowsHide: true }, (error, stdout) => {
      const name = String(stdout ?? '').trim();
      resolve(error || !name ? null : name);
    });
  });
}
