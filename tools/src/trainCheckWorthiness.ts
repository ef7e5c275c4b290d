// Trains the check-worthiness model on ClaimBuster train.json and writes server/src/checkWorthinessModel.json
// (npm run train:check-worthiness). L2-regularised logistic regression by SGD; prints held-out accuracy on a fixed
// tenth of the training file, which the final model is then trained on too.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type CheckWorthinessModelFile, checkWorthinessFeatures, scoreWith } from '../../server/src/checkWorthiness';
import { dataPath } from './dataPaths';
import { shuffled } from './shuffle';

const EPOCHS = 15;
const RATE = 0.5;
const L2 = 1e-4;
/** Only the strongest weights are kept: the committed file stays small. */
const KEPT_FEATURES = 4000;
const OUTPUT = path.resolve(__dirname, '..', '..', '..', 'server', 'src', 'checkWorthinessModel.json');

interface Example { features: string[]; label: number; text: string }

function train(examples: Example[]): CheckWorthinessModelFile {
  const weights = new Map<string, number>();
  let bias = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const rate = RATE / Math.sqrt(1 + epoch);
    // The file lists positives first; SGD needs them mixed.
    for (const { features, label } of shuffled(examples, epoch + 1)) {
      let z = bias;
      for (const f of features) z += weights.get(f) ?? 0;
      const gradient = 1 / (1 + Math.exp(-z)) - label;
      bias -= rate * gradient;
      for (const f of features) {
        const w = weights.get(f) ?? 0;
        weights.set(f, w - rate * (gradient + L2 * w));
      }
    }
  }
  const kept = [...weights].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, KEPT_FEATURES);
  return { bias: round(bias), weights: Object.fromEntries(kept.map(([f, w]) => [f, round(w)])) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function main(): void {
  const raw = JSON.parse(fs.readFileSync(dataPath('claimbuster', 'train.json'), 'utf8')) as { sentence_id: number; label: number; text: string }[];
  const examples = raw.map((r) => ({ features: checkWorthinessFeatures(r.text), label: r.label, text: r.text }));
  const heldOut = examples.filter((_, i) => i % 10 === 0);
  const model = train(examples.filter((_, i) => i % 10 !== 0));
  const right = heldOut.filter((e) => (scoreWith(model, e.text) >= 0.5 ? 1 : 0) === e.label).length;
  const flagged = heldOut.filter((e) => scoreWith(model, e.text) >= 0.5);
  const precision = flagged.filter((e) => e.label === 1).length / flagged.length;
  const recall = flagged.filter((e) => e.label === 1).length / heldOut.filter((e) => e.label === 1).length;
  console.log(`held-out tenth: accuracy ${(100 * right / heldOut.length).toFixed(1)}%, check-worthy precision ${(100 * precision).toFixed(1)}%, recall ${(100 * recall).toFixed(1)}%`);
  fs.writeFileSync(OUTPUT, `${JSON.stringify(train(examples))}\n`);
  console.log(`wrote ${path.relative(process.cwd(), OUTPUT)} (${(fs.statSync(OUTPUT).size / 1024).toFixed(0)} KiB)`);
}

main();
