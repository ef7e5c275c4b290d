import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractAttributions } from '../../server/src/attribution';
import { stanceAttributions } from '../../server/src/stanceCues';
import { splitSentences } from '../../server/src/text';
import type { Attribution, EntityMention } from '../../server/src/types';
import { fasterOfTwoCpuMs } from '../support/cpuTime';
import { assertSlices } from '../support/spans';

/** Runs the stage as the pipeline does and checks every span against the text. */
function attribute(text: string, entities: EntityMention[] = []): Attribution[] {
  const found = extractAttributions(text, splitSentences(text), entities);
  assertSlices(text, found.flatMap((a) => [a.cue, a.source, a.content]), 'attribution span');
  return found;
}

interface Frame {
  cue: string;
  source: string | null;
  content: string;
}

function frames(text: string, entities: EntityMention[] = []): Frame[] {
  return attribute(text, entities).map((a) => frame(a.cue.text, a.source?.text ?? null, a.content.text));
}

function frame(cue: string, source: string | null, content: string): Frame {
  return { cue, source, content };
}

describe('extractAttributions: reported speech', () => {
  test('SOURCE CUE CONTENT', () => {
    assert.deepEqual(frames('Mayor Ada Brennan said the river would crest on Tuesday.'), [
      frame('said', 'Mayor Ada Brennan', 'the river would crest on Tuesday'),
    ]);
  });

  test('SOURCE CUE that CONTENT, with an auxiliary in the cue', () => {
    assert.deepEqual(frames('The weather service has warned that more rain is coming.'), [
      frame('has warned', 'The weather service', 'more rain is coming'),
    ]);
  });

  test('the period of an abbreviation stays on the content; a sentence\'s own period does not', () => {
    assert.deepEqual(frames('The mayor said the money came from the U.S.'), [frame('said', 'The mayor', 'the money came from the U.S.')]);
    assert.deepEqual(frames('The mayor said the money came from the state.'), [frame('said', 'The mayor', 'the money came from the state')]);
  });

  test('a pronoun is the source', () => {
    assert.deepEqual(frames('She said that the levee had held overnight.'), [
      frame('said', 'She', 'the levee had held overnight'),
    ]);
  });

  test('CONTENT, SOURCE CUE. and CONTENT, CUE SOURCE.', () => {
    assert.deepEqual(frames('Two bridges were closed, the Riverside Water Authority said.'), [
      frame('said', 'the Riverside Water Authority', 'Two bridges were closed'),
    ]);
    assert.deepEqual(frames('Two bridges were closed, said Ada Brennan.'), [
      frame('said', 'Ada Brennan', 'Two bridges were closed'),
    ]);
  });

  test('a time adjunct after the cue is neither source nor content', () => {
    assert.deepEqual(frames('The school will stay shut, volunteer groups warned Sunday.'), [
      frame('warned', 'volunteer groups', 'The school will stay shut'),
    ]);
  });

  test('told: the addressee is skipped, with or without "that"', () => {
    assert.deepEqual(frames('Brennan told reporters that the shelters were full.'), [
      frame('told', 'Brennan', 'the shelters were full'),
    ]);
    assert.deepEqual(frames('The fire chief told a local radio station Monday there was no danger of a breach.'), [
      frame('told', 'The fire chief', 'there was no danger of a breach'),
    ]);
  });

  test('according to, before and after the content', () => {
    assert.deepEqual(frames('According to the weather service, the rain will stop by Thursday.'), [
      frame('According to', 'the weather service', 'the rain will stop by Thursday'),
    ]);
    assert.deepEqual(frames('The rain will stop by Thursday, according to the weather service.'), [
      frame('according to', 'the weather service', 'The rain will stop by Thursday'),
    ]);
  });

  test('a poll or count named by "in" or "by" sources the clause it opens or ends; polls in general do not', () => {
    assert.deepEqual(frames('In the Marlow Gazette poll, 58 percent of residents backed the levee.'), [
      frame('In', 'the Marlow Gazette poll', '58 percent of residents backed the levee'),
    ]);
    assert.deepEqual(frames('Support for the dam stood at 41 percent in a Gazette/WMRL survey.'), [
      frame('in', 'a Gazette/WMRL survey', 'Support for the dam stood at 41 percent'),
    ]);
    assert.deepEqual(frames('By one estimate, 300 homes were flooded.'), [frame('By', 'one estimate', '300 homes were flooded')]);
    assert.deepEqual(frames("By the council's own count, repairs will cost $4 million."), [
      frame('By', "the council's own count", 'repairs will cost $4 million'),
    ]);
    assert.deepEqual(frames('The mayor leads by 9 points in a new Gazette poll released Thursday.'), [
      frame('in', 'a new Gazette poll released Thursday', 'The mayor leads by 9 points'),
    ]);
    assert.deepEqual(frames('The mayor leads by 9 points in the 12-county survey.'), [
      frame('in', 'the 12-county survey', 'The mayor leads by 9 points'),
    ]);
    assert.deepEqual(frames('Support stood at 41 percent in a Gazette survey, up from 30 percent in May.'), [
      frame('in', 'a Gazette survey', 'Support stood at 41 percent'),
    ]);
    assert.deepEqual(frames('Support for the dam fell in the polls.'), []);
    assert.deepEqual(frames('The mayor set out her plan in a speech released Thursday.'), []);
    assert.deepEqual(frames('The levee was paid for by Marlow from its reserve account.'), []);
  });

  test('a record or count that shows, finds or puts a figure sources it; a person who finds something does not', () => {
    assert.deepEqual(frames('The county paid $2 million for the new pumps, budget records show.'), [
      frame('show', 'budget records', 'The county paid $2 million for the new pumps'),
    ]);
    assert.deepEqual(frames('A survey by the Marlow Gazette found 58 percent of residents back the levee.'), [
      frame('found', 'A survey by the Marlow Gazette', '58 percent of residents back the levee'),
    ]);
    assert.deepEqual(frames("One ranking puts the mayor's fortune at $3 million."), [
      frame('puts', 'One ranking', "the mayor's fortune at $3 million"),
    ]);
    assert.deepEqual(frames('Police found three boats on the riverbank.'), []);
    assert.deepEqual(frames('A number of residents found their cellars flooded.'), []);
    assert.deepEqual(frames('The storm put the town under two feet of water.'), []);
  });

  test('a paragraph ending on a speaker and a colon introduces the next paragraph; a colon after no speaker does not', () => {
    const figures = 'The reservoir holds 40 percent of its capacity, down from 70 percent in June.';
    const introduced = attribute(`The water authority also pointed to some worrying figures:\n\n${figures}`);
    assert.deepEqual(introduced.filter((a) => a.content.text === figures).map((a) => a.source?.text), ['The water authority']);
    assert.deepEqual(attribute(`Here are the figures:\n\n${figures}`), []);
  });

  test('a source with an appositive, and an aside between source and cue', () => {
    // The appositive may stay on the source (as in PolNeAR); the cue and the content may not change.
    const [agency] = frames('The Riverside Water Authority, a regional agency, said it had opened the spillway.');
    assert.equal(agency.cue, 'said');
    assert.match(agency.source ?? '', /^The Riverside Water Authority\b/);
    assert.equal(agency.content, 'it had opened the spillway');
    const [engineer] = frames('Tom Ruiz, an engineer with the authority, said repairs would take months.');
    assert.match(engineer.source ?? '', /^Tom Ruiz\b/);
    assert.equal(engineer.content, 'repairs would take months');
    assert.deepEqual(frames('He, however, said the plan was sound.'), [frame('said', 'He', 'the plan was sound')]);
  });

  test('a subject before a clause set in after it is the source of the verb after that clause', () => {
    const [cut, derided] = frames('The Europeans, who had been cut out of the talks, derided the deal as toothless.');
    assert.equal(cut.source, 'who');
    assert.deepEqual(derided, frame('derided', 'The Europeans', 'the deal as toothless'));
  });

  test('a source with an appositive is not read as content when the words after the cue look like a subject', () => {
    assert.deepEqual(frames('Tom Ruiz, a spokesman for the water authority, said the town expected the river to crest on Tuesday.'), [
      frame('said', 'Tom Ruiz, a spokesman for the water authority', 'the town expected the river to crest on Tuesday'),
    ]);
  });

  test('a continuing cue shares the source and splits the content', () => {
    const [denied, saying] = frames('The authority denied cutting the warning sirens, saying the power had failed.');
    assert.equal(denied.source, 'The authority');
    assert.match(denied.content, /the warning sirens$/);
    assert.deepEqual(saying, frame('saying', 'The authority', 'the power had failed'));
  });

  test('a participle set off by a comma shares the subject of its clause, after an opening adjunct too', () => {
    const text = 'On Monday, Ada Brennan toured the flooded streets, promising the town would rebuild.';
    const start = text.indexOf('Ada Brennan');
    const mayor: EntityMention = { start, end: start + 'Ada Brennan'.length, text: 'Ada Brennan', type: 'PERSON' };
    assert.deepEqual(frames(text, [mayor]), [frame('promising', 'Ada Brennan', 'the town would rebuild')]);
    assert.deepEqual(frames('She toured the flooded streets, promising the town would rebuild.'), [
      frame('promising', 'She', 'the town would rebuild'),
    ]);
  });

  test("a participle's subject may be a name after its title; a sentence's opening word or time is no title", () => {
    const named = (text: string, name: string) => frames(text, [mention(text, name, 'PERSON')]);
    assert.deepEqual(named('Democratic front-runner Ada Brennan was the first candidate to weigh in, tweeting that the ruling was a victory.', 'Ada Brennan'), [
      frame('tweeting', 'Democratic front-runner Ada Brennan', 'the ruling was a victory'),
    ]);
    assert.deepEqual(named('Last Friday Brennan toured the dam, saying it would hold.', 'Brennan'), [frame('saying', null, 'it would hold')]);
  });

  test('a participle the rules read too, with no cue before it to continue, shares the subject of its clause', () => {
    assert.deepEqual(frames('They would give no details, noting that the ministry had not commented on the decision.'), [
      frame('noting', 'They', 'the ministry had not commented on the decision'),
    ]);
  });

  test('multi-word and passive cues', () => {
    assert.deepEqual(frames('Brennan was quoted as saying the town would rebuild.'), [
      frame('was quoted as saying', 'Brennan', 'the town would rebuild'),
    ]);
    const passive = frames('It was reported that the school would stay closed.');
    assert.equal(passive.length, 1);
    assert.match(passive[0].cue, /was reported$/);
    assert.equal(passive[0].source, null);
    assert.equal(passive[0].content, 'the school would stay closed');
  });

  test('a named entity is never cut: the source grows to cover it', () => {
    const text = 'Water rose as the Office on Flood Relief said more pumps were coming.';
    const start = text.indexOf('Office');
    const name = 'Office on Flood Relief';
    const office: EntityMention = { start, end: start + name.length, text: name, type: 'ORGANIZATION' };
    const [found] = frames(text, [office]);
    assert.match(found.source ?? '', /^(?:the )?Office on Flood Relief$/);
    assert.equal(found.content, 'more pumps were coming');
  });

  test('an infinitive cue names its source', () => {
    const [experts] = frames('Engineers are among the experts to suggest that the dam was poorly built.');
    assert.match(experts.cue, /suggest$/);
    assert.equal(experts.source, 'the experts');
    assert.equal(experts.content, 'the dam was poorly built');
    // A refusal to say is attributed to who refused, as in PolNeAR.
    assert.deepEqual(frames('The mayor declined to say whether the pumps worked.').map((f) => f.source), ['The mayor']);
  });

  test('words that only look like cues are not cues; a warning about a topic is attributed to who warned', () => {
    assert.deepEqual(frames('As the water claims more farmland, the town shrinks.'), []);
    assert.deepEqual(frames('Inspectors had warned about cracks in the spillway.').map((f) => f.source), ['Inspectors']);
    assert.deepEqual(frames('Professor Edward Said visited the flooded town on Monday.'), []);
    assert.deepEqual(frames('The agency issued a warning that roads would close.').map((f) => f.source), ['The agency']);
  });
});

describe('extractAttributions: direct quotes', () => {
  test('"QUOTE," SOURCE CUE and "QUOTE," CUE SOURCE, straight and curly marks', () => {
    assert.deepEqual(frames('"We are ready for the worst," the mayor said.'), [
      frame('said', 'the mayor', 'We are ready for the worst'),
    ]);
    assert.deepEqual(frames('“We are ready,” said the fire chief.'), [
      frame('said', 'the fire chief', 'We are ready'),
    ]);
  });

  test('a quote interrupted by its cue yields both parts', () => {
    assert.deepEqual(frames('"The water is rising," she said, "but the dam will hold."'), [
      frame('said', 'she', 'The water is rising'),
      frame('said', 'she', 'but the dam will hold'),
    ]);
  });

  test('SOURCE CUE, "QUOTE" and a quote after a told-object', () => {
    assert.deepEqual(frames('Meanwhile, the mayor added, “we will rebuild the bridge.”'), [
      frame('added', 'the mayor', 'we will rebuild the bridge'),
    ]);
    assert.deepEqual(frames('"The shelters are full," Brennan told a press conference on Friday.'), [
      frame('told', 'Brennan', 'The shelters are full'),
    ]);
  });

  test('a quote over two sentences of one paragraph is one content', () => {
    assert.deepEqual(frames('"The dam is safe. Nobody needs to leave," the engineer said.'), [
      frame('said', 'the engineer', 'The dam is safe. Nobody needs to leave'),
    ]);
  });

  test('cue words inside a quotation are not cues; apostrophes are not quotation marks', () => {
    assert.deepEqual(frames('"They said it couldn\'t flood here," the farmer’s daughter said.'), [
      frame('said', 'the farmer’s daughter', "They said it couldn't flood here"),
    ]);
  });

  test('a closing mark with no opener continues a quote from the previous paragraph', () => {
    const text = '"The levee is old.\n\nWe need a new one," the engineer said.';
    assert.deepEqual(frames(text), [frame('said', 'the engineer', 'We need a new one')]);
  });
});

describe('extractAttributions: passive cues', () => {
  test('the agent after "by" is the source and the subject the content, where the tagger read them the other way', () => {
    assert.deepEqual(frames('The senator has been criticized by some of his rivals for failing to campaign in the state.'), [
      frame('has been criticized by', 'some of his rivals', 'The senator'),
    ]);
  });

  test('a clause after the agent is what it reported; subject and agent tagged as content give one attribution', () => {
    assert.deepEqual(frames('He was warned by the Russian government that the plan was a threat.'), [
      frame('was warned by', 'the Russian government', 'He'),
      frame('was warned by', 'the Russian government', 'that the plan was a threat'),
    ]);
    assert.deepEqual(frames('Both attacks were claimed by the Islamic State.'), [
      frame('were claimed by', 'the Islamic State', 'Both attacks'),
    ]);
  });

  test("a participle of feeling keeps its subject as the source: the agent is what the feeling is about", () => {
    assert.deepEqual(frames('Party leaders were angered by the deal.'), [frame('were angered by', 'Party leaders', 'the deal')]);
  });

  test('content in the clause after the agent is not the agent\'s', () => {
    const text = 'When the poll asked about all four candidates seeking the White House, Lopez was supported by 42 percent of ' +
      'those responding, while Mills received 38 percent support, Libertarian Gary Olsen 3 percent and Green Party ' +
      'candidate Jill Park 3 percent.';
    const later = frames(text).filter((f) => f.content.includes('Libertarian'));
    assert.deepEqual(later.map((f) => [f.cue, f.source]), [['was supported', null]]);
  });
});

describe('extractAttributions: transcripts', () => {
  test('a speaker label in capitals attributes the whole turn; a note label does not', () => {
    const text = 'Partial transcript:\n\nWALLACE: Will the dam hold through the weekend?\n\nBERG: We have 200 pumps running and the water is falling.\n\nUPDATE: The road reopened at noon.';
    const turns = frames(text).filter((f) => f.cue === ':');
    assert.deepEqual(turns, [
      frame(':', 'WALLACE', 'Will the dam hold through the weekend?'),
      frame(':', 'BERG', 'We have 200 pumps running and the water is falling.'),
    ]);
  });
});

/** An entity mention of `name` where it first occurs in `text`. */
function mention(text: string, name: string, type: EntityMention['type']): EntityMention {
  const start = text.indexOf(name);
  return { start, end: start + name.length, text: name, type };
}

describe('extractAttributions: stance cues', () => {
  test("a named organization's stated plan is its attribution", () => {
    const text = 'The Riverside Water Authority plans to close two bridges next week.';
    assert.deepEqual(frames(text, [mention(text, 'Riverside Water Authority', 'ORGANIZATION')]), [
      frame('plans', 'The Riverside Water Authority', 'to close two bridges next week'),
    ]);
  });

  test('a pronoun holds the stance, for sources.ts to resolve', () => {
    assert.deepEqual(frames('The river authority met on Monday. It plans to raise the levee by two feet before spring.'), [
      frame('plans', 'It', 'to raise the levee by two feet before spring'),
    ]);
  });

  test("a group's stance in a subordinate clause covers that clause, not the reporter's main clause", () => {
    assert.deepEqual(frames('There is time, but if Republicans plan to move judges in order, Nye will not get a vote until 2017.'), [
      frame('plan', 'Republicans', 'to move judges in order'),
    ]);
  });

  test('a stance\'s content stops where another attribution in the sentence starts, without the word left hanging', () => {
    const text = 'Cameron criticised Trump in parliament over his call for the ban and suggested that Trump would unite Britain.';
    const found = frames(text, [mention(text, 'Cameron', 'PERSON')]);
    assert.deepEqual(found[0], frame('criticised', 'Cameron', 'Trump in parliament'));
    assert.deepEqual(found.slice(1).map((f) => f.cue), ['call for', 'suggested']);
  });

  test('a noun that spells a stance verb is no cue: the verb must agree with its subject', () => {
    const stances = (text: string) => stanceAttributions(text, splitSentences(text), [], []);
    assert.deepEqual(stances('His long-shot plan to catch the leader would require cash.'), []);
    // Nor is one followed by a verb: "questions" is the noun here.
    assert.deepEqual(stances('Nomination questions are likely to move to the fore.'), []);
    assert.equal(stances('The Nomination Committee questions the new rules.').length, 1);
  });

  test("a reporter's event stays unattributed: charged, voted for, signed are no stance", () => {
    const text = 'The mayor was charged with fraud in 2014. Brennan voted for the levee bond. Brennan signed the bill.';
    const entities = [mention(text, 'Brennan', 'PERSON')];
    assert.deepEqual(stanceAttributions(text, splitSentences(text), entities, []), []);
    assert.deepEqual(frames('The mayor was charged with fraud in 2014.'), []);
  });
});

describe('extractAttributions: the tagger it reads', () => {
  test('the committed tagger by default; with none, the rules alone (an evaluation scores a tagger trained on part of the data)', () => {
    const text = 'Ada Brennan wants the dam rebuilt by spring. The mayor said the river would crest on Tuesday.';
    const cues = (model?: null) => extractAttributions(text, splitSentences(text), [], undefined, model).map((a) => a.cue.text);
    assert.deepEqual(cues(), ['wants', 'said']);
    assert.deepEqual(cues(null), ['said']);
  });

  test('an adverb the tagger took for a source names no one', () => {
    const text = 'Further escalation of the war threatening the Gulf states could work against Tehran at the Amman gathering, they said.';
    const escalation = frames(text).filter((f) => f.cue === 'escalation of');
    assert.deepEqual(escalation.map((f) => f.source), [null]);
  });
});

describe('extractAttributions: offsets', () => {
  test('CRLF line endings keep every span on its text', () => {
    const text = 'Flood in Marlow Vale\r\n\r\nTwo bridges closed, the authority said.\r\n"We are ready," she said.\r\n';
    assert.deepEqual(frames(text), [
      frame('said', 'the authority', 'Two bridges closed'),
      frame('said', 'she', 'We are ready'),
    ]);
  });

  test('an emoji (two UTF-16 code units) before a quote does not shift offsets', () => {
    const text = 'Crowds cheered on the bridge 😀 today. "The water is going down," the mayor said.';
    const [found] = attribute(text);
    assert.equal(found.content.text, 'The water is going down');
    assert.equal(found.content.start, text.indexOf('The water'));
    assert.equal(found.source?.text, 'the mayor');
  });

  test('empty text and text without cues give nothing', () => {
    assert.deepEqual(attribute(''), []);
    assert.deepEqual(attribute('The river rose two metres overnight.'), []);
  });
});

describe('extractAttributions: long paragraphs', () => {
  test('a paragraph of many quotations is read in time linear in its length', () => {
    // Twice the quotations take about twice the time (each token used to be looked
    // for in every quotation of its paragraph: 3.5 to 4.3 times as long).
    const cpuMs = (quotations: number) => fasterOfTwoCpuMs(() => attribute(`Prices rose ${'“a” '.repeat(quotations)}percent.`));
    cpuMs(100); // the quotation features' code, compiled
    const [shortMs, longMs] = [cpuMs(6_000), cpuMs(12_000)];
    assert.ok(longMs < 3 * shortMs + 50, `${shortMs.toFixed(0)} ms for 6,000 quotations, ${longMs.toFixed(0)} ms for 12,000`);
  });
});
