// A second reading of flag precision. PolNeAR's Content covers what a reporter says someone said, and also every stance
// and event it attributes to an actor ("Trump wants ...", "was charged with ...", "voted for ..."). A reviewer wants
// the second kind sourced all the same; a flag is wrong for them when it lies in someone's reported speech: the gold
// cue is a verb of saying, "according to" or a colon, or the gold Content opens with a quotation mark.
import { ADDRESSEE_VERBS, CONTINUING_PARTICIPLES, QUOTE_MARKS, REPORTING_VERBS } from '../../server/src/cues';
import type { GoldAttribution } from './polnear';

const SPEECH_WORDS: ReadonlySet<string> = new Set([...REPORTING_VERBS, ...ADDRESSEE_VERBS, ...CONTINUING_PARTICIPLES, 'according']);

/** An opening double quotation mark, or the NYT's two apostrophes; a single one mostly opens no quotation. */
const OPENING_QUOTATION = new RegExp(`^\\s*(?:[${QUOTE_MARKS.replace(/['‘’]/g, '')}]|'')`);

/** Whether a gold attribution reports speech (as opposed to a stance or an event). */
export function isReportedSpeech(text: string, attribution: GoldAttribution): boolean {
  const cue = attribution.cue.map((s) => text.slice(s.start, s.end)).join(' ');
  if (cue.trim() === ':' || cue.toLowerCase().split(/[^\p{L}]+/u).some((w) => SPEECH_WORDS.has(w))) return true;
  return attribution.content.some((s) => OPENING_QUOTATION.test(text.slice(s.start, s.end)));
}
