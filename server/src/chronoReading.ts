// chrono-node's reading of a text, for the dates stages, which read a text against two references. Most of
// chrono's time is its parsers' patterns, each run over the whole text, and few of them match: the second reading runs
// only the parsers whose patterns matched in the first, and finds what chrono.parse would.
import * as chrono from 'chrono-node';
import { shortenRuns } from './spaceRuns';

/** chrono-node's results for a text, and the parsers whose patterns matched the text. */
export interface ChronoReading {
  results: chrono.ParsedResult[];
  matched: chrono.Parser[];
}

// The parsers whose patterns matched the text being read: chrono calls a parser's extract only where its pattern matches.
let matched: chrono.Parser[] = [];
const WATCHING = new chrono.Chrono({
  parsers: chrono.casual.parsers.map((parser) => ({
    pattern: (context) => parser.pattern(context),
    extract: (context, match) => {
      if (matched[matched.length - 1] !== parser) matched.push(parser);
      return parser.extract(context, match);
    },
  })),
  refiners: chrono.casual.refiners,
});
const ONLY_MATCHED = new chrono.Chrono({ parsers: [], refiners: chrono.casual.refiners });

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
