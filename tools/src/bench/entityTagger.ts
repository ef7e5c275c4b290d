// Entity tagger figures: model file size, load time, tagging throughput.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { BUNDLED_MODEL_FILE, loadNerModel } from '../../../server/src/ner/bundledModel';
import { EntityTagger } from '../../../server/src/ner/tagger';
import { splitSentences } from '../../../server/src/text';

export function benchEntityTagger(texts: readonly string[]): string[] {
  const size = fs.statSync(BUNDLED_MODEL_FILE!).size;
  let start = performance.now();
  const model = loadNerModel();
  const firstLoad = performance.now() - start;
  const loads: number[] = [];
  for (let i = 0; i < 5; i++) {
    start = performance.now();
    loadNerModel();
    loads.push(performance.now() - start);
  }
  const tagger = new EntityTagger(model);
  const sentences = texts.map((t) => splitSentences(t));
  const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
  tagger.tag(texts[0], sentences[0]); // warm-up
  // CPU time, not wall time: "on one core" should not depend on what else the machine is running.
  const cpu = process.cpuUsage();
  let mentions = 0;
  texts.forEach((t, i) => (mentions += tagger.tag(t, sentences[i]).length));
  const used = process.cpuUsage(cpu);
  const seconds = (used.user + used.system) / 1e6;
  return [
    'Entity tagger',
    `  model file        ${(size / 1e6).toFixed(2)} MB (${model.features.size} features)`,
    `  load, first       ${firstLoad.toFixed(0)} ms`,
    `  load, median of 5 ${loads.sort((a, b) => a - b)[2].toFixed(0)} ms`,
    `  tagging           ${(megabytes / seconds).toFixed(2)} MB/s (${megabytes.toFixed(1)} MB, ${texts.length} articles, ${mentions} mentions in ${seconds.toFixed(1)} s of CPU; tokenizing included, sentence splitting not)`,
  ];
}
