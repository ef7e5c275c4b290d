// Which tokens of a sentence the tagger needs to decode. Names are written with capitals (or sit in a gazetteer), so
// a long run of lower-case words and punctuation is tagged O without scoring it: in news text that is about four
// tokens in five, and most of the tagger's time. What a name may contain besides capitalized words is kept with it:
// short lower-case joins ("Bank of England", "Organisation for Economic Co-operation and Development"), particles
// before a surname ("de Gaulle", "bin Laden") and a number, bracket or possessive after one ("Euro 2004", "Lord's").
import { mapped } from '../arrays';
import { NAME_PARTICLES } from '../lexicons';
import type { FormInfo } from './features';

/** Longest run of other tokens between two capitalized ones that may still lie inside one name. */
const MAX_JOIN = 2;
const MAX_PARTICLES = 2;
/** A token after a capitalized one that may end the name: a number, a closing bracket, a possessive ("Lord's"). */
const CLOSES_NAME = /^(?:\p{N}|[)\]]|'s?$)/u;

/** Token ranges [from, to) to decode, in order and disjoint; every other token is O. */
export function nameStretches(infos: readonly FormInfo[], gazetteer: readonly (readonly string[])[]): [number, number][] {
  const length = infos.length;
  const anchor = mapped(infos, (info, i) => info.normalized !== info.key || gazetteer[i].length > 0);
  const keep = anchor.slice();
  let previous = -1;
  for (let i = 0; i < length; i++) {
    if (!anchor[i]) continue;
    if (previous >= 0 && i - previous - 1 <= MAX_JOIN) keep.fill(true, previous + 1, i);
    for (let k = i - 1; k >= Math.max(0, i - MAX_PARTICLES) && NAME_PARTICLES.has(infos[k].key); k--) keep[k] = true;
    if (i + 1 < length && CLOSES_NAME.test(infos[i + 1].normalized)) keep[i + 1] = true;
    previous = i;
  }
  const stretches: [number, number][] = [];
  for (let i = 0; i < length; i++) {
    if (!keep[i]) continue;
    const from = i;
    while (i + 1 < length && keep[i + 1]) i++;
    stretches.push([from, i + 1]);
  }
  return stretches;
}
