// npm run eval:ner: entity tagging scores on CoNLL-2003 valid and cross-article linking on the linking gold set.
import { evaluateTagger } from './ner/evalNer';
import { evaluateLinking } from './ner/evalLinking';

console.log(evaluateTagger());
console.log();
console.log(evaluateLinking());
