import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractAttributions } from '../../server/src/attribution';
import {
  MIN_CHECK_WORTHINESS, STRONG_CHECK_WORTHINESS, claimMessage, claimStrength, extractClaims, needsSource,
} from '../../server/src/claims';
import { splitSentences } from '../../server/src/text';
import type { Claim, ClaimReason, Span } from '../../server/src/types';
import { assertSlices } from '../support/spans';

/** Runs sentences → attributions → claims as the pipeline does and checks every span against the text. */
function claimsOf(text: string, title: Span | null = null): Claim[] {
  const sentences = splitSentences(text);
  const claims = extractClaims(text, sentences, extractAttributions(text, sentences, []), title);
  assertSlices(text, claims, 'claim');
  return claims;
}

function onlyClaim(text: string): Claim {
  const claims = claimsOf(text);
  assert.equal(claims.length, 1, `expected one claim in ${JSON.stringify(text)}, got ${claims.length}`);
  return claims[0];
}

function reasonsOf(text: string): ClaimReason[] {
  return onlyClaim(text).reasons;
}

describe('extractClaims: what is a claim', () => {
  test('the headline is not a claim, the sentences under it are', () => {
    const text = 'Marlow Vale mayor says the dam will hold\n\nThe river burst its banks on Monday night.';
    const claims = claimsOf(text, { start: 0, end: text.indexOf('\n') });
    assert.deepEqual(claims.map((c) => c.text), ['The river burst its banks on Monday night.']);
  });

  test('questions, bylines, credits and boilerplate lines are not claims', () => {
    const text = [
      'Share',
      'Advertisement',
      'Story highlights',
      'By Jane Doe and Tom Ruiz',
      'Will the dam hold through the weekend?',
      'The river burst its banks on Monday night.',
      'With reporting by Marlow Gazette and wire services',
      'Source: Marlow Gazette',
      'Source by [author_name]',
      'Photo: Tom Ruiz for the Marlow Gazette',
    ].join('\n');
    assert.deepEqual(claimsOf(text).map((c) => c.text), ['The river burst its banks on Monday night.']);
  });

  test('a photo caption without a verb is not a claim; a line with a verb but no full stop is', () => {
    const caption = 'Mayor Ada Brennan (right) and engineer Tom Ruiz at the levee on Monday';
    const text = `${caption}\nRescue crews have reached the flooded farms`;
    assert.deepEqual(claimsOf(text).map((c) => c.text), ['Rescue crews have reached the flooded farms']);
  });

  test('a poll\'s note on its own method is no claim; its results and findings are', () => {
    const text = [
      'The Valley Herald poll was conducted March 3 to 9 among 1,204 registered voters.',
      'The margin of error is plus or minus 3 percentage points.',
      'Marlow Research conducted the phone survey of 800 residents last week.',
      'Brennan leads Ruiz 44% to 43%, within the poll\'s margin of error.',
      'The survey, conducted in March, found that 61 percent want the dam rebuilt.',
      'Turnout was 35 percent lower than in 2019.',
    ].join('\n');
    assert.deepEqual(claimsOf(text).map((c) => c.text), [
      'Brennan leads Ruiz 44% to 43%, within the poll\'s margin of error.',
      'The survey, conducted in March, found that 61 percent want the dam rebuilt.',
      'Turnout was 35 percent lower than in 2019.',
    ]);
  });

  test('a list bullet is not part of the claim', () => {
    const claim = onlyClaim('  • Rescue crews have reached 40 flooded farms');
    assert.equal(claim.text, 'Rescue crews have reached 40 flooded farms');
  });
});

describe('extractClaims: reasons', () => {
  test('numbers and quantities, but not dates or years', () => {
    assert.deepEqual(reasonsOf('About 12,000 residents were moved to shelters.'), ['number']);
    assert.deepEqual(reasonsOf('Hundreds of homes are under water.'), ['number']);
    assert.deepEqual(reasonsOf('Up to a quarter of a million people live along the river.'), ['number']);
    assert.deepEqual(reasonsOf('Turnout at the meeting was 35% lower than usual.'), ['number']);
    assert.deepEqual(reasonsOf('The council met on March 3 and again in 2021.'), []);
  });

  test('an age is no number to source; a count beside one still is', () => {
    assert.deepEqual(reasonsOf('Ada Brennan, 47, toured the flooded streets.'), []);
    assert.deepEqual(reasonsOf('The mayor toured the streets with her 14-year-old daughter.'), []);
    assert.deepEqual(reasonsOf('The old engineer, aged 81, inspected the spillway.'), []);
    assert.deepEqual(reasonsOf('The engineer who built the dam died last week at age 93.'), []);
    assert.deepEqual(reasonsOf('The keeper of the dam is 69 years old now.'), []);
    assert.deepEqual(reasonsOf('Tom Ruiz, 52, counted 300 sandbags at the levee.'), ['number']);
    assert.deepEqual(reasonsOf('The valley has had a 12-year drought.'), ['number']);
    assert.deepEqual(reasonsOf('Crews filled bags at sites 4, 7, and 9 overnight.'), ['number']);
    assert.deepEqual(reasonsOf('She won Florida, 29, and Ohio, 18, on the night.'), ['number']);
    assert.deepEqual(reasonsOf('Ada Brennan, 47, and Tom Ruiz, 52, toured the flooded streets.'), []);
    // A caption: the age after a parenthesis, at the sentence's end.
    assert.deepEqual(reasonsOf('Ada Brennan (left), 47.'), []);
    assert.deepEqual(reasonsOf('The crew stacked sandbags (wet), 40, at the gate.'), ['number']);
  });

  test('a clock time, a numbered name and digits inside a word count nothing; a count beside them still does', () => {
    assert.deepEqual(reasonsOf('The spillway gates opened at 0900 GMT on Friday.'), []);
    assert.deepEqual(reasonsOf('The shelters open at 8am and close at 4 p.m. daily.'), []);
    assert.deepEqual(reasonsOf('The levee in Ward 8 was inspected by Channel 4 reporters.'), []);
    assert.deepEqual(reasonsOf('The council named the dam its No. 1 priority.'), []);
    assert.deepEqual(reasonsOf('Donors to the GÃ1⁄4len-linked school were thanked.'), []);
    assert.deepEqual(reasonsOf('The levee in Ward 8 held 300 sandbags at 0900 GMT.'), ['number']);
    assert.deepEqual(reasonsOf('The repairs cost $400m and covered 5km of road.'), ['number']);
  });

  test('accusation, causal, superlative and prediction signals', () => {
    assert.deepEqual(reasonsOf('The contractor violated the safety rules at the dam.'), ['accusation']);
    assert.deepEqual(reasonsOf('The inspector accused the contractor of cutting corners.'), ['accusation']);
    assert.deepEqual(reasonsOf('Accustomed to floods, the villagers stayed home.'), []);
    assert.deepEqual(reasonsOf('The levee failed because the pumps lost power.'), ['causal']);
    assert.deepEqual(reasonsOf('It is the worst flood in the valley’s history.'), ['superlative']);
    assert.deepEqual(reasonsOf('The river is expected to crest on Friday.'), ['prediction']);
  });

  test('several signals come strongest first', () => {
    assert.deepEqual(reasonsOf('The levee failed because 300 sandbags were never delivered.'), ['number', 'causal']);
  });

  test('a plain statement has no reasons and needs no source', () => {
    const claim = onlyClaim('The river burst its banks on Monday night.');
    assert.deepEqual(claim.reasons, []);
    assert.equal(claim.attributed, false);
    assert.equal(needsSource(claim), false);
  });
});

describe('extractClaims: attribution', () => {
  test('a claim whose source is named is attributed and needs no diagnostic', () => {
    const claim = onlyClaim('Officials said 12,000 residents were moved to shelters.');
    assert.equal(claim.attributed, true);
    assert.deepEqual(claim.reasons, ['number']);
    assert.equal(needsSource(claim), false);
  });

  test('an accusation made by a named party is attributed', () => {
    assert.equal(onlyClaim('Residents have accused the contractor of ignoring the cracks.').attributed, true);
  });

  test('a passive cue with no source leaves the claim unattributed', () => {
    const claim = onlyClaim('It was reported that 40 farms were flooded.');
    assert.equal(claim.attributed, false);
    assert.equal(needsSource(claim), true);
  });

  test('an active cue whose speaker was not named still attributes; a passive one does not', () => {
    const text = 'Protesters chanted that 300 people were arrested. It was reported that 40 farms were flooded.';
    const span = (part: string) => {
      const start = text.indexOf(part);
      return { start, end: start + part.length, text: part };
    };
    const attributions = [
      { cue: span('chanted'), source: null, content: span('300 people were arrested') },
      { cue: span('was reported'), source: null, content: span('40 farms were flooded') },
    ];
    const claims = extractClaims(text, splitSentences(text), attributions, null);
    assert.deepEqual(claims.map((c) => [c.text, c.attributed]), [
      ['Protesters chanted that 300 people were arrested.', true],
      ['It was reported that 40 farms were flooded.', false],
    ]);
  });

  test('both sentences of a quote that spans them are attributed', () => {
    const claims = claimsOf('"The dam is the oldest in the region. It will not hold," the engineer said.');
    assert.deepEqual(claims.map((c) => [c.attributed, c.reasons]), [
      [true, ['superlative']],
      [true, ['prediction']],
    ]);
  });

  test('a quotation set off in its own paragraph is attributed, even when it ends on an opening mark typed for a closing one', () => {
    const text = 'On Monday, the mayor made the following comment:\n\n“Our reservoirs hold 40 percent of normal. The river has fallen 2 metres since June.“\n\nRain fell on 3 of the last 30 days.';
    assert.deepEqual(claimsOf(text).map((c) => [c.text, c.attributed]), [
      ['“Our reservoirs hold 40 percent of normal.', true],
      ['The river has fallen 2 metres since June.“', true],
      ['Rain fell on 3 of the last 30 days.', false],
    ]);
  });

  test('a figure stated as a named poll\'s finding is attributed to the poll, also when the poll\'s date or maker follows it', () => {
    const text = 'Support for the dam stood at 41 percent in a Gazette/WMRL survey. Support for the dam fell 12 points in the polls.';
    assert.deepEqual(claimsOf(text).map((c) => [c.text, c.attributed]), [
      ['Support for the dam stood at 41 percent in a Gazette/WMRL survey.', true],
      ['Support for the dam fell 12 points in the polls.', false],
    ]);
    const dated = 'The mayor won 41 percent of the vote in a Gazette poll released Thursday. The mayor won 41 percent of the vote in the council race.';
    assert.deepEqual(claimsOf(dated).map((c) => [c.text, needsSource(c)]), [
      ['The mayor won 41 percent of the vote in a Gazette poll released Thursday.', false],
      ['The mayor won 41 percent of the vote in the council race.', true],
    ]);
  });

  test('a figure that records show is attributed to them; the same figure in the reporter\'s words is not', () => {
    const text = 'The district spent $4 million on repairs last year, state audit figures show. It spent $3 million the year before.';
    assert.deepEqual(claimsOf(text).map((c) => [c.text, needsSource(c)]), [
      ['The district spent $4 million on repairs last year, state audit figures show.', false],
      ['It spent $3 million the year before.', true],
    ]);
  });

  test('an embedded post is its author\'s words; an embed with its text left out is no claim; tags give no number', () => {
    const post = '<tweet id="750366792434978816" author="@MarlowMayor">The levee held 12 feet of water overnight. Crews worked 20 hours.</tweet>.';
    const text = `${post}\n\n<tweet tweet-id="783499116076687360"><tweet/>.\n\nThe <a href="https://example.com/2016">levee</a> was closed for repairs on Monday.`;
    assert.deepEqual(claimsOf(text).map((c) => [c.text, c.attributed, c.reasons]), [
      ['<tweet id="750366792434978816" author="@MarlowMayor">The levee held 12 feet of water overnight.', true, ['number']],
      ['Crews worked 20 hours.</tweet>.', true, ['number']],
      ['The <a href="https://example.com/2016">levee</a> was closed for repairs on Monday.', false, []],
    ]);
  });

  test('a sentence splits where an attributed clause meets an unattributed one, and only there', () => {
    const split = claimsOf('About 12,000 residents are in shelters, and aid groups warn the number will grow.');
    assert.deepEqual(split.map((c) => [c.text, c.attributed, c.reasons]), [
      ['About 12,000 residents are in shelters', false, ['number']],
      ['aid groups warn the number will grow.', true, ['prediction']],
    ]);
    assert.equal(claimsOf('Crews cleared 40 roads, and the bus service resumed on Monday.').length, 1);
    assert.equal(claimsOf('"Crews cleared 40 roads, and the bus service resumed," the mayor said.').length, 1);
  });

  test('a ", which" clause with its own source leaves the main clause a claim of its own', () => {
    const split = claimsOf('The bridge carried 40,000 cars a day, which officials said made it the busiest in the region.');
    assert.deepEqual(split.map((c) => [c.text, c.attributed]), [
      ['The bridge carried 40,000 cars a day', false],
      ['which officials said made it the busiest in the region.', true],
    ]);
    assert.equal(claimsOf('The town, which has 3,000 homes, flooded.').length, 1, 'no split where no attribution covers a part');
  });

  test('a quotation in two apostrophes is someone\'s words, each of its sentences', () => {
    const text = "''The levee held,'' Ruiz said. ''No one expected it. We lost 300 homes all the same.'' The river fell 2 feet by noon.";
    assert.deepEqual(claimsOf(text).filter((c) => !c.attributed).map((c) => c.text), ['The river fell 2 feet by noon.']);
  });

  test('a paragraph that opens with "According to" goes on in its source\'s words; the next paragraph does not', () => {
    const text = [
      'According to the Valley Herald poll, Brennan has 44 percent of the vote. Ruiz trails her at 31 percent.',
      'Ruiz raised $2 million in March.',
      'By one count, 300 homes flooded. Another 120 homes lost power.',
    ].join('\n');
    assert.deepEqual(claimsOf(text).map((c) => [c.text, c.attributed]), [
      ['According to the Valley Herald poll, Brennan has 44 percent of the vote.', true],
      ['Ruiz trails her at 31 percent.', true],
      ['Ruiz raised $2 million in March.', false],
      ['By one count, 300 homes flooded.', true],
      ['Another 120 homes lost power.', false],
    ]);
  });

  test("a poll's results right after its sentence are the poll's, in the next paragraph too; other figures are not", () => {
    const text = [
      'A Riverside poll released Monday found that 61 percent of voters back the levee bond. Among homeowners, support is 70 percent, up 9 points since March.',
      'Among renters, support is 45 percent. The bond will cost 40 million dollars. Support among farmers is 38 percent.',
      'The mayor said the poll was wrong about the bond. Among students, support is 52 percent.',
    ].join('\n');
    assert.deepEqual(claimsOf(text).map((c) => [c.text, c.attributed]), [
      ['A Riverside poll released Monday found that 61 percent of voters back the levee bond.', true],
      ['Among homeowners, support is 70 percent, up 9 points since March.', true],
      ['Among renters, support is 45 percent.', true],
      ['The bond will cost 40 million dollars.', false],
      ['Support among farmers is 38 percent.', false],
      ['The mayor said the poll was wrong about the bond.', true],
      ['Among students, support is 52 percent.', false],
    ]);
    const turnout = 'A Riverside poll found that 61 percent of voters back the bond. Turnout in the valley fell 40 percent.';
    assert.deepEqual(claimsOf(turnout).map((c) => c.attributed), [true, false]);
  });

  test("a rate is no poll's result: the chain after a poll ends at it", () => {
    const text = [
      'A Gallup survey released Monday found that 45 percent of adults approve of the governor.',
      'The unemployment rate fell to 4.9 percent in May. Wages rose 2.6 percent.',
    ].join(' ');
    assert.deepEqual(claimsOf(text).map((c) => [c.text, c.attributed]), [
      ['A Gallup survey released Monday found that 45 percent of adults approve of the governor.', true],
      ['The unemployment rate fell to 4.9 percent in May.', false],
      ['Wages rose 2.6 percent.', false],
    ]);
  });

  test('an unattributed number among attributed sentences is the one that needs a source', () => {
    const text = 'The mayor said the shelters were full.\nAbout 12,000 residents were moved to shelters.';
    const flagged = claimsOf(text).filter(needsSource);
    assert.deepEqual(flagged.map((c) => c.text), ['About 12,000 residents were moved to shelters.']);
  });
});

describe('claimMessage', () => {
  const claim = (text: string, reasons: ClaimReason[], attributed = false, checkWorthiness = 0.9): Claim => ({
    start: 0,
    end: text.length,
    text,
    attributed,
    reasons,
    checkWorthiness,
  });

  test('quotes the number of the words, not one in a markup tag', () => {
    assert.equal(
      claimMessage(claim('The <a data-id="7503">levee</a> held 12 feet of water.', ['number'])),
      'Unattributed claim: a number with no source (“12 feet”)',
    );
  });

  test('quotes a number with what it counts, and not the word after it when that counts nothing', () => {
    const evidence = (text: string) => /\(“(.*)”\)$/.exec(claimMessage(claim(text, ['number'])))?.[1];
    assert.equal(evidence('Up to a quarter of a million people live along the river.'), 'a quarter of a million people');
    assert.equal(evidence('Hundreds of thousands of residents were moved.'), 'Hundreds of thousands of residents');
    assert.equal(evidence('A 72-hour cease-fire began at the dam.'), '72-hour cease-fire');
    assert.equal(evidence('The council spent 500 mln dlrs in 2024.'), '500 mln dlrs');
    assert.equal(evidence('Crews won 21 and lost 3 of the sandbag races.'), '21');
    assert.equal(evidence('Turnout fell 5 per cent last year.'), '5 per cent');
    assert.equal(evidence('The council bought a 38 pct stake in the dam.'), '38 pct stake');
    assert.equal(evidence('The dam cost $1.1bn to build.'), '$1.1bn');
    assert.equal(evidence('Aid reached 3.9 mln U.S. residents.'), '3.9 mln U.S.');
    assert.equal(evidence('Crews filled 500 bags.'), '500 bags');
    assert.equal(evidence('The mayor won 52 percent of voters in the valley.'), '52 percent of voters');
    // Not the time or the number in an index's or list's name.
    assert.equal(evidence('At 1141 GMT the FTSE 100 index was 10.6 points down.'), '10.6 points');
    assert.equal(evidence('Two Fortune 500 firms built 3 dams.'), '3 dams');
  });

  test('names the strongest reason and quotes the words that triggered it', () => {
    assert.equal(
      claimMessage(claim('About $400 million was spent because of the delay.', ['number', 'causal'])),
      'Unattributed claim: a number with no source (“$400 million”)',
    );
    assert.equal(claimMessage(claim('The contractor ignored warnings and is guilty.', ['accusation'])), 'Unattributed claim: an accusation with no source (“guilty”)');
    assert.equal(claimMessage(claim('Two engineers were killed at the dam.', ['accusation'])), 'Unattributed claim: a report of violence with no source (“killed”)');
    assert.equal(claimMessage(claim('The flood led to the closure.', ['causal'])), 'Unattributed claim: a causal claim with no source (“led to”)');
    assert.equal(claimMessage(claim('It is the worst flood on record.', ['superlative'])), 'Unattributed claim: a superlative with no source (“worst”)');
    assert.equal(claimMessage(claim('The river will crest on Tuesday.', ['prediction'])), 'Unattributed claim: a prediction with no source (“will”)');
  });

  test('needsSource only for unattributed claims with a reason that read as checkable', () => {
    assert.equal(needsSource(claim('x', ['number'])), true);
    assert.equal(needsSource(claim('x', ['number'], true)), false);
    assert.equal(needsSource(claim('x', [])), false);
    assert.equal(needsSource(claim('x', ['number'], false, MIN_CHECK_WORTHINESS - 0.01)), false);
  });

  test('strength follows check-worthiness', () => {
    assert.equal(claimStrength(claim('x', ['number'], false, STRONG_CHECK_WORTHINESS)), 'strong');
    assert.equal(claimStrength(claim('x', ['number'], false, STRONG_CHECK_WORTHINESS - 0.01)), 'moderate');
  });
});

describe('check-worthiness', () => {
  test('statistics and accusations rank above scene-setting and opinion', () => {
    const statistic = onlyClaim('Unemployment fell to 4.9 percent last year, the lowest rate since 2008.');
    const accusation = onlyClaim('The company overstated its revenue by $2 billion over three years.');
    const scene = onlyClaim('The crowd waited in the rain outside the hall.');
    const opinion = onlyClaim('I think we need to look forward and be hopeful.');
    for (const checkable of [statistic, accusation]) {
      for (const plain of [scene, opinion]) assert.ok(checkable.checkWorthiness > plain.checkWorthiness, `${checkable.text} above ${plain.text}`);
    }
    assert.ok(statistic.checkWorthiness >= MIN_CHECK_WORTHINESS);
    assert.ok(scene.checkWorthiness < MIN_CHECK_WORTHINESS);
  });
});

describe('extractClaims: offsets', () => {
  test('CRLF text and an emoji before a quote keep claims on their text', () => {
    const text = 'Crowds cheered 😀 as 300 volunteers arrived.\r\n"The water is going down," the mayor said.\r\n';
    const claims = claimsOf(text);
    assert.deepEqual(claims.map((c) => [c.text, c.attributed]), [
      ['Crowds cheered 😀 as 300 volunteers arrived.', false],
      ['"The water is going down," the mayor said.', true],
    ]);
    assert.equal(claims[1].start, text.indexOf('"The water'));
  });

  test('empty text has no claims', () => {
    assert.deepEqual(claimsOf(''), []);
  });
});
