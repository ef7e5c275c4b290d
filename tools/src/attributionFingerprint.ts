// What the attribution tagger's features are, in one hash: the trainer writes it into the model file, and a unit test
// recomputes it with the current code. The features read the tokenizer, the quotation finder and the entity tagger
// as well as attributionFeatures.ts; when any of them changes what it makes of this text, the committed model was
// trained on other features than the editor computes, and npm run train:attribution no longer rebuilds it (stop 22
// found the model stale that way: entity types and quotation marks had changed since its training).
import { createHash } from 'node:crypto';
import { paragraphFeatures, stackedFeatures } from '../../server/src/attributionFeatures';
import { TAG_COUNT, paragraphsOf } from '../../server/src/attributionTagger';
import { defaultRecognizer } from '../../server/src/entities';
import { splitSentences } from '../../server/src/text';

/** Names of people, organizations and places, titles, cues of several kinds, quotation marks straight, curly and mistyped. */
const SAMPLE = [
  'Pirelli said on Monday that Pirelli SpA would close its plant in Turin, according to a statement.',
  '“We will rebuild every road,” Governor Ana Ruiz told reporters, adding that 12,000 people had left. '
    + 'Sen. Mark Olsen, who chairs the committee, blamed the state: “Nobody listened.“',
  'The agency warned of delays. "It\'s a disaster," he said, while critics accused the ministry of waiting.',
].join('\n\n');

/** Hash of the first pass's features of SAMPLE and of the second pass's (with a fixed sequence of first-pass tags). */
export function featureFingerprint(cueStems: ReadonlySet<string>): string {
  const sentences = splitSentences(SAMPLE);
  const paragraphs = paragraphsOf(SAMPLE, sentences, defaultRecognizer().recognize(SAMPLE, sentences));
  const features = paragraphs.map((paragraph) => [
    paragraphFeatures(paragraph, { cueStems }),
    stackedFeatures(paragraph, paragraph.tokens.map((_, i) => i % TAG_COUNT)),
  ]);
  return createHash('sha256').update(JSON.stringify(features)).digest('hex').slice(0, 16);
}
