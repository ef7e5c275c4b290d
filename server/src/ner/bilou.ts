// BILOU tags (Begin, Inside, Last, Outside, Unit), which tag entity boundaries better than IOB for a linear model.

const ENTITY_CLASSES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityClass = (typeof ENTITY_CLASSES)[number];

export const TAGS: readonly string[] = ['O', ...ENTITY_CLASSES.flatMap((c) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${c}`))];

export interface TokenRange {
  /** Token indexes, `end` exclusive. */
  start: number;
  end: number;
  type: EntityClass;
}

/** Whether `next` may follow `previous` (null = sentence start; next null = sentence end). */
export function allowedTransition(previous: string | null, next: string | null): boolean {
  const open = previous !== null && (previous.startsWith('B-') || previous.startsWith('I-'));
  if (next === null) return !open;
  if (open) return (next.startsWith('I-') || next.startsWith('L-')) && next.slice(2) === previous!.slice(2);
  return next === 'O' || next.startsWith('B-') || next.startsWith('U-');
}

/** Tag per token from entity ranges. */
export function encodeBilou(length: number, ranges: readonly TokenRange[]): string[] {
  const tags: string[] = new Array(length).fill('O');
  for (const { start, end, type } of ranges) {
    if (end - start === 1) tags[start] = `U-${type}`;
    else for (let i = start; i < end; i++) tags[i] = `${i === start ? 'B' : i === end - 1 ? 'L' : 'I'}-${type}`;
  }
  return tags;
}

/** Entity ranges from a tag sequence; tolerates IOB-style sequences so gold CoNLL tags convert too. */
export function decodeTags(tags: readonly string[]): TokenRange[] {
  const ranges: TokenRange[] = [];
  let open: TokenRange | null = null;
  tags.forEach((tag, i) => {
    const prefix = tag.charAt(0);
    const type = tag.slice(2) as EntityClass;
    if (open && (prefix === 'O' || prefix === 'B' || prefix === 'U' || type !== open.type)) {
      ranges.push(open);
      open = null;
    }
    if (prefix === 'O') return;
    if (!open) open = { start: i, end: i + 1, type };
    else open.end = i + 1;
    if (prefix === 'L' || prefix === 'U') {
      ranges.push(open);
      open = null;
    }
  });
  if (open) ranges.push(open);
  return ranges;
}
