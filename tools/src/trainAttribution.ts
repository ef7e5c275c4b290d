// Trains the attribution tagger on PolNeAR train only and writes models/attribution.model.json
// (npm run train:attribution). Two averaged structured perceptrons: the second reads the first one's tags, which for
// training come from cross-validation so they are as noisy as on unseen text. Deterministic for a given corpus.
// `--hold-out-fifth` trains on the articles whose index % 5 != 0 (isHeldOutFifth) and prints the tagger's overlap F1 on the
// others, to compare features repeatably (with e.g. `--epochs 5 --folds 2`); it writes a model only where `--out` says.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { paragraphFeatures, stackedFeatures, stem } from '../../server/src/attributionFeatures';
import {
  TAGS, TAG_COUNT, type PassFile, type TaggerModelFile, type TaggedParagraph, allowed, emissions, paragraphsOf, roleSpans, viterbi,
} from '../../server/src/attributionTagger';
import { defaultRecognizer } from '../../server/src/entities';
import { splitSentences } from '../../server/src/text';
import type { Span } from '../../server/src/types';
import { featureFingerprint } from './attributionFingerprint';
import { type OverlapCounts, countOverlaps, f1, ratio } from './overlapScore';
import { type GoldArticle, ROLES, isHeldOutFifth, loadPolnear } from './polnear';
import { shuffled } from './shuffle';

/** The committed model's settings. */
const EPOCHS = 10;
const FOLDS = 4;
/** A feature seen fewer times in training has no reliable weight, and would only bloat the model file. */
const MIN_FEATURE_COUNT = 4;
/** Features whose averaged weights all stay below this many updates are left out of the committed file (about 1 point of F1 for a tenth of the size). */
const MIN_WEIGHT = 10;
/** A stem is a cue stem when at least this share of its training occurrences lie in a gold cue. */
const CUE_STEM_SHARE = 0.15;
const CUE_STEM_MIN = 3;
const OUTPUT = path.resolve(__dirname, '..', '..', '..', 'models', 'attribution.model.json');

interface Example { paragraph: TaggedParagraph; gold: number[]; article: number }
interface Trained { names: string[]; ids: Map<string, number>; w: Float64Array; tw: Float64Array }

function goldTags(paragraph: TaggedParagraph, article: GoldArticle): number[] {
  const spans: { span: Span; role: string; id: number }[] = [];
  let id = 0;
  for (const attribution of article.attributions) {
    for (const role of ROLES) for (const span of attribution[role]) spans.push({ span, role: role.toUpperCase(), id: id++ });
  }
  let previous = -1;
  return paragraph.tokens.map((token) => {
    const hit = spans.find(({ span }) => span.start < token.end && token.start < span.end);
    if (!hit) {
      previous = -1;
      return 0;
    }
    const tag = TAGS.indexOf(`${hit.id === previous ? 'I' : 'B'}-${hit.role}` as (typeof TAGS)[number]);
    previous = hit.id;
    return tag;
  });
}

function cueStemsOf(examples: Example[]): string[] {
  const total = new Map<string, number>();
  const asCue = new Map<string, number>();
  for (const { paragraph, gold } of examples) {
    paragraph.tokens.forEach((token, i) => {
      const stemmed = stem(token.text.toLowerCase());
      total.set(stemmed, (total.get(stemmed) ?? 0) + 1);
      if (TAGS[gold[i]].endsWith('CUE')) asCue.set(stemmed, (asCue.get(stemmed) ?? 0) + 1);
    });
  }
  return [...asCue].filter(([s, n]) => n >= CUE_STEM_MIN && n / total.get(s)! >= CUE_STEM_SHARE).map(([s]) => s).sort();
}

/** Averaged structured perceptron with the lazy-sum trick: average = w - u / c. */
function train(features: string[][][], golds: number[][], epochs: number, label: string): Trained {
  const counts = new Map<string, number>();
  for (const paragraph of features) for (const names of paragraph) for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const names = [...counts].filter(([, n]) => n >= MIN_FEATURE_COUNT).map(([name]) => name);
  const ids = new Map(names.map((name, i) => [name, i]));
  const featureIds = features.map((paragraph) => paragraph.map((tokenNames) => tokenNames.flatMap((n) => (ids.has(n) ? [ids.get(n)!] : []))));
  const w = new Float64Array(names.length * TAG_COUNT);
  const u = new Float64Array(names.length * TAG_COUNT);
  const tw = new Float64Array((TAG_COUNT + 1) * TAG_COUNT);
  const tu = new Float64Array((TAG_COUNT + 1) * TAG_COUNT);
  let c = 1;
  const order = features.map((_, i) => i);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    let errors = 0;
    let tokens = 0;
    for (const e of shuffled(order, epoch)) {
      const ids = featureIds[e];
      const gold = golds[e];
      const predicted = viterbi(emissions(ids, (id) => w.subarray(id * TAG_COUNT, (id + 1) * TAG_COUNT)), ids.length, tw);
      tokens += gold.length;
      for (let i = 0; i < gold.length; i++) {
        const g = gold[i];
        const p = predicted[i];
        const gPrev = i > 0 ? gold[i - 1] + 1 : 0;
        const pPrev = i > 0 ? predicted[i - 1] + 1 : 0;
        if (g !== p) {
          errors++;
          for (const f of ids[i]) {
            w[f * TAG_COUNT + g] += 1; u[f * TAG_COUNT + g] += c;
            w[f * TAG_COUNT + p] -= 1; u[f * TAG_COUNT + p] -= c;
          }
        }
        if (g !== p || gPrev !== pPrev) {
          tw[gPrev * TAG_COUNT + g] += 1; tu[gPrev * TAG_COUNT + g] += c;
          tw[pPrev * TAG_COUNT + p] -= 1; tu[pPrev * TAG_COUNT + p] -= c;
        }
      }
      c++;
    }
    if (epoch === epochs) console.log(`${label}: ${(100 * (1 - errors / tokens)).toFixed(2)}% tokens right in the last epoch`);
  }
  for (let i = 0; i < w.length; i++) w[i] -= u[i] / c;
  for (let i = 0; i < tw.length; i++) tw[i] -= tu[i] / c;
  // Invalid BIO transitions never win: Viterbi skips them.
  for (let p = -1; p < TAG_COUNT; p++) for (let t = 0; t < TAG_COUNT; t++) if (!allowed(p, t)) tw[(p + 1) * TAG_COUNT + t] = 0;
  return { names, ids, w, tw };
}

function predict(model: Trained, features: string[][]): number[] {
  const row = (name: string) => {
    const id = model.ids.get(name);
    return id === undefined ? undefined : model.w.subarray(id * TAG_COUNT, (id + 1) * TAG_COUNT);
  };
  return viterbi(emissions(features, row), features.length, model.tw);
}

interface Options { epochs: number; folds: number; holdOutFifth: boolean; out: string | undefined }

function options(): Options {
  const { values } = parseArgs({
    options: {
      epochs: { type: 'string', default: String(EPOCHS) },
      folds: { type: 'string', default: String(FOLDS) },
      'hold-out-fifth': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  // One fold would train the first pass's cross-validation model on no paragraph at all.
  const count = (name: string, text: string, least: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < least) throw new Error(`--${name} takes a whole number from ${least}, not "${text}"`);
    return n;
  };
  const holdOutFifth = values['hold-out-fifth']!;
  return {
    epochs: count('epochs', values.epochs!, 1), folds: count('folds', values.folds!, 2), holdOutFifth,
    out: values.out ?? (holdOutFifth ? undefined : OUTPUT),
  };
}

function main(): void {
  const started = Date.now();
  const { epochs, folds, holdOutFifth, out } = options();
  const articles = loadPolnear('train');
  const heldOut = (article: number) => holdOutFifth && isHeldOutFifth(article);
  const recognizer = defaultRecognizer();
  const all: Example[] = articles.flatMap((article, a) => {
    const sentences = splitSentences(article.text);
    const entities = recognizer.recognize(article.text, sentences);
    return paragraphsOf(article.text, sentences, entities).map((paragraph) => ({ paragraph, gold: goldTags(paragraph, article), article: a }));
  });
  const examples = all.filter((e) => !heldOut(e.article));
  const golds = examples.map((e) => e.gold);
  const cueStems = cueStemsOf(examples);
  const context = { cueStems: new Set(cueStems) };
  const base = examples.map((e) => paragraphFeatures(e.paragraph, context));
  console.log(`${new Set(examples.map((e) => e.article)).size} articles, ${examples.length} paragraphs, ${golds.flat().length} tokens, ${cueStems.length} cue stems`);

  // First-pass tags for every training paragraph from a model that did not see its article.
  const first: number[][] = new Array(examples.length);
  for (let fold = 0; fold < folds; fold++) {
    const inFold = (i: number) => examples[i].article % folds === fold;
    const model = train(base.filter((_, i) => !inFold(i)), golds.filter((_, i) => !inFold(i)), epochs, `fold ${fold + 1} of ${folds}`);
    base.forEach((features, i) => {
      if (inFold(i)) first[i] = predict(model, features);
    });
  }
  const pass1 = train(base, golds, epochs, 'first pass');
  const stacked = base.map((features, i) => {
    const extra = stackedFeatures(examples[i].paragraph, first[i]);
    return features.map((names, k) => [...names, ...extra[k]]);
  });
  const pass2 = train(stacked, golds, epochs, 'second pass');
  if (holdOutFifth) {
    const tagged = all.filter((e) => heldOut(e.article)).map((e) => {
      const features = paragraphFeatures(e.paragraph, context);
      const firstTags = predict(pass1, features);
      const extra = stackedFeatures(e.paragraph, firstTags);
      return { example: e, tags: predict(pass2, features.map((names, k) => [...names, ...extra[k]])) };
    });
    printHeldOutScores(articles, tagged);
  }
  if (out) {
    const file: TaggerModelFile = {
      tags: [...TAGS], cueStems: cueStems.join(' '), passes: [passFile(pass1), passFile(pass2)], featureFingerprint: featureFingerprint(context.cueStems),
    };
    fs.writeFileSync(out, `${JSON.stringify(file)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), out)} (${(fs.statSync(out).size / 1024).toFixed(0)} KiB)`);
  }
  console.log(`${epochs} epochs, ${folds} folds, ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Overlap F1 per role of the tagger's own spans on the held-out articles, as evalAttribution.ts scores the pipeline. */
function printHeldOutScores(articles: GoldArticle[], tagged: { example: Example; tags: number[] }[]): void {
  const predicted = new Map<string, Span[]>();
  for (const { example, tags } of tagged) {
    const { tokens } = example.paragraph;
    for (const { role, first, last } of roleSpans(tags)) {
      const key = `${example.article} ${role}`;
      predicted.set(key, [...(predicted.get(key) ?? []), { start: tokens[first].start, end: tokens[last].end }]);
    }
  }
  const scores = ROLES.map((role) => {
    const counts: OverlapCounts = { predicted: 0, gold: 0, predictedHit: 0, goldHit: 0 };
    articles.forEach((article, a) => {
      if (isHeldOutFifth(a)) countOverlaps(counts, predicted.get(`${a} ${role}`) ?? [], article.attributions.flatMap((attribution) => attribution[role]));
    });
    const [p, r] = [ratio(counts.predictedHit, counts.predicted), ratio(counts.goldHit, counts.gold)];
    return `${role} ${(100 * f1(p, r)).toFixed(1)} (P ${(100 * p).toFixed(1)} R ${(100 * r).toFixed(1)})`;
  });
  console.log(`held-out fifth (${articles.filter((_, a) => isHeldOutFifth(a)).length} articles), tagger overlap F1: ${scores.join(', ')}`);
}

/** Weights quantized to Int16, without the features whose weights are all small. */
function passFile({ names, w, tw }: Trained): PassFile {
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  for (const v of tw) max = Math.max(max, Math.abs(v));
  const scale = Math.floor(32767 / max);
  const kept: string[] = [];
  const values: number[] = [];
  names.forEach((name, n) => {
    const weights = w.subarray(n * TAG_COUNT, (n + 1) * TAG_COUNT);
    if (weights.every((v) => Math.abs(v) < MIN_WEIGHT)) return;
    const row = Array.from(weights, (v) => Math.round(v * scale));
    kept.push(name);
    values.push(...row);
  });
  return {
    features: kept.join('\n'),
    weights: Buffer.from(Int16Array.from(values).buffer).toString('base64'),
    transitions: Array.from(tw, (v) => Math.round(v * scale)),
    scale,
  };
}

main();
