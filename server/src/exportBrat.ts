// `--format brat`: brat standoff files, which brat and INCEpTION open. Per article a `.ann` beside a `.txt` copy of its
// text (brat needs both, with the same name; the copy is the decoded text, so offsets agree even for a file with a
// byte-order mark), and one `annotation.conf` that declares the types. Offsets count code points, as brat does.
//
//   T1  PER 86 98        Dmitri Orlov         a name (PER, ORG, LOC, MISC)
//   T2  DATE 44 58       March 14, 2025       a date (DATE, TIME, DURATION, SET) ...
//   #1  AnnotatorNotes T2  2025-03-14         ... and its TIMEX3 value
//   T3  Claim 100 180    ...                  a claim, with attributes Unattributed and Status (an editor's)
//   T4  Note 10 20       ...                  an editor's note, its text in an AnnotatorNotes line
import { CodePointOffsets } from './codePoints';
import { CLAIM_STATUSES } from './decisions';
import { type ExportOptions, type ExportedArticle, exportJson } from './exportJson';
import type { EntityType, Span } from './types';
import type { WorkspaceIndex } from './workspaceIndex';

export interface ExportedFile {
  /** Relative path in the export folder. */
  path: string;
  content: string;
}

export const BRAT_ENTITY_TYPES: Record<EntityType, string> = { PERSON: 'PER', ORGANIZATION: 'ORG', LOCATION: 'LOC', MISC: 'MISC' };
export const BRAT_DATE_TYPES = ['DATE', 'TIME', 'DURATION', 'SET'];
export const CLAIM_TYPE = 'Claim';
export const NOTE_TYPE = 'Note';
export const STATUS_ATTRIBUTE = 'Status';
export const UNATTRIBUTED_ATTRIBUTE = 'Unattributed';
export const NOTES = 'AnnotatorNotes';

export const ANNOTATION_CONF = [
  '# News Annotator: names, dates, claims and editors\' notes.',
  '[entities]',
  ...Object.values(BRAT_ENTITY_TYPES),
  ...BRAT_DATE_TYPES,
  CLAIM_TYPE,
  NOTE_TYPE,
  '',
  '[relations]',
  '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
  '',
  '[events]',
  '',
  '[attributes]',
  `${UNATTRIBUTED_ATTRIBUTE}\tArg:${CLAIM_TYPE}`,
  `${STATUS_ATTRIBUTE}\tArg:${CLAIM_TYPE}, Value:${CLAIM_STATUSES.join('|')}`,
  '',
].join('\n');

/** An article's name in the export: `a.txt` gives `a.ann` and `a.txt`; `b.news` gives `b.news.ann` and `b.news.txt`. */
export function bratStem(articlePath: string): string {
  return articlePath.endsWith('.txt') ? articlePath.slice(0, -4) : articlePath;
}

export function exportBrat(index: WorkspaceIndex, ids?: readonly string[], options: ExportOptions = {}): ExportedFile[] {
  const doc = exportJson(index, ids, options);
  const texts = new Map(index.all().map((a) => [a.displayPath, a.text]));
  const files: ExportedFile[] = [{ path: 'annotation.conf', content: ANNOTATION_CONF }];
  for (const article of doc.articles) {
    const text = texts.get(article.path)!;
    const stem = bratStem(article.path);
    files.push({ path: `${stem}.txt`, content: text }, { path: `${stem}.ann`, content: bratAnnotations(text, article) });
  }
  return files;
}

/** The `.ann` text of one article. */
export function bratAnnotations(text: string, article: ExportedArticle): string {
  const offsets = new CodePointOffsets(text);
  type Line = Span & { type: string; after: (id: string) => string[] };
  const spans: Line[] = [
    ...article.entities.map((m) => ({ ...m, type: BRAT_ENTITY_TYPES[m.type], after: () => [] })),
    ...article.dates.map((d) => ({ ...d, type: d.type, after: (id: string) => [`#\t${NOTES} ${id}\t${d.value}`] })),
    ...article.claims.map((c) => ({
      ...c,
      type: CLAIM_TYPE,
      after: (id: string) => [...(c.attributed ? [] : [`A\t${UNATTRIBUTED_ATTRIBUTE} ${id}`]), ...(c.status ? [`A\t${STATUS_ATTRIBUTE} ${id} ${c.status}`] : [])],
    })),
    ...article.notes.map((n) => ({ ...n, type: NOTE_TYPE, after: (id: string) => [`#\t${NOTES} ${id}\t${oneLine(n.note)}`] })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const lines: string[] = [];
  const counters = { A: 0, '#': 0 };
  spans.forEach((span, i) => {
    const id = `T${i + 1}`;
    const fragments = fragmentsOf(text, span);
    const offsetsText = fragments.map((f) => `${offsets.toCodePoints(f.start)} ${offsets.toCodePoints(f.end)}`).join(';');
    lines.push(`${id}\t${span.type} ${offsetsText}\t${fragments.map((f) => text.slice(f.start, f.end)).join(' ')}`);
    for (const line of span.after(id)) {
      const kind = line[0] as 'A' | '#';
      lines.push(`${kind}${++counters[kind]}${line.slice(1)}`);
    }
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** brat spans stay within a line: a span over line breaks becomes one fragment per line. */
function fragmentsOf(text: string, span: Span): Span[] {
  const fragments: Span[] = [];
  const pattern = /[^\r\n]+/g;
  const inner = text.slice(span.start, span.end);
  for (let m = pattern.exec(inner); m; m = pattern.exec(inner)) fragments.push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
  return fragments.length ? fragments : [span];
}

/** .ann lines end at a line break and fields at a tab: both become spaces in a note. */
function oneLine(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}
