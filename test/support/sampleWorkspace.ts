// A temporary workspace holding a copy of samples/ plus any extra files a test needs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const SAMPLES = path.resolve(__dirname, '../../../samples');

export function sampleWorkspace(name: string, extraFiles: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `news-annotator-${name}-`));
  for (const file of fs.readdirSync(SAMPLES)) fs.copyFileSync(path.join(SAMPLES, file), path.join(dir, file));
  for (const [file, text] of Object.entries(extraFiles)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}
