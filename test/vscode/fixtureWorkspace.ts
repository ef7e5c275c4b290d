// The workspace the extension-host suite opens: the sample articles, a README.txt that must stay plain text,
// and workspace settings that make the folder's .txt files articles (README.txt stays out by the default exclude).
import * as fs from 'node:fs';
import * as path from 'node:path';

export function makeFixtureWorkspace(dir: string): string {
  const samples = path.resolve(__dirname, '../../../samples');
  for (const file of fs.readdirSync(samples)) fs.copyFileSync(path.join(samples, file), path.join(dir, file));
  fs.writeFileSync(path.join(dir, 'README.txt'), 'Notes for the desk\n\nThe archive holds 4,000 articles.\n');
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  const settings = { 'newsAnnotator.articleFiles': ['**/*.txt', '**/*.news'] };
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  return dir;
}
