// Scores attribution extraction and unattributed-claim flags on PolNeAR dev (npm run eval:attribution); `--split train`
// scores the training split instead (for error analysis that leaves dev a fair measure), and `--list-flags` prints each
// flagged claim with the gold attribution whose Content it lies in, if any. `--model FILE` scores another tagger than
// the committed one, and `--held-out-fifth` (with `--split train`) only the articles a tagger trained with
// `train:attribution -- --hold-out-fifth` did not see: the committed tagger was trained on all of train, so there its
// spans, and the flags it leaves, are better than on unseen text.
// Overlap F1 per role: a predicted span is correct when it overlaps a gold span of the same role, a gold span is found
// when a predicted one overlaps it; exact F1 needs identical offsets. Flag precision: the share of claims raised as
// diagnostics that lie in the reporter's own, unattributed narration: overlapping no gold Content span (strict), or
// with at most half of their text inside one (lenient); and, for a reviewer, the share that lies in no one's reported
// speech (flagGrading.ts): PolNeAR's Content also holds the stances and events it attributes, which a reviewer wants
// sourced all the same.
import * as fs from 'node:fs';
import { analyzeArticle } from '../../server/src/analyze';
import { loadModel } from '../../server/src/attributionScorer';
import { needsSource } from '../../server/src/claims';
import type { Span } from '../../server/src/types';
import { isReportedSpeech } from './flagGrading';
import { type OverlapCounts, countOverlaps, f1, overlaps, ratio } from './overlapScore';
import { type GoldArticle, type Role, ROLES, isHeldOutFifth, loadPolnear } from './polnear';

interface Counts extends OverlapCounts { exact: number; goldExact: number }

const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end;

const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'dev';
const listFlags = args.includes('--list-flags');
const heldOutFifth = args.includes('--held-out-fifth');
const modelFile = args.includes('--model') ? args[args.indexOf('--model') + 1] : undefined;

function main(): void {
  if (split !== 'dev' && split !== 'train') throw new Error(`--split takes dev or train, not ${split}`);
  if (heldOutFifth && split !== 'train') throw new Error('--held-out-fifth takes --split train');
  const articles = loadPolnear(split).filter((_, a) => !heldOutFifth || isHeldOutFifth(a));
  const attributionModel = modelFile ? loadModel(JSON.parse(fs.readFileSync(modelFile, 'utf8'))) : undefined;
  const counts = Object.fromEntries(ROLES.map((r) => [r, { predicted: 0, gold: 0, predictedHit: 0, goldHit: 0, exact: 0, goldExact: 0 }])) as Record<Role, Counts>;
  let flagged = 0;
  let flaggedOutside = 0;
  let flaggedMostlyOutside = 0;
  let flaggedInSpeech = 0;
  const started = Date.now();
  for (const article of articles) {
    const analysis = analyzeArticle(article.text, { attributionModel });
    for (const role of ROLES) {
      const gold = article.attributions.flatMap((a) => a[role]);
      const predicted = distinct(analysis.attributions.flatMap((a) => (a[role] ? [a[role]] : [])));
      const c = counts[role];
      countOverlaps(c, predicted, gold);
      c.exact += predicted.filter((p) => gold.some((g) => same(p, g))).length;
      c.goldExact += gold.filter((g) => predicted.some((p) => same(p, g))).length;
    }
    const goldContent = article.attributions.flatMap((a) => a.content);
    const speechContent = article.attributions.filter((a) => isReportedSpeech(article.text, a)).flatMap((a) => a.content);
    for (const claim of analysis.claims.filter(needsSource)) {
      flagged++;
      const inside = goldContent.reduce((n, g) => n + Math.max(0, Math.min(g.end, claim.end) - Math.max(g.start, claim.start)), 0);
      if (inside === 0) flaggedOutside++;
      if (inside * 2 <= claim.end - claim.start) flaggedMostlyOutside++;
      if (speechContent.some((g) => overlaps(g, claim))) flaggedInSpeech++;
      if (listFlags) console.log(flagLine(article, claim, inside));
    }
  }
  const seconds = (Date.now() - started) / 1000;
  const scope = `${split}${heldOutFifth ? ' (held-out fifth)' : ''}${modelFile ? `, tagger ${modelFile}` : ''}`;
  console.log(`PolNeAR ${scope}: ${articles.length} articles, analyzed in ${seconds.toFixed(1)} s\n`);
  console.log(row(['', 'gold', 'pred', 'overlap P', 'overlap R', 'overlap F1', 'exact P', 'exact R', 'exact F1']));
  for (const role of ROLES) {
    const c = counts[role];
    const p = ratio(c.predictedHit, c.predicted);
    const r = ratio(c.goldHit, c.gold);
    const ep = ratio(c.exact, c.predicted);
    const er = ratio(c.goldExact, c.gold);
    console.log(row([role, String(c.gold), String(c.predicted), pct(p), pct(r), pct(f1(p, r)), pct(ep), pct(er), pct(f1(ep, er))]));
  }
  console.log(`\nflag precision: ${pct(ratio(flaggedOutside, flagged))} strict (${flaggedOutside} of ${flagged} flagged claims overlap no gold Content)`);
  console.log(`                ${pct(ratio(flaggedMostlyOutside, flagged))} lenient (${flaggedMostlyOutside} of ${flagged} have at most half of their text in gold Content)`);
  const inSpeech = `${flaggedInSpeech} of ${flagged} overlap the gold Content of reported speech`;
  const stanceOrEvent = flagged - flaggedOutside - flaggedInSpeech;
  console.log(`                ${pct(ratio(flagged - flaggedInSpeech, flagged))} in no one's speech (${inSpeech}; ${stanceOrEvent} only that of a stance or event)`);
}

/**
 * One flagged claim, tab-separated: article, "inside" (overlapping a gold Content) or "outside", the claim, and for a claim
 * inside, the gold cue, source and Content it overlaps, so the flags can be grouped by why the tagger and rules missed them.
 */
function flagLine(article: GoldArticle, claim: Span, inside: number): string {
  const words = (spans: Span[]) => spans.map((s) => article.text.slice(s.start, s.end)).join(' … ').replace(/\s+/g, ' ');
  const cells = [article.doc, inside === 0 ? 'outside' : 'inside', words([claim])];
  for (const a of article.attributions.filter((a) => a.content.some((g) => overlaps(g, claim)))) {
    cells.push(`[${words(a.cue)}] [${words(a.source)}] [${words(a.content)}]`);
  }
  return cells.join('\t');
}

/** A cue or source shared by several contents is one predicted span. */
function distinct(spans: Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((s) => !seen.has(`${s.start}:${s.end}`) && !!seen.add(`${s.start}:${s.end}`));
}

function pct(x: number): string {
  return (100 * x).toFixed(1);
}

function row(cells: string[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(8) : cell.padStart(10))).join(' ');
}

main();
