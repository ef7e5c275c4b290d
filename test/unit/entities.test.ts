import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recognizeEntities, ruleBasedRecognizer } from '../../server/src/entities';
import { splitSentences } from '../../server/src/text';
import type { EntityMention } from '../../server/src/types';
import { assertSlices } from '../support/spans';

// Invented event and people: fishing-quota talks in Lisbon.
const entities = (text: string): EntityMention[] => recognizeEntities(text, splitSentences(text));
const labels = (text: string): string[] => entities(text).map((m) => `${m.text}/${m.type}`);

const ARTICLE = [
  'Haddad Visiting Lisbon For More Quota Crisis Talks',
  '',
  'Share',
  '',
  'Fisheries envoy Karim al-Haddad met Dutch Fisheries Minister Lena van der Berg in Lisbon on Tuesday.',
  '',
  'Haddad said the Coastal Fisheries Agency would publish new quotas in October, a UK-based observer group said.',
  '',
  'Advertisement',
  '',
  'Meanwhile, Norwegian crews protested near Vardo, and Haddad’s deputy called the talks "useful".',
].join('\n');

describe('entities: people', () => {
  it('separates titles from names and keeps the nationality before them', () => {
    assert.deepEqual(labels('Dutch Fisheries Minister Lena van der Berg met U.S. Secretary of State Mara Quill in Lisbon.'), [
      'Dutch/MISC',
      'Lena van der Berg/PERSON',
      'U.S./LOCATION',
      'Mara Quill/PERSON',
      'Lisbon/LOCATION',
    ]);
  });

  it('reads "Presidents X and Y" as two people and a title before a surname as a person', () => {
    assert.deepEqual(labels('Presidents Tomas Veld and Ilse Brandt met on Monday. President Veld said he was hopeful.'), [
      'Tomas Veld/PERSON',
      'Ilse Brandt/PERSON',
      'Veld/PERSON',
    ]);
  });

  it('reads a title word that ends a name as a surname', () => {
    assert.deepEqual(labels('Prime Minister Ada King met Pavel Major in Lisbon.'), [
      'Ada King/PERSON',
      'Pavel Major/PERSON',
      'Lisbon/LOCATION',
    ]);
  });

  it('recognizes a surname alone once the article has used the full name, even at the start of a sentence', () => {
    assert.deepEqual(labels('Haddad met reporters.'), [], 'without the full name a sentence-initial word has no evidence');
    const text = 'Karim al-Haddad arrived on Monday. Haddad met reporters. Later, al-Haddad left.';
    assert.deepEqual(labels(text), [
      'Karim al-Haddad/PERSON',
      'Haddad/PERSON',
      'al-Haddad/PERSON',
    ]);
  });

  it('tags two people who share a surname, and the surname alone', () => {
    const text = 'Mira Castell and her brother Tomas Castell run a trawler firm. Castell declined to comment.';
    assert.deepEqual(labels(text), [
      'Mira Castell/PERSON',
      'Tomas Castell/PERSON',
      'Castell/PERSON',
    ]);
  });

  it('keeps lowercase particles inside names', () => {
    assert.deepEqual(labels('Officials met Lena van der Berg and Karim al-Haddad.'), [
      'Lena van der Berg/PERSON',
      'Karim al-Haddad/PERSON',
    ]);
  });

  it('leaves the possessive ending out of the name', () => {
    const text = 'Mara Quill and Karim al-Haddad were absent. Haddad’s deputy and Quill\'s aides met.';
    const mentions = entities(text);
    assertSlices(text, mentions, 'entity');
    assert.deepEqual(mentions.slice(2).map((m) => [m.text, m.type, m.start]), [
      ['Haddad', 'PERSON', text.indexOf('Haddad’s')],
      ['Quill', 'PERSON', text.indexOf("Quill's")],
    ]);
  });

  it('reads May as a person unless a date surrounds it', () => {
    const text = 'In his first meeting with May since she took office, Veld was cordial. The quotas expire in May, or on May 5.';
    assert.deepEqual(labels(text), [
      'May/PERSON',
      'Veld/PERSON',
    ]);
  });

  it('takes a sentence-initial word before a speech verb as a person, but not a plural noun', () => {
    assert.deepEqual(labels('Brandt conceded the quotas were too low.'), ['Brandt/PERSON']);
    assert.deepEqual(labels('Fishermen said the quotas were too low.'), []);
  });
});

describe('entities: organizations', () => {
  it('recognizes organizations by their head word, with "for" inside the name', () => {
    const text = 'The Coastal Fisheries Agency, the Northern Trawler Association and the Institute for Ocean Studies signed it.';
    assert.deepEqual(labels(text), [
      'Coastal Fisheries Agency/ORGANIZATION',
      'Northern Trawler Association/ORGANIZATION',
      'Institute for Ocean Studies/ORGANIZATION',
    ]);
  });

  it('tags all-caps acronyms as organizations, but not common abbreviations', () => {
    assert.deepEqual(labels('The CFA told AFP and the UN that TV crews and the CEO were welcome.'), [
      'CFA/ORGANIZATION',
      'AFP/ORGANIZATION',
      'UN/ORGANIZATION',
    ]);
  });

  it('recognizes well-known organizations, including a newspaper named with "The"', () => {
    assert.deepEqual(labels('Brandt wrote in The Times that the European Union and the U.N. disagreed.'), [
      'Brandt/PERSON',
      'The Times/ORGANIZATION',
      'European Union/ORGANIZATION',
      'U.N./ORGANIZATION',
    ]);
  });

  it('uses the distinctive word of an organization name for later mentions', () => {
    assert.deepEqual(labels('The Varnok Alliance opposed the quotas. Varnok’s members marched.'), [
      'Varnok Alliance/ORGANIZATION',
      'Varnok/ORGANIZATION',
    ]);
  });
});

describe('entities: places and nationalities', () => {
  it('tags countries, cities and places after "near", and nationalities as MISC, inside hyphenated words too', () => {
    const text =
      'Norwegian and Icelandic crews fished off northern Portugal and near Vardo, ' +
      'a UK-based and Norwegian-backed group said after the U.S.-Norway-brokered deal.';
    assert.deepEqual(labels(text), [
      'Norwegian/MISC',
      'Icelandic/MISC',
      'Portugal/LOCATION',
      'Vardo/LOCATION',
      'UK/LOCATION',
      'Norwegian/MISC',
      'U.S./LOCATION',
      'Norway/LOCATION',
    ]);
  });

  it('matches multi-word country names whole', () => {
    const text = 'Boats from Saudi Arabia, the United Arab Emirates and the United Kingdom docked in the town of Skarvik.';
    assert.deepEqual(labels(text), [
      'Saudi Arabia/LOCATION',
      'United Arab Emirates/LOCATION',
      'United Kingdom/LOCATION',
      'Skarvik/LOCATION',
    ]);
  });
});

describe('entities: words that are not entities', () => {
  it('ignores capitalized sentence openers, page furniture, weekdays, months and "I"', () => {
    const text =
      'Meanwhile, crews waited. Describing the mood, one said it was tense. Hundreds gathered on Friday in October.\n' +
      'Advertisement\nShare\nI think so.';
    assert.deepEqual(labels(text), []);
  });

  it('does not tag every word of a Title Case headline, only names with evidence', () => {
    const mentions = entities(ARTICLE);
    const headline = ARTICLE.split('\n')[0];
    assert.deepEqual(
      mentions.filter((m) => m.end <= headline.length).map((m) => `${m.text}/${m.type}`),
      ['Haddad/PERSON', 'Lisbon/LOCATION'],
    );
    assert.deepEqual(labels('Quota Crisis Deepens As Talks Stall'), []);
  });

  it('recognizes remembered and listed names in an all-caps headline', () => {
    assert.deepEqual(labels('HADDAD ARRIVES IN LISBON FOR QUOTA TALKS\n\nKarim al-Haddad travelled to Lisbon.'), [
      'HADDAD/PERSON',
      'LISBON/LOCATION',
      'Karim al-Haddad/PERSON',
      'Lisbon/LOCATION',
    ]);
  });
});

describe('entities: offsets and API', () => {
  it('finds a whole article: sorted, non-overlapping, every mention slicing to its text', () => {
    const mentions = entities(ARTICLE);
    assertSlices(ARTICLE, mentions, 'entity');
    mentions.slice(1).forEach((m, i) => {
      assert.ok(m.start >= mentions[i].end, `${m.text} overlaps or precedes ${mentions[i].text}`);
    });
    assert.deepEqual(mentions.map((m) => `${m.text}/${m.type}`), [
      'Haddad/PERSON',
      'Lisbon/LOCATION',
      'Karim al-Haddad/PERSON',
      'Dutch/MISC',
      'Lena van der Berg/PERSON',
      'Lisbon/LOCATION',
      'Haddad/PERSON',
      'Coastal Fisheries Agency/ORGANIZATION',
      'UK/LOCATION',
      'Norwegian/MISC',
      'Vardo/LOCATION',
      'Haddad/PERSON',
    ]);
  });

  it('gives the same mentions for CRLF text, at CRLF offsets', () => {
    const crlf = ARTICLE.replace(/\n/g, '\r\n');
    const mentions = entities(crlf);
    assertSlices(crlf, mentions, 'entity');
    assert.deepEqual(mentions.map((m) => `${m.text}/${m.type}`), labels(ARTICLE));
    assert.equal(mentions[2].start, crlf.indexOf('Karim'));
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

  it('recognizeEntities uses the rule-based recognizer', () => {
    const sentences = splitSentences(ARTICLE);
    assert.deepEqual(recognizeEntities(ARTICLE, sentences), ruleBasedRecognizer.recognize(ARTICLE, sentences));
  });
});
