// Files shipped beside the running code (dist/ in the package, out/ in tests), such as the models.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** `relative` (e.g. models/ner.model.gz) in the folder of the running code or one above it; undefined when absent. */
export function shippedFile(relative: string): string | undefined {
  for (let dir = __dirname, i = 0; i < 6; dir = path.dirname(dir), i++) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}
