import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anchor, emptyDecisionFile, parseDecisionFile, serializeDecisionFile, setClaimStatus } from '../../server/src/decisions';

const TEXT = 'Headline\n\nThe flood is the worst in forty years. Officials said 12,000 people left.\n';
const CLAIM = { start: TEXT.indexOf('The flood'), end: TEXT.indexOf('years.') + 6 };

describe('claim decisions', () => {
  it('round-trips through the file format', () => {
    const file = setClaimStatus(emptyDecisionFile('a.txt'), TEXT, CLAIM, 'verified', 'ed', new Date('2026-01-02T03:04:05Z'));
    const parsed = parseDecisionFile(serializeDecisionFile(file));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.file, file);
    assert.equal(parsed.file.annotations[0].selector[0].exact, 'The flood is the worst in forty years.');
  });

  it('re-anchors a decision after text is inserted before it', () => {
    const file = setClaimStatus(emptyDecisionFile('a.txt'), TEXT, CLAIM, 'ignored', 'ed', new Date());
    const edited = TEXT.replace('Headline', 'A longer headline, rewritten');
    const at = anchor(edited, file.annotations[0])!;
    assert.equal(edited.slice(at.start, at.end), 'The flood is the worst in forty years.');
  });

  it('picks the occurrence whose context matches when the text appears twice', () => {
    const text = 'Intro. Prices rose. More here.\nLater: Prices rose. End.';
    const second = { start: text.lastIndexOf('Prices rose.'), end: text.lastIndexOf('Prices rose.') + 12 };
    const file = setClaimStatus(emptyDecisionFile('a.txt'), text, second, 'verified', 'ed', new Date());
    const edited = `New first line.\n${text}`;
    const at = anchor(edited, file.annotations[0])!;
    assert.equal(at.start, edited.lastIndexOf('Prices rose.'));
  });

  it('returns null when the claim text is gone, so the decision can be reported, not dropped', () => {
    const file = setClaimStatus(emptyDecisionFile('a.txt'), TEXT, CLAIM, 'verified', 'ed', new Date());
    assert.equal(anchor('Headline\n\nSomething else entirely.', file.annotations[0]), null);
  });

  it('replaces an earlier decision on the same claim instead of stacking them', () => {
    let file = setClaimStatus(emptyDecisionFile('a.txt'), TEXT, CLAIM, 'verified', 'ed', new Date());
    file = setClaimStatus(file, TEXT, CLAIM, 'ignored', 'ed', new Date());
    assert.deepEqual(file.annotations.map((a) => a.status), ['ignored']);
  });

  it('keeps a "needs source" decision in the file like the others', () => {
    const file = setClaimStatus(emptyDecisionFile('a.txt'), TEXT, CLAIM, 'needs-source', 'ed', new Date('2026-01-02T03:04:05Z'));
    const parsed = parseDecisionFile(serializeDecisionFile(file));
    assert.ok(parsed.ok);
    assert.equal(parsed.file.annotations[0].status, 'needs-source');
    assert.equal(parsed.file.annotations[0].author, 'ed');
  });

  it('refuses files that are not valid, with a reason a person can act on', () => {
    const broken = parseDecisionFile('{"version": 1, "annotations": [');
    assert.ok(!broken.ok && /not valid JSON/.test(broken.reason));
    const foreign = parseDecisionFile('{"hello": "world"}');
    assert.ok(!foreign.ok && /not a News Annotator annotation file/.test(foreign.reason));
    const malformed = parseDecisionFile('{"version": 1, "annotations": [{"kind": "claim-status", "status": "maybe"}]}');
    assert.ok(!malformed.ok && /annotation 1 is malformed/.test(malformed.reason));
  });
});
