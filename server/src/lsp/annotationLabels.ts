// How annotations are named to people: in problems, undo messages and quick picks.
import type { Annotation, AnnotationType, ClaimStatus } from '../decisions';

export const TYPE_LABELS: Record<AnnotationType, string> = { PERSON: 'Person', ORGANIZATION: 'Organization', LOCATION: 'Place', MISC: 'Other', DATE: 'Date' };
export const STATUS_LABELS: Record<ClaimStatus, string> = { verified: 'verified', 'needs-source': 'needs a source', false: 'false', ignored: 'ignored' };

export function abbreviate(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** "Person: “Dmitri Orlov”", "Claim verified: “The dam…”". */
export function describeAnnotation(a: Annotation): string {
  const quote = `“${abbreviate(a.selector[0].exact)}”`;
  switch (a.kind) {
    case 'entity':
      return `${TYPE_LABELS[a.entityType]}${a.value ? ` (${a.value})` : ''}: ${quote}`;
    case 'not-entity':
      return `Not an entity: ${quote}`;
    case 'claim-status':
      return `Claim ${STATUS_LABELS[a.status]}: ${quote}`;
    case 'note':
      return `Note “${abbreviate(a.note, 40)}” on ${quote}`;
    case 'same-as':
    case 'not-same':
      return `${quote} ${a.kind === 'same-as' ? 'is' : 'is not'} the same as “${abbreviate(a.other.selector[0].exact, 40)}” in ${a.other.article}`;
  }
}

/** "(Jane Doe, 2026-01-02)". */
export function byLine(a: { author: string; created: string }): string {
  return `(${a.author || 'unknown author'}, ${a.created.slice(0, 10)})`;
}
