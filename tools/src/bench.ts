// npm run bench: speed and size figures, measured on the unlabelled news corpus (one core, this process).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchEntityTagger } from './bench/entityTagger';
import { corpusDir } from './dataPaths';

function corpusTexts(): string[] {
  const dir = path.join(corpusDir, 'bbc');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

const started = performance.now();
const texts = corpusTexts();
for (const line of benchEntityTagger(texts)) console.log(line);
console.log(`(bench took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
