// Editors' annotations applied to the analysis: names and dates added, retyped, confirmed or removed; links between
// mentions; claim statuses matched to claims; and what no longer finds its text.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeAnnotated, claimDecisionFor } from '../../server/src/articleAnnotations';
import { applyCorrections } from '../../server/src/corrections';
import { annotateEntity, emptyDecisionFile, removeEntity, setClaimStatus } from '../../server/src/decisions';
import { type EditorLink, linkEntities } from '../../server/src/linking';
import type { EntityRecognizer } from '../../server/src/entities';
import type { EntityMention } from '../../server/src/types';
import type { EntityType } from '../../server/src/types';
import { assertSlices } from '../support/spans';

const NOW = new Date('2026-01-02T00:00:00Z');
const spanOf = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
const mark = { annotationId: 'x', author: 'ed', created: NOW.toISOString() };

describe('corrections over what was detected', () => {
  const text = 'Dam breach: Mayor Tomas Berg said on Friday that Kessel will rebuild.';
  const detected = {
    entities: [
      { ...spanOf(text, 'Dam'), text: 'Dam', type: 'PERSON' as const },
      { ...spanOf(text, 'Tomas Berg'), text: 'Tomas Berg', type: 'PERSON' as const },
      { ...spanOf(text, 'Kessel'), text: 'Kessel', type: 'PERSON' as const },
    ],
    dates: [{ ...spanOf(text, 'Friday'), text: 'Friday', type: 'DATE' as const, value: '2025-03-14', anchor: 'article-date' as const }],
  };

  it('removes, adds, retypes and confirms, and says which it was', () => {
    const result = applyCorrections(
      text,
      detected,
      {
        entities: [
          { ...spanOf(text, 'Kessel'), type: 'LOCATION', ...mark },
          { ...spanOf(text, 'Tomas Berg'), type: 'PERSON', ...mark },
          { ...spanOf(text, 'breach'), type: 'MISC', ...mark },
          { ...spanOf(text, 'Friday'), type: 'DATE', value: '2025-03-21', ...mark },
        ],
        removed: [spanOf(text, 'Dam')],
      },
      '2025-03-15',
    );
    assert.deepEqual(result.entities.map((e) => `${e.text}:${e.type}:${e.editor?.action}`), ['breach:MISC:added', 'Tomas Berg:PERSON:confirmed', 'Kessel:LOCATION:retyped']);
    assert.equal(result.entities[2].editor?.was, 'PERSON');
    assert.deepEqual(result.dates.map((d) => `${d.text}:${d.value}:${d.anchor}:${d.editor?.action}`), ['Friday:2025-03-21:text:revalued']);
    assertSlices(text, [...result.entities, ...result.dates]);
  });

  it('reads the value of a span an editor calls a date, and keeps what it was worked out from when it agrees', () => {
    const result = applyCorrections(text, detected, { entities: [{ ...spanOf(text, 'on Friday'), type: 'DATE', ...mark }], removed: [] }, '2025-03-15');
    assert.equal(result.dates[0].text, 'on Friday');
    assert.equal(result.dates[0].value, '2025-03-14');
    assert.equal(result.dates[0].editor?.action, 'added');
    const same = applyCorrections(text, detected, { entities: [{ ...spanOf(text, 'Friday'), type: 'DATE', value: '2025-03-14', ...mark }], removed: [] }, '2025-03-15');
    assert.equal(same.dates[0].anchor, 'article-date');
    assert.equal(same.dates[0].editor?.action, 'confirmed');
  });

  it('the analysis of an annotated article applies its file: names, and the article’s date for relative dates', () => {
    const article = 'Flood\n\nOn Friday the dam broke, Haddad said.\n';
    const noNames: EntityRecognizer = { recognize: () => [] };
    let file = annotateEntity(emptyDecisionFile('a.txt'), article, spanOf(article, 'Haddad'), 'PERSON', 'ed', NOW);
    file = { ...file, articleDate: { date: '2025-03-17', author: 'ed', created: NOW.toISOString() } };
    const { analysis } = analyzeAnnotated(article, file, (p) => p, { recognizer: noNames });
    assert.deepEqual(analysis.entities.map((e) => `${e.text}:${e.type}:${e.editor?.action}`), ['Haddad:PERSON:added']);
    assert.equal(analysis.referenceDateSource, 'editor');
    assert.equal(analysis.dates.find((d) => d.text === 'Friday')?.value, '2025-03-14');
  });

  it('sets apart what no longer finds its text, and matches a status to a claim that was split or joined', () => {
    const article = 'Flood at Kessel Dam\n\nThe dam is the largest in the region. Officials said 12,000 people left.\n';
    let file = removeEntity(emptyDecisionFile('a.txt'), 'Something else. Dam.', { start: 16, end: 19 }, true, 'ed', NOW);
    file = setClaimStatus(file, article, { start: spanOf(article, 'The dam').start, end: spanOf(article, 'region.').end }, 'verified', 'ed', NOW);
    const { annotations, analysis } = analyzeAnnotated(article, file, (p) => p);
    assert.equal(annotations?.orphans.length, 0, 'a single "Dam" is still found, whatever surrounds it');
    const gone = analyzeAnnotated('Flood\n\nNothing here.\n', file, (p) => p).annotations!;
    assert.deepEqual(gone.orphans.map((o) => o.kind).sort(), ['claim-status', 'not-entity']);
    const claim = analysis.claims.find((c) => c.text.startsWith('The dam'))!;
    assert.equal(claimDecisionFor(annotations, claim)?.status, 'verified');
    assert.equal(claimDecisionFor(annotations, { start: claim.start, end: claim.start + 5 })?.status, 'verified', 'a shorter claim over the same text');
  });
});

describe('editors’ links in linking', () => {
  const mentions = (...items: [string, EntityType][]): EntityMention[] => {
    let at = 0;
    return items.map(([text, type]) => {
      const mention = { start: at, end: at + text.length, text, type };
      at += text.length + 10;
      return mention;
    });
  };
  const articles = [
    { articleId: 'a', mentions: mentions(['Dmitri Orlov', 'PERSON'], ['Orlov', 'PERSON'], ['Orlov', 'PERSON']) },
    { articleId: 'b', mentions: mentions(['Ivan Orlov', 'PERSON'], ['Orlov', 'PERSON']) },
    { articleId: 'c', mentions: mentions(['Orlov', 'PERSON']) },
  ];
  const entityOf = (linked: ReturnType<typeof linkEntities>, articleId: string, index: number) => linked.find((e) => e.mentions.some((m) => m.articleId === articleId && m.index === index))!;

  it('"not the same" takes the mention and the same name in its article out of the entity', () => {
    const before = linkEntities(articles);
    assert.equal(entityOf(before, 'a', 1).id, entityOf(before, 'a', 0).id);
    const links: EditorLink[] = [{ kind: 'not-same', from: { articleId: 'a', index: 1 }, to: { articleId: 'a', index: 0 } }];
    const after = linkEntities(articles, links);
    const apart = entityOf(after, 'a', 1);
    assert.notEqual(apart.id, entityOf(after, 'a', 0).id);
    assert.deepEqual(apart.mentions.map((m) => `${m.articleId}:${m.index}:${m.reason}`), ['a:1:editor-not-same', 'a:2:editor-not-same']);
  });

  it('"same as" moves the mention into the other entity, across articles, whatever the rules said', () => {
    const before = linkEntities(articles);
    assert.notEqual(entityOf(before, 'c', 0).id, entityOf(before, 'b', 0).id);
    const after = linkEntities(articles, [{ kind: 'same-as', from: { articleId: 'c', index: 0 }, to: { articleId: 'b', index: 0 } }]);
    assert.equal(entityOf(after, 'c', 0).id, entityOf(after, 'b', 0).id);
    assert.equal(entityOf(after, 'c', 0).canonical, 'Ivan Orlov');
    assert.equal(entityOf(after, 'c', 0).mentions.find((m) => m.articleId === 'c')!.reason, 'editor-same-as');
  });

  it('a one-word name an editor typed keeps its type', () => {
    const typed = [{ articleId: 'a', mentions: [{ start: 0, end: 6, text: 'Kessel', type: 'LOCATION' as const, editor: { ...mark, action: 'retyped' as const } }] }];
    const other = { articleId: 'b', mentions: mentions(['Kessel', 'PERSON'], ['Kessel', 'PERSON']) };
    const linked = linkEntities([...typed, other]);
    assert.equal(entityOf(linked, 'a', 0).type, 'LOCATION');
  });
});
