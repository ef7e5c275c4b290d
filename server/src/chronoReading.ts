// chrono-node's reading of a text, for the dates stages, which read a text against two references. Most of chrono's
// time is its parsers' patterns, each run over the whole text, and few of them match: the second reading runs only
// the parsers whose patterns matched in the first, and finds what chrono.parse would. Two of the patterns cost more
// to compile in a fresh process than all the rest: they are compiled with their cases spelled out (spelledCases).
import * as chrono from 'chrono-node';
import { RUN_LIMIT, shortenRuns } from './spaceRuns';

/** chrono-node's results for a text, and the parsers whose patterns matched the text. */
export interface ChronoReading {
  results: chrono.ParsedResult[];
  matched: chrono.Parser[];
}

// chrono's duration patterns before "ago" and "later" ("3 days ago", "two weeks later"): V8 took about 120 ms to
// compile each (ignoring case) in a fresh process, against a few ms for each other pattern. Spelled out, they compile
// in a quarter of that and match as fast; spelling out all the patterns cost more, in a fresh process and after.
export const SPELLED_PARSERS: ReadonlySet<string> = new Set(['ENTimeUnitAgoFormatParser', 'ENTimeUnitLaterFormatParser']);

// The parsers whose patterns matched the text being read: chrono calls a parser's extract only where its pattern matches.
let matched: chrono.Parser[] = [];
const PARSERS = chrono.casual.parsers.map((parser) => {
  let original: RegExp | null = null;
  let spelled: RegExp | null = null;
  const pattern = SPELLED_PARSERS.has(parser.constructor.name)
    ? (context: chrono.ParsingContext): RegExp => {
        const current = parser.pattern(context);
        if (current !== original) [original, spelled] = [current, spelledCases(current)];
        return spelled!;
      }
    : (context: chrono.ParsingContext): RegExp => parser.pattern(context);
  const plain: chrono.Parser = { pattern, extract: (context, match) => parser.extract(context, match) };
  const watched: chrono.Parser = {
    pattern,
    extract: (context, match) => {
      if (matched[matched.length - 1] !== plain) matched.push(plain);
      return parser.extract(context, match);
    },
  };
  return watched;
});

// chrono-node's refiner of "the last day of March" and "end of the month" tests its prefix (this pattern) on the
// whole text before each result: time in the square of a sentence's dates. The prefix spans four words and the runs
// of white space between them, each cut to RUN_LIMIT: the text that reach covers, and the character before it, read
// the same, and the refiner changes only the results the prefix comes before.
const PERIOD_END_PREFIX = /\b(?:last\s+day|end)\s+of\s+(?:the\s+)?$/i;
const PERIOD_END_REACH = 4 * RUN_LIMIT + 'lastdayofthe'.length + 1;
const REFINERS = chrono.casual.refiners.map((refiner): chrono.Refiner => {
  if (refiner.constructor.name !== 'ENEndOfPeriodRefiner') return refiner;
  return {
    refine(context, results) {
      const prefixed = results.filter((result) => PERIOD_END_PREFIX.test(context.text.slice(Math.max(0, result.index - PERIOD_END_REACH), result.index)));
      if (prefixed.length > 0) refiner.refine(context, prefixed);
      return results;
    },
  };
});
const WATCHING = new chrono.Chrono({ parsers: PARSERS, refiners: REFINERS });
const ONLY_MATCHED = new chrono.Chrono({ parsers: [], refiners: REFINERS });

/**
 * chrono-node's reading of a text against a reference (chrono.parse's), with the text's long white-space runs cut (masks
 * blank whole spans, and can leave long runs) and the results' offsets and texts taken back to the text's own. Given
 * `again`, a reading of the same text, only the parsers that matched in it run (about 3 of 18): no pattern depends on
 * the reference date, so the others would find nothing again.
 */
export function parseChrono(text: string, reference: Date, again?: ChronoReading): ChronoReading {
  const runs = shortenRuns(text);
  const reading = again ? { results: readWith(again.matched, runs.text, reference), matched: again.matched } : readWatched(runs.text, reference);
  if (runs.text === text) return reading;
  reading.results = reading.results.map((result) => {
    const start = runs.original(result.index);
    return Object.assign(result, { index: start, text: text.slice(start, runs.original(result.index + result.text.length)) });
  });
  return reading;
}

/** All of chrono's parsers, watched for which of them match. */
function readWatched(text: string, reference: Date): ChronoReading {
  matched = [];
  return { results: WATCHING.parse(text, reference), matched };
}

function readWith(parsers: chrono.Parser[], text: string, reference: Date): chrono.ParsedResult[] {
  ONLY_MATCHED.parsers = parsers;
  return ONLY_MATCHED.parse(text, reference);
}

/**
 * A pattern that ignores case, as the same pattern with each ASCII letter written as the class of its two cases
 * ("ago" as [aA][gG][oO]) and no i flag. Without the u flag an ASCII letter ignoring case matches its two cases and
 * nothing else, so both match the same; V8 compiles the one that ignores case by closing every letter over its cases
 * through ICU. A pattern with anything else that case could touch (a letter or a range of letters in a class, a letter
 * other than ASCII, escaped or not, a back-reference or a named group) is kept as it is.
 */
export function spelledCases(pattern: RegExp): RegExp {
  if (!pattern.flags.includes('i') || /[uv]/.test(pattern.flags)) return pattern;
  const { source } = pattern;
  let spelled = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      // Only escapes of a class (\s, \d, \w, \b and their negations) or of an ASCII sign; not \k<name>, \1, \x41, \cJ
      // nor \é (é itself, whose case the i flag would touch).
      const escaped = source[i + 1] ?? '';
      if (!/^[sSdDwWbB]$|^[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]$/.test(escaped)) return pattern;
      spelled += c + escaped;
      i++;
    } else if (/[A-Za-z]/.test(c)) {
      if (inClass) return pattern;
      spelled += `[${c.toLowerCase()}${c.toUpperCase()}]`;
    } else if (inClass && c === '-' && rangeSpansLetters(source, i)) {
      return pattern;
    } else if (c.toLowerCase() !== c.toUpperCase() || (c === '(' && source.startsWith('?<', i + 1) && !/[=!]/.test(source[i + 3]))) {
      return pattern;
    } else {
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      spelled += c;
    }
  }
  return new RegExp(spelled, pattern.flags.replace('i', ''));
}

/**
 * Whether the dash at `dash`, in a class, makes a range that may hold an ASCII letter though its ends are signs ("[0-_]"
 * holds A-Z). A dash that opens or closes its class is itself.
 */
function rangeSpansLetters(source: string, dash: number): boolean {
  const opensClass = (source[dash - 1] === '[' || (source[dash - 1] === '^' && source[dash - 2] === '[')) && source[dash - 2] !== '\\';
  if (opensClass || source[dash + 1] === ']') return false;
  const from = source.charCodeAt(dash - 1);
  const to = source.charCodeAt(source[dash + 1] === '\\' ? dash + 2 : dash + 1);
  return (from <= 0x5a && to >= 0x41) || (from <= 0x7a && to >= 0x61);
}
