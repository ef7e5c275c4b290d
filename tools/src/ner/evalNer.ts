// npm run eval:ner: the committed entity model on CoNLL-2003 valid (exact span and type), scored two ways:
// on the gold tokenization, and through the product's own path (plain text → sentences → tokens → tags).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TAGS, decodeTags } from '../../../server/src/ner/bilou';
import { loadNerModel } from '../../../server/src/ner/bundledModel';
import { documentContext } from '../../../server/src/ner/features';
import { viterbi } from '../../../server/src/ner/model';
import { EmissionScorer } from '../../../server/src/ner/scorer';
import { EntityTagger } from '../../../server/src/ner/tagger';
import { splitSentences } from '../../../server/src/text';
import { dataPath } from '../dataPaths';
import { readConll } from './conll';
import { EntityScorer, formatScores } from './scoreEntities';

const SHORT_TYPES: Record<string, string> = { PERSON: 'PER', ORGANIZATION: 'ORG', LOCATION: 'LOC', MISC: 'MISC' };

export function evaluateTagger(): string {
  const model = loadNerModel();
  const gold = new EntityScorer();
  const scorer = new EmissionScorer(model);
  for (const document of readConll(dataPath('conll2003', 'valid.txt'))) {
    const doc = documentContext(document.map((s) => s.tokens));
    for (const { tokens, entities } of document) {
      const emissions = scorer.emissions(tokens, doc);
      gold.add(entities, decodeTags(viterbi(TAGS, model.transitions, emissions, tokens.length).map((p) => TAGS[p])));
    }
  }
  const product = new EntityScorer();
  const tagger = new EntityTagger(model);
  const docsDir = dataPath('conll2003', 'valid_docs');
  for (const line of fs.readFileSync(dataPath('conll2003', 'valid_entities.jsonl'), 'utf8').split('\n').filter(Boolean)) {
    const record = JSON.parse(line) as { file: string; entities: { type: string; start: number; end: number }[] };
    const text = fs.readFileSync(path.join(docsDir, record.file), 'utf8');
    const predicted = tagger.tag(text, splitSentences(text)).map((m) => ({ ...m, type: SHORT_TYPES[m.type] }));
    product.add(record.entities, predicted);
  }
  return [
    formatScores('CoNLL-2003 valid, gold tokens (exact span and type)', gold),
    '',
    formatScores('CoNLL-2003 valid_docs, plain text through the product tokenizer', product),
  ].join('\n');
}
