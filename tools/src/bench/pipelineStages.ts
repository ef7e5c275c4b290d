// Throughput of each pipeline stage and of the whole pipeline, with compromise and chrono-node run on the same
// texts in the same process, so the ratios hold whatever the machine.
import * as chrono from 'chrono-node';
import nlp from 'compromise';
import { performance } from 'node:perf_hooks';
import { analyzeArticle } from '../../../server/src/analyze';
import { extractAttributions } from '../../../server/src/attribution';
import { forgetAttributionCaches } from '../../../server/src/attributionModel';
import { extractClaims } from '../../../server/src/claims';
import { extractDates, findArticleDate } from '../../../server/src/dates';
import { defaultRecognizer, forgetEntityCaches } from '../../../server/src/entities';
import { resolveSources } from '../../../server/src/sources';
import { splitSentences } from '../../../server/src/text';

export interface StageFigures {
  megabytes: number;
  /** MB/s by stage name, in pipeline order. */
  stages: [string, number][];
  pipeline: number;
  compromise: number;
  chrono: number;
}

/** CPU seconds (user + system) spent in `run`: "one core" should not depend on what else the machine runs. */
function cpuSeconds(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

export function benchPipelineStages(texts: readonly string[]): StageFigures {
  const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
  const recognizer = defaultRecognizer();
  analyzeArticle(texts[0], { recognizer }); // warm-up: model load and JIT
  nlp(texts[0]).people().out('array');
  chrono.parse(texts[0]);

  // Per stage: wall time around each call (the calls are long enough for the timer), inputs from the stage before.
  const spent = new Map<string, number>();
  const time = <T>(stage: string, run: () => T): T => {
    const start = performance.now();
    const result = run();
    spent.set(stage, (spent.get(stage) ?? 0) + performance.now() - start);
    return result;
  };
  for (const text of texts) {
    const sentences = time('sentences', () => splitSentences(text));
    const stated = time('article date', () => findArticleDate(text, sentences));
    const entities = time('entities', () => recognizer.recognize(text, sentences));
    time('dates', () => extractDates(text, sentences, stated?.date ?? null));
    const found = time('attribution', () => extractAttributions(text, sentences, entities));
    const sources = time('sources', () => resolveSources(found, entities, sentences));
    const attributions = found.map((a, i) => ({ ...a, sourceEntity: sources[i] }));
    time('claims', () => extractClaims(text, sentences, attributions, null));
  }
  const stages = [...spent].map(([stage, ms]): [string, number] => [stage, megabytes / (ms / 1000)]);

  // The taggers remember the words of the texts the stages just read: forgotten, as an indexing worker forgets them
  // (ANALYSES_PER_WORKER), the whole pipeline meets the texts as new ones.
  forgetEntityCaches();
  forgetAttributionCaches();
  const pipeline = megabytes / cpuSeconds(() => texts.forEach((text) => analyzeArticle(text, { recognizer })));
  const compromise = megabytes / cpuSeconds(() => {
    for (const text of texts) {
      const doc = nlp(text);
      doc.people().out('array');
      doc.places().out('array');
      doc.organizations().out('array');
    }
  });
  const chronoRate = megabytes / cpuSeconds(() => texts.forEach((text) => chrono.parse(text)));
  return { megabytes, stages, pipeline, compromise, chrono: chronoRate };
}
