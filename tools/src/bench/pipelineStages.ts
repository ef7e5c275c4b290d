// Throughput of each pipeline stage and of the whole pipeline, with compromise and chrono-node run on the same
// texts in the same process, so the ratios hold whatever the machine.
import * as chrono from 'chrono-node';
import nlp from 'compromise';
import { type StageRunner, analyzeArticle } from '../../../server/src/analyze';
import { forgetAttributionCaches } from '../../../server/src/attributionModel';
import { defaultRecognizer, forgetEntityCaches } from '../../../server/src/entities';

export interface StageFigures {
  megabytes: number;
  /** MB/s by stage name, in pipeline order. */
  stages: [string, number][];
  pipeline: number;
  compromise: number;
  chrono: number;
}

/** CPU seconds (user + system) since `before`: "one core" should not depend on what else the machine runs. */
function cpuSecondsSince(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

/** CPU seconds spent in `run`. */
function cpuSeconds(run: () => void): number {
  const before = process.cpuUsage();
  run();
  return cpuSecondsSince(before);
}

export function benchPipelineStages(texts: readonly string[]): StageFigures {
  const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
  const recognizer = defaultRecognizer();
  analyzeArticle(texts[0], { recognizer }); // warm-up: model load and JIT
  nlp(texts[0]).people().out('array');
  chrono.parse(texts[0]);

  // Per stage: CPU seconds around each call, as for the whole pipeline below, each stage called by analyzeArticle
  // itself, with the inputs and shared memos it gives them. Wall time counted whatever else the machine ran.
  const spent = new Map<string, number>();
  const runStage: StageRunner = (stage, run) => {
    const before = process.cpuUsage();
    const result = run();
    spent.set(stage, (spent.get(stage) ?? 0) + cpuSecondsSince(before));
    return result;
  };
  for (const text of texts) analyzeArticle(text, { recognizer, runStage });
  const stages = [...spent].map(([stage, seconds]): [string, number] => [stage, megabytes / seconds]);

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
