import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isReportedSpeech } from '../../tools/src/flagGrading';
import type { Span } from '../../server/src/types';

/** A gold attribution of `text` from the first occurrence of each of its parts. */
function gold(text: string, cue: string, content: string) {
  const at = (part: string): Span[] => [{ start: text.indexOf(part), end: text.indexOf(part) + part.length }];
  return { cue: at(cue), source: [], content: at(content) };
}

describe('flag grading: reported speech or a stance or event', () => {
  it('a verb of saying, "according to" or a colon reports speech', () => {
    const said = 'The mayor said the levee held 12 feet of water.';
    assert.equal(isReportedSpeech(said, gold(said, 'said', 'the levee held')), true);
    const according = 'According to the council, 300 homes flooded.';
    assert.equal(isReportedSpeech(according, gold(according, 'According to', '300 homes flooded')), true);
    const colon = 'The engineer listed the damage: 300 homes flooded.';
    assert.equal(isReportedSpeech(colon, gold(colon, ':', '300 homes flooded')), true);
  });

  it('quoted words are speech whatever the cue; an event or stance is not', () => {
    const quoted = 'Ruiz, on the levee: ‘It held.’ “Nobody was hurt,” he wrote.';
    assert.equal(isReportedSpeech(quoted, gold(quoted, 'he', '“Nobody was hurt,”')), true);
    const nyt = "''Nobody was hurt,'' Ruiz added.";
    assert.equal(isReportedSpeech(nyt, gold(nyt, 'Ruiz', "''Nobody was hurt,''")), true);
    const event = 'The council voted for the new levee in 2019.';
    assert.equal(isReportedSpeech(event, gold(event, 'voted for', 'the new levee')), false);
    const stance = 'The mayor wants the dam rebuilt by 2030.';
    assert.equal(isReportedSpeech(stance, gold(stance, 'wants', 'the dam rebuilt')), false);
  });
});
