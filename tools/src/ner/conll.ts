// Reads CoNLL-2003 files: `token POS chunk NER` per line, blank lines between sentences, -DOCSTART- between documents.
import * as fs from 'node:fs';
import { type TokenRange, decodeTags } from '../../../server/src/ner/bilou';

export interface ConllSentence {
  tokens: string[];
  entities: TokenRange[];
}

export type ConllDocument = ConllSentence[];

export function readConll(file: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let document: ConllDocument = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const endSentence = (): void => {
    if (tokens.length) document.push({ tokens, entities: decodeTags(tags) });
    tokens = [];
    tags = [];
  };
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      if (document.length) documents.push(document);
      document = [];
    } else if (!line.trim()) {
      endSentence();
    } else {
      const fields = line.split(' ');
      tokens.push(fields[0]);
      tags.push(fields[fields.length - 1]);
    }
  }
  endSentence();
  if (document.length) documents.push(document);
  return documents;
}
