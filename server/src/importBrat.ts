// Import of a brat `.ann` file into an article's annotations. A `.ann` file is taken as the whole picture of the
// article's names and dates, as an annotator left it in brat or INCEpTION: each name or date in it becomes an
// editor's annotation (added, retyped or confirmed), and each name or date the analysis has that the file lacks
// becomes a removal. Claims take the file's Status (none clears an earlier one); notes are added once.
import { CodePointOffsets } from './codePoints';
import { CLAIM_STATUSES, type ClaimStatus, type DecisionFile, addNote, annotateEntity, annotationTypeOf, removeEntity, setClaimStatus } from './decisions';
import { CLAIM_TYPE, NOTES, NOTE_TYPE, STATUS_ATTRIBUTE } from './exportBrat';
import { anchor, selectorsFor } from './selectors';
import type { Span } from './types';
import type { IndexedArticle } from './workspaceIndex';

export interface BratImport {
  file: DecisionFile;
  imported: number;
  /** Lines not imported, and why. */
  skipped: string[];
}

interface TextBound {
  id: string;
  type: string;
  span: Span;
  text: string;
}

// A TIMEX3 value, as brat notes on dates hold them: 2016-10-15, XXXX-10, 2016-W41, P3D, PT2H, PRESENT_REF.
const TIMEX_VALUE = /^(?:[\dX]{2,4}(?:-[\dXWQHSUPFAI]{1,3}){0,2}(?:T[\d:X]+|T(?:MO|AF|EV|NI))?|P(?:T?[\d.X]+[YMWDHS])+|PT?X+[YMWDHS]|(?:PRESENT|PAST|FUTURE)_REF)$/;

/**
 * `bratText` is the `.txt` the offsets count in, when it came with the `.ann`; an article edited since still gets its
 * annotations, found again by their text.
 */
export function importBrat(ann: string, article: IndexedArticle, file: DecisionFile, author: string, now: Date, bratText?: string): BratImport {
  const skipped: string[] = [];
  const textBound = new Map<string, TextBound>();
  const notes = new Map<string, string[]>();
  const statuses = new Map<string, ClaimStatus>();
  const sourceText = bratText ?? article.text;
  const offsets = new CodePointOffsets(sourceText);
  for (const [i, line] of ann.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const fields = line.split('\t');
    const [id, annotation = ''] = fields;
    const where = `line ${i + 1} (${id})`;
    if (id.startsWith('T')) {
      const parsed = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(annotation);
      if (!parsed) {
        skipped.push(`${where}: not a text-bound annotation`);
        continue;
      }
      const numbers = parsed[2].split(/[ ;]/).map(Number);
      const start = offsets.toUtf16(Math.min(...numbers));
      const end = offsets.toUtf16(Math.max(...numbers));
      if (start < 0 || end < 0 || end > sourceText.length) {
        skipped.push(`${where}: offsets outside the text`);
        continue;
      }
      textBound.set(id, { id, type: parsed[1], span: { start, end }, text: fields[2] ?? '' });
    } else if (id.startsWith('#')) {
      const [kind, target] = annotation.split(' ');
      if (kind === NOTES && target) notes.set(target, [...(notes.get(target) ?? []), fields.slice(2).join('\t')]);
    } else if (id.startsWith('A') || id.startsWith('M')) {
      const [name, target, value] = annotation.split(' ');
      if (name === STATUS_ATTRIBUTE && CLAIM_STATUSES.includes(value as ClaimStatus)) statuses.set(target, value as ClaimStatus);
    } else {
      skipped.push(`${where}: relations, events and normalizations are not imported`);
    }
  }

  // Where each annotation is in the article now (the brat text may be an older version of it).
  const place = (t: TextBound): Span | null => {
    if (sourceText === article.text && spanText(article.text, t.span) === t.text) return t.span;
    if (article.text.slice(t.span.start, t.span.end) === t.text) return t.span;
    return anchor(article.text, selectorsFor(sourceText, t.span));
  };

  let updated = file;
  let imported = 0;
  const wanted: { span: Span; type: ReturnType<typeof annotationTypeOf>; notes: string[] }[] = [];
  const claims: { span: Span; status: ClaimStatus | null }[] = [];
  const noted: { span: Span; note: string }[] = [];
  for (const t of textBound.values()) {
    const span = place(t);
    if (!span) {
      skipped.push(`${t.id} “${t.text}”: its text is not in the article`);
      continue;
    }
    const type = annotationTypeOf(t.type);
    if (type) wanted.push({ span, type, notes: notes.get(t.id) ?? [] });
    else if (t.type === CLAIM_TYPE) claims.push({ span, status: statuses.get(t.id) ?? null });
    else if (t.type !== NOTE_TYPE) skipped.push(`${t.id}: type ${t.type} is not a name, date, claim or note`);
    // Notes on a date hold its value; any other note is an editor's note on that text.
    for (const note of notes.get(t.id) ?? []) if (!(type === 'DATE' && TIMEX_VALUE.test(note.trim()))) noted.push({ span, note });
  }

  const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end;
  const { entities, dates } = article.analysis;
  for (const mention of [...entities, ...dates]) {
    if (wanted.some((w) => same(w.span, mention))) continue;
    updated = removeEntity(updated, article.text, mention, !mention.editor || mention.editor.action !== 'added', author, now);
    imported++;
  }
  for (const { span, type, notes: onIt } of wanted) {
    const value = type === 'DATE' ? onIt.map((n) => n.trim()).find((n) => TIMEX_VALUE.test(n)) : undefined;
    // A value the analysis gives too is not pinned: it keeps following the article's date.
    const detected = dates.find((d) => same(d, span))?.value;
    updated = annotateEntity(updated, article.text, span, type!, author, now, value && value !== detected ? value : undefined);
    imported++;
  }
  for (const { span, status } of claims) {
    const claim = article.analysis.claims.find((c) => c.start < span.end && span.start < c.end) ?? span;
    updated = setClaimStatus(updated, article.text, claim, status, author, now);
    if (status) imported++;
  }
  for (const { span, note } of noted) {
    const exists = updated.annotations.some((a) => a.kind === 'note' && a.note === note && same(anchor(article.text, a.selector) ?? { start: -1, end: -1 }, span));
    if (exists) continue;
    updated = addNote(updated, article.text, span, note, author, now);
    imported++;
  }
  return { file: updated, imported, skipped };
}

/** A brat span's text: fragments are joined with a space, so a span over a line break reads as one line. */
function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end).replace(/[\r\n]+/g, ' ');
}
