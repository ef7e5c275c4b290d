// Editors' word on names and dates, applied over what the tagger and the date rules found: mentions added, retyped,
// confirmed or removed. It runs before attribution and claims, so those work from the corrected names too.
import type { AnnotationType } from './decisions';
import { extractDates } from './dates';
import { overlaps, slice } from './text';
import type { DateMention, EditorMark, EntityMention, Span } from './types';

export interface EntityCorrection extends Span {
  type: AnnotationType;
  /** TIMEX3 value an editor gave a date. */
  value?: string;
  annotationId: string;
  author: string;
  created: string;
}

export interface EntityCorrections {
  entities: readonly EntityCorrection[];
  /** Spans where an editor said there is no name or date. */
  removed: readonly Span[];
}

export interface Detected {
  entities: EntityMention[];
  dates: DateMention[];
}

const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end;
const UNKNOWN_DAY = 'XXXX-XX-XX';

/** What was detected, without what editors removed or replaced, plus what editors annotated, in text order. */
export function applyCorrections(text: string, detected: Detected, corrections: EntityCorrections, referenceDate: string | null): Detected {
  const editorSpans: Span[] = [...corrections.entities, ...corrections.removed];
  const entities = detected.entities.filter((m) => !editorSpans.some((s) => overlaps(s, m)));
  const dates = detected.dates.filter((d) => !editorSpans.some((s) => overlaps(s, d)));
  for (const correction of corrections.entities) {
    const entity = detected.entities.find((m) => same(m, correction));
    const date = detected.dates.find((d) => same(d, correction));
    const was = entity?.type ?? (date ? 'DATE' : undefined);
    const mark = (action: EditorMark['action']): EditorMark => ({
      annotationId: correction.annotationId,
      author: correction.author,
      created: correction.created,
      action,
      ...(action === 'retyped' ? { was } : {}),
    });
    if (correction.type !== 'DATE') {
      const action = was === undefined ? 'added' : was === correction.type ? 'confirmed' : 'retyped';
      entities.push({ ...slice(text, correction), type: correction.type, editor: mark(action) });
      continue;
    }
    const read = date ?? readDate(text, correction, referenceDate);
    const action = entity ? 'retyped' : !date ? 'added' : correction.value && correction.value !== date.value ? 'revalued' : 'confirmed';
    dates.push({
      ...slice(text, correction),
      type: read?.type ?? 'DATE',
      value: correction.value ?? read?.value ?? UNKNOWN_DAY,
      // A value the editor gave stands on its own; one the rules would give too keeps what it was worked out from.
      anchor: correction.value && correction.value !== read?.value ? 'text' : (read?.anchor ?? 'text'),
      editor: mark(action),
    });
  }
  const byPosition = (a: Span, b: Span) => a.start - b.start || a.end - b.end;
  return { entities: entities.sort(byPosition), dates: dates.sort(byPosition) };
}

/** The value of a span an editor calls a date, read by the date rules from its words alone (the longest expression in it). */
function readDate(text: string, span: Span, referenceDate: string | null): DateMention | null {
  const found = extractDates(text, [{ ...slice(text, span), paragraph: 0 }], referenceDate);
  return found.sort((a, b) => b.end - b.start - (a.end - a.start))[0] ?? null;
}
