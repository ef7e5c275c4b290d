// `npm run eval:dates`: date and time expressions against TimeBank + AQUAINT (TempEval-3 "TBAQ-cleaned"), each
// document resolved against its own creation date. Prints strict and relaxed extent F1 and type and value F1 for the
// project's dates stage and, beside it, chrono-node alone.
//
//   node out/tools/src/evalDates.js [--split all|tune|held-out] [--errors] [--doc DOCID]
//
// The documents are split in two by their sorted position (every fifth is held out). Rules were written looking at
// the errors of the tune part only; the held-out part says how well they carry to text they were not written for.
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import * as chrono from 'chrono-node';
import { extractDates } from '../../server/src/dates';
import { splitSentences } from '../../server/src/text';
import { dataPath } from './dataPaths';
import { type Counts, type Timex, countDocument, emptyCounts, matchTimexes, scores } from './timexScore';

interface GoldDocument {
  docid: string;
  dct: { value: string };
  text: string;
  timexes: (Timex & { text: string })[];
}

type System = (text: string, referenceDate: string) => (Timex & { text: string })[];

const SPLITS = ['all', 'tune', 'held-out'] as const;
type Split = (typeof SPLITS)[number];

const project: System = (text, referenceDate) => extractDates(text, splitSentences(text), referenceDate);

/** chrono-node on its own: each result as a DATE (TIME with a clock time) at the granularity chrono is sure of. */
const chronoAlone: System = (text, referenceDate) => {
  const [year, month, day] = referenceDate.split('-').map(Number);
  return chrono.parse(text, new Date(year, month - 1, day, 12)).map((result) => {
    const c = result.start;
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const date = `${pad(c.get('year')!, 4)}-${pad(c.get('month')!)}-${pad(c.get('day')!)}`;
    let value = date;
    if (c.isCertain('hour')) value = `${date}T${pad(c.get('hour')!)}:${pad(c.get('minute') ?? 0)}`;
    else if (!c.isCertain('day') && !c.isCertain('weekday')) value = c.isCertain('month') ? date.slice(0, 7) : date.slice(0, 4);
    const type = c.isCertain('hour') ? 'TIME' : 'DATE';
    return { start: result.index, end: result.index + result.text.length, text: result.text, type, value };
  });
};

function main(): void {
  const { values } = parseArgs({
    options: { split: { type: 'string', default: 'all' }, errors: { type: 'boolean', default: false }, doc: { type: 'string' } },
  });
  const split = values.split as Split;
  if (!SPLITS.includes(split)) throw new Error(`--split must be one of ${SPLITS.join(', ')}`);
  const file = dataPath('timex', 'tbaq-cleaned.timex.jsonl');
  if (!fs.existsSync(file)) {
    process.stderr.write(`eval:dates: ${file} not found (set NEWS_ANNOTATOR_DATA to the folder holding timex/)\n`);
    process.exitCode = 1;
    return;
  }
  const all = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as GoldDocument)
    .sort((a, b) => (a.docid < b.docid ? -1 : 1));
  const heldOut = (i: number) => i % 5 === 4;
  const documents = all
    .filter((d, i) => (values.doc ? d.docid === values.doc : split === 'all' || (split === 'held-out') === heldOut(i)))
    .map(withUtf16Offsets);

  const systems: [string, System][] = [['news-annotator', project], ['chrono-node alone', chronoAlone]];
  const totals = new Map<string, Counts>(systems.map(([name]) => [name, emptyCounts()]));
  // One untimed pass first, so the time printed is the warmed-up one an editor sees after the first articles.
  for (const document of documents) project(document.text, document.dct.value.slice(0, 10));
  let milliseconds = 0;
  let characters = 0;
  for (const document of documents) {
    const referenceDate = document.dct.value.slice(0, 10);
    for (const [name, system] of systems) {
      const started = performance.now();
      const found = system(document.text, referenceDate);
      if (name === 'news-annotator') {
        milliseconds += performance.now() - started;
        characters += document.text.length;
        if (values.errors) printErrors(document, found);
      }
      countDocument(totals.get(name)!, document.timexes, found);
    }
  }

  const gold = totals.get('news-annotator')!.gold;
  process.stdout.write(`TBAQ-cleaned, ${split === 'all' ? 'all' : `${split} part of the`} documents: ${documents.length} documents, ${gold} TIMEX3\n\n`);
  const percent = (x: number) => (100 * x).toFixed(1).padStart(6);
  process.stdout.write(`${'system'.padEnd(20)}${'strict P/R/F1'.padStart(22)}${'relaxed P/R/F1'.padStart(22)}${'type F1'.padStart(9)}${'value F1'.padStart(10)}\n`);
  for (const [name] of systems) {
    const s = scores(totals.get(name)!);
    const prf = (x: { precision: number; recall: number; f1: number }) => `${percent(x.precision)}${percent(x.recall)}${percent(x.f1)}`;
    process.stdout.write(`${name.padEnd(20)}  ${prf(s.strict)}  ${prf(s.relaxed)}   ${percent(s.type.f1)}    ${percent(s.value.f1)}\n`);
  }
  const perMegabyte = (milliseconds / characters) * 1e6;
  process.stdout.write(`\nnews-annotator took ${milliseconds.toFixed(0)} ms for ${(characters / 1e3).toFixed(0)} k characters (${(perMegabyte / 1e3).toFixed(1)} ms per thousand characters, warmed up)\n`);
}

/** The gold offsets count code points; the project's count UTF-16 code units, as JavaScript strings do. */
function withUtf16Offsets(document: GoldDocument): GoldDocument {
  const units: number[] = [];
  let offset = 0;
  for (const character of document.text) {
    units.push(offset);
    offset += character.length;
  }
  units.push(offset);
  return { ...document, timexes: document.timexes.map((t) => ({ ...t, start: units[t.start], end: units[t.end] })) };
}

function printErrors(document: GoldDocument, found: (Timex & { text: string })[]): void {
  const matches = matchTimexes(document.timexes, found);
  const lines: string[] = [];
  const context = (t: Timex) => document.text.slice(Math.max(0, t.start - 40), t.end + 30).replace(/\s+/g, ' ');
  for (const g of document.timexes) {
    const m = matches.find((x) => x.gold === g);
    if (!m) lines.push(`  missed   ${g.type} ${g.value} "${g.text}" … ${context(g)}`);
    else if (m.system.value !== g.value || m.system.type !== g.type || m.system.start !== g.start || m.system.end !== g.end) {
      lines.push(`  wrong    "${g.text}" ${g.type} ${g.value}  ≠ "${m.system.text}" ${m.system.type} ${m.system.value} … ${context(g)}`);
    }
  }
  for (const s of found) if (!matches.some((x) => x.system === s)) lines.push(`  spurious ${s.type} ${s.value} "${s.text}" … ${context(s)}`);
  if (lines.length) process.stdout.write(`${document.docid} (${document.dct.value})\n${lines.join('\n')}\n`);
}

main();
