import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultRecognizer } from '../../server/src/entities';
import { readOneWordPeople, withoutLeadingTitles } from '../../server/src/ner/nameShapes';
import { splitSentences } from '../../server/src/text';
import type { EntityMention, EntityType } from '../../server/src/types';

/** The mention of `name` at its `nth` occurrence in `text`, as the tagger would give it. */
function at(text: string, name: string, type: EntityType, nth = 0): EntityMention {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(name, start + 1);
  assert.ok(start >= 0, `${name} is in the text`);
  return { start, end: start + name.length, text: name, type };
}

describe('ner: a person is named without the titles before the name', () => {
  it('cuts titles before a full name, keeping two words at least, and the span still slices the text', () => {
    const text = 'UN Special Envoy Staffan de Mistura and Prince Charles met President Obama.';
    const trimmed = withoutLeadingTitles(at(text, 'Envoy Staffan de Mistura', 'PERSON'));
    assert.equal(trimmed.text, 'Staffan de Mistura');
    assert.equal(text.slice(trimmed.start, trimmed.end), trimmed.text);
    assert.equal(withoutLeadingTitles(at(text, 'Prince Charles', 'PERSON')).text, 'Prince Charles');
    assert.equal(withoutLeadingTitles(at(text, 'President Obama', 'PERSON')).text, 'President Obama');
    assert.equal(withoutLeadingTitles(at(text, 'UN Special Envoy', 'ORGANIZATION')).text, 'UN Special Envoy');
  });
});

describe('ner: a one-word "person" read from the rest of the article', () => {
  const read = readOneWordPeople;

  it('types a one-word "person" that opens a longer name of another type as that name', () => {
    const text = 'Talks with the Nusra Front stalled. Nusra said nothing.';
    const mentions = [at(text, 'Nusra Front', 'ORGANIZATION'), at(text, 'Nusra', 'PERSON', 1)];
    const out = read(text, mentions);
    assert.deepEqual(out, [mentions[0], { ...mentions[1], type: 'ORGANIZATION' }]);
  });

  it('keeps a person after a title, or one whose word is in a full name of a person', () => {
    const text = 'The Reagan Administration said President Reagan would go. Ford Motor said Ford was back, as Gerald Ford said.';
    const mentions = [
      at(text, 'Reagan Administration', 'ORGANIZATION'),
      at(text, 'Reagan', 'PERSON', 1),
      at(text, 'Ford Motor', 'ORGANIZATION'),
      at(text, 'Ford', 'PERSON', 1),
      at(text, 'Gerald Ford', 'PERSON'),
    ];
    assert.deepEqual(read(text, mentions).map((m) => m.type), ['ORGANIZATION', 'PERSON', 'ORGANIZATION', 'PERSON', 'PERSON']);
  });

  it('in the shipped tagger: a company named alone is no person when the article gives its full name', () => {
    const text = 'Pirelli cables look to China\n\nItalian tyre and cables giant Pirelli SpA said on Friday it would invest. Pirelli shares rose.\n';
    const mentions = defaultRecognizer().recognize(text, splitSentences(text));
    assert.ok(mentions.some((m) => m.text === 'Pirelli SpA' && m.type === 'ORGANIZATION'), JSON.stringify(mentions));
    const alone = mentions.filter((m) => m.text === 'Pirelli');
    assert.ok(alone.length > 0 && alone.every((m) => m.type === 'ORGANIZATION'), JSON.stringify(alone));
  });
});
