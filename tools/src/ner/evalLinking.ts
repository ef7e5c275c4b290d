// Pairwise linking precision and recall on tools/data/linking-gold.json: over all pairs of gold mentions, is
// "same entity" in the output the same as in the gold? The articles are analyzed as one workspace.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../../server/src/analyze';
import { WorkspaceIndex } from '../../../server/src/workspaceIndex';
import { repoRoot, sharedDir } from '../dataPaths';

interface GoldMention {
  article: string;
  start: number;
  end: number;
  text: string;
  entity: string;
}

const LINKING_GOLD_FILE = path.join(repoRoot, 'tools', 'data', 'linking-gold.json');

export function evaluateLinking(): string {
  const gold = JSON.parse(fs.readFileSync(LINKING_GOLD_FILE, 'utf8')) as { articles: string[]; mentions: GoldMention[] };
  const index = new WorkspaceIndex();
  for (const id of gold.articles) {
    const text = fs.readFileSync(path.join(sharedDir, id), 'utf8');
    index.set({ id, displayPath: id, text, analysis: analyzeArticle(text) });
  }
  // Each gold mention takes the entity of the output mention overlapping it; unmatched ones stand alone.
  let unmatched = 0;
  const predicted = gold.mentions.map((g, i) => {
    const article = index.get(g.article)!;
    const linked = index.entitiesOf(g.article);
    const at = article.analysis.entities.findIndex((m) => m.start < g.end && g.start < m.end);
    if (at < 0) unmatched++;
    return at < 0 ? `missing-${i}` : linked[at].id;
  });
  let bothSame = 0;
  let predictedSame = 0;
  let goldSame = 0;
  for (let i = 0; i < gold.mentions.length; i++) {
    for (let j = i + 1; j < gold.mentions.length; j++) {
      const g = gold.mentions[i].entity === gold.mentions[j].entity;
      const p = predicted[i] === predicted[j];
      if (g) goldSame++;
      if (p) predictedSame++;
      if (g && p) bothSame++;
    }
  }
  const precision = (100 * bothSame) / predictedSame;
  const recall = (100 * bothSame) / goldSame;
  const f1 = (2 * precision * recall) / (precision + recall);
  const entities = new Set(gold.mentions.map((m) => m.entity)).size;
  return [
    `Cross-article linking, pairwise (${gold.mentions.length} gold mentions of ${entities} entities in ${gold.articles.length} articles; ${unmatched} not found by the tagger)`,
    `precision ${precision.toFixed(2)}  recall ${recall.toFixed(2)}  F1 ${f1.toFixed(2)}  (${bothSame} of ${predictedSame} linked pairs correct, ${goldSame} gold pairs)`,
  ].join('\n');
}
