// Interview transcripts: a paragraph opened by a speaker's label ("PENCE: ...", "Q: ...") is that speaker's turn.
import { groupByParagraph } from './cues';
import { slice } from './text';
import type { Attribution, Sentence, Span } from './types';

/** A speaker's label in capitals opens a turn of an interview transcript: "PENCE: Well, look, ..." or "Q: ...". */
const TURN_LABEL = /^(["“]?)(\p{Lu}[\p{Lu}.'’ -]*\p{Lu}\.?|Q|A)(:)\s+\S/u;

/** Capitalised labels that head a note, not a speaker's turn. */
const NOT_SPEAKERS = /^(?:UPDATE|UPDATED|BREAKING|CORRECTION|NOTE|EDITOR'?’?S NOTE|WATCH|RELATED|READ|READ MORE|PHOTO|PHOTOS|VIDEO|SOURCE|SOURCES|CREDIT)$/;

export function transcriptTurns(text: string, sentences: Sentence[]): Attribution[] {
  return groupByParagraph(sentences).flatMap((paragraph) => {
    const start = paragraph[0].start;
    const end = paragraph[paragraph.length - 1].end;
    const label = TURN_LABEL.exec(text.slice(start, end));
    if (!label || NOT_SPEAKERS.test(label[2])) return [];
    const sourceStart = start + label[1].length;
    const colon = sourceStart + label[2].length;
    const content = trimmedContent(text, { start: colon + 1, end });
    return [{ cue: slice(text, { start: colon, end: colon + 1 }), source: slice(text, { start: sourceStart, end: colon }), content: slice(text, content) }];
  });
}

/** Without surrounding white space and the quotation marks of a transcript paragraph. */
function trimmedContent(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s"“]/.test(text[start])) start++;
  while (end > start && /[\s"”]/.test(text[end - 1])) end--;
  return { start, end };
}
