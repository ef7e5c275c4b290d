import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldToken, linkEntities } from '../../server/src/linking';
import type { EntityMention, EntityType } from '../../server/src/types';

/** Mentions at increasing offsets; the text is what matters to linking. */
function mentions(...items: [string, EntityType][]): EntityMention[] {
  let at = 0;
  return items.map(([text, type]) => {
    const mention = { start: at, end: at + text.length, text, type };
    at += text.length + 10;
    return mention;
  });
}

function groups(articles: { articleId: string; mentions: EntityMention[] }[]) {
  return linkEntities(articles).map((e) => ({
    canonical: e.canonical,
    type: e.type,
    texts: e.mentions.map((m) => `${m.articleId}:${articles.find((a) => a.articleId === m.articleId)!.mentions[m.index].text}`),
  }));
}

describe('linking', () => {
  it('folds transliteration variants and diacritics to one spelling', () => {
    assert.equal(foldToken('Sergey'), foldToken('Sergei'));
    assert.equal(foldToken('Dmitry'), foldToken('Dmitri'));
    assert.equal(foldToken('José'), 'jose');
    assert.notEqual(foldToken('Anna'), foldToken('Anne'));
  });

  it('gives Sergei and Sergey Lavrov, and a later "Lavrov", one entity across articles', () => {
    const linked = linkEntities([
      { articleId: 'a', mentions: mentions(['Sergei Lavrov', 'PERSON'], ['Lavrov', 'PERSON']) },
      { articleId: 'b', mentions: mentions(['Sergey Lavrov', 'PERSON']) },
      { articleId: 'c', mentions: mentions(['Lavrov', 'PERSON']) },
    ]);
    assert.equal(linked.length, 1);
    assert.equal(linked[0].canonical, 'Sergei Lavrov');
    assert.deepEqual(linked[0].aliases.sort(), ['Lavrov', 'Sergey Lavrov']);
    assert.deepEqual(linked[0].articles, ['a', 'b', 'c']);
    assert.deepEqual(linked[0].mentions.map((m) => m.reason), ['same-name', 'nearest-full-name', 'spelling-variant', 'unique-surname']);
  });

  it('joins a surname to the full name used before it in the article, and keeps two Bergs apart', () => {
    const result = groups([
      { articleId: 'a', mentions: mentions(['Tomas Berg', 'PERSON'], ['Berg', 'PERSON'], ['Anna Berg', 'PERSON'], ['Berg', 'PERSON']) },
      { articleId: 'b', mentions: mentions(['Berg', 'PERSON']) },
    ]);
    const tomas = result.find((g) => g.canonical === 'Tomas Berg')!;
    const anna = result.find((g) => g.canonical === 'Anna Berg')!;
    assert.deepEqual(tomas.texts, ['a:Tomas Berg', 'a:Berg']);
    assert.deepEqual(anna.texts, ['a:Anna Berg', 'a:Berg']);
    // In another article a bare "Berg" could be either of them: it stays on its own.
    assert.ok(result.some((g) => g.texts.length === 1 && g.texts[0] === 'b:Berg'));
  });

  it('links short forms: U.N./UN/United Nations, U.S./United States, and initials', () => {
    const result = groups([
      { articleId: 'a', mentions: mentions(['United Nations', 'ORGANIZATION'], ['U.S.', 'LOCATION'], ['Free Syrian Army', 'ORGANIZATION'], ['FSA', 'ORGANIZATION']) },
      { articleId: 'b', mentions: mentions(['U.N.', 'ORGANIZATION'], ['UN', 'ORGANIZATION'], ['United States', 'LOCATION'], ['FSA', 'ORGANIZATION']) },
    ]);
    assert.deepEqual(result.find((g) => g.canonical === 'United Nations')!.texts, ['a:United Nations', 'b:U.N.', 'b:UN']);
    assert.deepEqual(result.find((g) => g.canonical === 'United States')!.texts, ['a:U.S.', 'b:United States']);
    assert.deepEqual(result.find((g) => g.canonical === 'Free Syrian Army')!.texts, ['a:Free Syrian Army', 'a:FSA', 'b:FSA']);
  });

  it('joins initials only to a long name written beside them somewhere (AP is not Act of Parliament)', () => {
    const result = groups([
      { articleId: 'a', mentions: mentions(['Act of Parliament', 'ORGANIZATION']) },
      { articleId: 'b', mentions: mentions(['AP', 'ORGANIZATION']) },
    ]);
    assert.equal(result.length, 2);
  });

  it('reads past titles; a bare first name joins a full name only after it in its article, and only one', () => {
    const result = groups([
      { articleId: 'a', mentions: mentions(['Charles Kennedy', 'PERSON'], ['Mr Kennedy', 'PERSON'], ['Charles', 'PERSON']) },
      { articleId: 'b', mentions: mentions(['Charles', 'PERSON']) },
      { articleId: 'c', mentions: mentions(['Charles', 'PERSON'], ['Charles Kennedy', 'PERSON']) },
      { articleId: 'd', mentions: mentions(['Charles Kennedy', 'PERSON'], ['Charles Clarke', 'PERSON'], ['Charles', 'PERSON']) },
    ]);
    assert.deepEqual(result.find((g) => g.canonical === 'Charles Kennedy')!.texts, [
      'a:Charles Kennedy',
      'a:Mr Kennedy',
      'a:Charles',
      'c:Charles Kennedy',
      'd:Charles Kennedy',
    ]);
    for (const article of ['b', 'c', 'd']) assert.ok(result.some((g) => g.texts.join() === `${article}:Charles`), article);
  });

  it('keeps a surname no full name explains apart per article (two Johnsons), and joins a hyphenated surname', () => {
    const result = groups([
      { articleId: 'a', mentions: mentions(['Johnson', 'PERSON'], ['Shaun Wright-Phillips', 'PERSON'], ['Wright-Phillips', 'PERSON']) },
      { articleId: 'b', mentions: mentions(['Johnson', 'PERSON']) },
    ]);
    assert.deepEqual(result.filter((g) => g.canonical === 'Johnson').map((g) => g.texts), [['a:Johnson'], ['b:Johnson']]);
    assert.deepEqual(result.find((g) => g.canonical === 'Shaun Wright-Phillips')!.texts, ['a:Shaun Wright-Phillips', 'a:Wright-Phillips']);
  });

  it('settles a one-word name the tagger typed differently by the full name or by the workspace majority', () => {
    const result = groups([
      { articleId: 'a', mentions: mentions(['Dmitri Orlov', 'PERSON'], ['Valmora', 'LOCATION'], ['Tories', 'ORGANIZATION']) },
      { articleId: 'b', mentions: mentions(['Orlov', 'ORGANIZATION'], ['Valmora', 'LOCATION'], ['Tories', 'MISC'], ['Tories', 'ORGANIZATION']) },
      { articleId: 'c', mentions: mentions(['Valmora', 'PERSON']) },
    ]);
    assert.deepEqual(result.find((g) => g.canonical === 'Dmitri Orlov')!.texts, ['a:Dmitri Orlov', 'b:Orlov']);
    const valmora = result.find((g) => g.canonical === 'Valmora')!;
    assert.deepEqual([valmora.type, valmora.texts.length], ['LOCATION', 3]);
    assert.deepEqual(result.filter((g) => g.canonical === 'Tories').map((g) => [g.type, g.texts.length]), [['ORGANIZATION', 3]]);
  });

  it('keeps Jordan the country apart from Jordan the person', () => {
    const linked = linkEntities([
      { articleId: 'a', mentions: mentions(['Jordan', 'LOCATION'], ['Michael Jordan', 'PERSON'], ['Jordan', 'PERSON']) },
    ]);
    const country = linked.find((e) => e.type === 'LOCATION')!;
    const person = linked.find((e) => e.type === 'PERSON')!;
    assert.equal(country.mentions.length, 1);
    assert.equal(person.canonical, 'Michael Jordan');
    assert.equal(person.mentions.length, 2);
  });

  it('numbers entities in order of first appearance, deterministically', () => {
    const input = [
      { articleId: 'a', mentions: mentions(['Valmora', 'LOCATION'], ['Anna Berg', 'PERSON']) },
      { articleId: 'b', mentions: mentions(['Anna Berg', 'PERSON'], ['Geneva', 'LOCATION']) },
    ];
    const first = linkEntities(input).map((e) => `${e.id}=${e.canonical}`);
    assert.deepEqual(first, ['e1=Valmora', 'e2=Anna Berg', 'e3=Geneva']);
    assert.deepEqual(linkEntities(input).map((e) => `${e.id}=${e.canonical}`), first);
  });
});
