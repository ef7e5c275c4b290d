import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveSources } from '../../server/src/sources';
import { slice, splitSentences } from '../../server/src/text';
import type { Attribution, EntityMention, EntityType } from '../../server/src/types';

function mention(text: string, name: string, type: EntityType, from = 0): EntityMention {
  const start = text.indexOf(name, from);
  return { ...slice(text, { start, end: start + name.length }), type };
}

function attribution(text: string, cue: string, source: string | null, content: string): Attribution {
  const at = (s: string) => slice(text, { start: text.indexOf(s), end: text.indexOf(s) + s.length });
  return { cue: at(cue), source: source === null ? null : at(source), content: at(content) };
}

describe('resolveSources', () => {
  it('names the person inside a descriptive source phrase, before the organization', () => {
    const text = 'Campaign spokesman Jason Miller of Trump Tower said the plan was final.';
    const entities = [mention(text, 'Jason Miller', 'PERSON'), mention(text, 'Trump Tower', 'ORGANIZATION')];
    const found = resolveSources([attribution(text, 'said', 'Campaign spokesman Jason Miller of Trump Tower', 'the plan was final')], entities, splitSentences(text));
    assert.deepEqual(found, [0]);
  });

  it('resolves "he" to the last person quoted, not merely the last person named', () => {
    const text = 'Tomas Berg said the dam was failing.\nThe mayor met Ada Brennan on Monday.\nHe added that repairs had stalled.';
    const entities = [mention(text, 'Tomas Berg', 'PERSON'), mention(text, 'Ada Brennan', 'PERSON')];
    const attributions = [
      attribution(text, 'said', 'Tomas Berg', 'the dam was failing'),
      attribution(text, 'added', 'He', 'repairs had stalled'),
    ];
    assert.deepEqual(resolveSources(attributions, entities, splitSentences(text)), [0, 0]);
  });

  it('resolves "it" to the last organization, and a pronoun with no one before it to nothing', () => {
    const text = 'It said the talks failed.\nThe Northern Water Authority met on Monday.\nIt said the spillway was safe.';
    const entities = [mention(text, 'Northern Water Authority', 'ORGANIZATION')];
    const second = text.lastIndexOf('It said');
    const attributions: Attribution[] = [
      attribution(text, 'said', 'It', 'the talks failed'),
      { cue: slice(text, { start: second + 3, end: second + 7 }), source: slice(text, { start: second, end: second + 2 }), content: slice(text, { start: second + 8, end: text.length - 1 }) },
    ];
    assert.deepEqual(resolveSources(attributions, entities, splitSentences(text)), [null, 0]);
  });

  it('looks past a name that lies in no sentence to the person named before it', () => {
    const text = 'Tomas Berg spoke.\nOne.\nACME.\nHe said it was over.';
    const entities = [mention(text, 'Tomas Berg', 'PERSON'), mention(text, 'ACME', 'ORGANIZATION')];
    // The sentences as a caller may give them: the line holding the organization's name in none.
    const sentences = splitSentences(text).filter((s) => !s.text.includes('ACME'));
    assert.deepEqual(resolveSources([attribution(text, 'said', 'He', 'it was over')], entities, sentences), [0]);
  });

  it('leaves a pronoun unresolved when the last name is too many paragraphs back, and a title-only source unnamed', () => {
    const text = 'Tomas Berg spoke.\nOne.\nTwo.\nThree.\nFour.\nHe said it was over.\nA senior official said it was not.';
    const entities = [mention(text, 'Tomas Berg', 'PERSON')];
    const attributions = [
      attribution(text, 'said it was over', 'He', 'it was over'),
      attribution(text, 'said it was not', 'A senior official', 'it was not'),
    ];
    assert.deepEqual(resolveSources(attributions, entities, splitSentences(text)), [null, null]);
  });
});
