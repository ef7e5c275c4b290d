import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analyze';
import { defaultRecognizer } from '../../server/src/entities';
import { splitSentences } from '../../server/src/text';
import type { EntityMention } from '../../server/src/types';
import { assertSlices } from '../support/spans';

// These run the committed model: they pin the behaviour editors see, so a retrained model must keep it.
const entities = (text: string): EntityMention[] => defaultRecognizer().recognize(text, splitSentences(text));
const labels = (text: string): string[] => entities(text).map((m) => `${m.text}/${m.type}`);
const has = (text: string, ...expected: string[]): void => {
  const found = labels(text);
  for (const e of expected) assert.ok(found.includes(e), `expected ${e} in ${JSON.stringify(found)}`);
};

// Invented event and people: fishing-quota talks in Lisbon.
const ARTICLE = [
  'Haddad Visiting Lisbon For More Quota Crisis Talks',
  '',
  'Fisheries envoy Karim al-Haddad met Dutch Fisheries Minister Lena van der Berg in Lisbon on Tuesday.',
  '',
  'Haddad said the Coastal Fisheries Agency would publish new quotas in October.',
  '',
  'Meanwhile, Norwegian crews protested near Vardo, and Haddad’s deputy called the talks "useful".',
].join('\n');

describe('entities: people', () => {
  it('leaves titles out of names', () => {
    has(
      'Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State John Kerry in Geneva on Saturday.',
      'Sergei Lavrov/PERSON', 'John Kerry/PERSON', 'Russian/MISC', 'Geneva/LOCATION',
    );
  });

  it('keeps particles and hyphenated prefixes inside names', () => {
    has('Syrian President Bashar al-Assad met UN envoy Staffan de Mistura in Damascus.', 'Bashar al-Assad/PERSON', 'Staffan de Mistura/PERSON');
  });

  it('leaves the possessive ending out of the name, with straight or curly apostrophes', () => {
    has("Kerry's plan was rejected by Moscow.", 'Kerry/PERSON', 'Moscow/LOCATION');
    has('Lavrov’s aides said the “Geneva” talks would go on.', 'Lavrov/PERSON', 'Geneva/LOCATION');
  });

  it('tells Jordan the country from Jordan the person by context', () => {
    has('Jordan closed its border with Syria on Monday.', 'Jordan/LOCATION');
    has('Michael Jordan scored 30 points for the Chicago Bulls.', 'Michael Jordan/PERSON', 'Chicago Bulls/ORGANIZATION');
  });
});

describe('entities: organizations and places', () => {
  it('recognizes multi-word organizations and places', () => {
    has(
      'The European Union and the United Nations met in New York. Microsoft shares fell 3 percent.',
      'European Union/ORGANIZATION', 'United Nations/ORGANIZATION', 'New York/LOCATION', 'Microsoft/ORGANIZATION',
    );
  });
});

describe('entities: headlines', () => {
  it('does not take every capitalized word of a Title Case headline for a name', () => {
    const headline = ARTICLE.split('\n')[0];
    const inHeadline = entities(ARTICLE).filter((m) => m.end <= headline.length);
    assert.deepEqual(inHeadline.map((m) => `${m.text}/${m.type}`), ['Haddad/PERSON', 'Lisbon/LOCATION']);
  });

  it('finds names in an all-caps headline', () => {
    has('KERRY AND LAVROV MEET IN GENEVA\n\nJohn Kerry met Sergei Lavrov in Geneva on Friday.', 'KERRY/PERSON', 'GENEVA/LOCATION');
  });
});

describe('entities: page furniture', () => {
  it('finds no name in a line a web page leaves above the article ("Story highlights")', () => {
    const text = 'Story highlights\n\nKerry in London for talks\n\nStory by Lena Berg. John Kerry met allies in London.';
    const names = analyzeArticle(text).entities.map((m) => `${m.text}@${m.start}`);
    assert.ok(!names.includes('Story@0'), JSON.stringify(names));
    assert.ok(names.includes(`John Kerry@${text.indexOf('John Kerry')}`), JSON.stringify(names));
  });
});

describe('entities: offsets', () => {
  it('finds a whole article: sorted, non-overlapping, every mention slicing to its text', () => {
    const mentions = entities(ARTICLE);
    assertSlices(ARTICLE, mentions, 'entity');
    mentions.slice(1).forEach((m, i) => assert.ok(m.start >= mentions[i].end, `${m.text} overlaps ${mentions[i].text}`));
    has(ARTICLE, 'Karim al-Haddad/PERSON', 'Lena van der Berg/PERSON', 'Coastal Fisheries Agency/ORGANIZATION', 'Vardo/LOCATION', 'Norwegian/MISC');
    assert.equal(labels(ARTICLE).filter((l) => l === 'Haddad/PERSON').length, 3);
  });

  it('gives the same mentions for CRLF text, at CRLF offsets', () => {
    const crlf = ARTICLE.replace(/\n/g, '\r\n');
    const mentions = entities(crlf);
    assertSlices(crlf, mentions, 'entity');
    assert.deepEqual(mentions.map((m) => `${m.text}/${m.type}`), labels(ARTICLE));
    assert.equal(mentions.find((m) => m.text === 'Karim al-Haddad')!.start, crlf.indexOf('Karim'));
  });

  it('counts offsets in UTF-16 units after emoji', () => {
    const text = '😀😀 Karim al-Haddad met 😀 Mara Quill in Lisbon.';
    const mentions = entities(text);
    assertSlices(text, mentions, 'entity');
    assert.deepEqual(mentions.map((m) => [m.text, m.start]), [
      ['Karim al-Haddad', text.indexOf('Karim')],
      ['Mara Quill', text.indexOf('Mara')],
      ['Lisbon', text.indexOf('Lisbon')],
    ]);
  });

  it('returns nothing for empty or blank text', () => {
    assert.deepEqual(entities(''), []);
    assert.deepEqual(entities(' \r\n\n '), []);
  });
});
