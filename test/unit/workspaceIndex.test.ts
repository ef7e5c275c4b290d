import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analyze';
import { anchorAnnotations } from '../../server/src/articleAnnotations';
import { emptyDecisionFile, linkMentions } from '../../server/src/decisions';
import { selectorsFor } from '../../server/src/selectors';
import { WorkspaceIndex } from '../../server/src/workspaceIndex';

const ARTICLES: Record<string, string> = {
  'a.txt': 'Bridge reopens in Valmora\n\nMayor Tomas Berg reopened the bridge on March 15. Berg said traffic would resume.\n',
  'b.txt': 'Valmora counts the cost\n\nOn March 15 engineer Anna Berg said 12,000 people had left Valmora.\n',
  'c.txt': 'Aid arrives\n\nAbout 12,000 people left Valmora after the flood.\n',
};

function build(articles = ARTICLES): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [id, text] of Object.entries(articles)) index.set({ id, displayPath: id, text, analysis: analyzeArticle(text) });
  return index;
}

describe('cross-article index', () => {
  it('finds the entity under an offset and all its mentions across articles', () => {
    const index = build();
    const hit = index.entityAt('b.txt', ARTICLES['b.txt'].indexOf('Valmora.') + 2)!;
    assert.equal(hit.entity.canonical, 'Valmora');
    assert.deepEqual(hit.entity.articles, ['a.txt', 'b.txt', 'c.txt']);
    assert.equal(index.mentionsOf(hit.entity).length, 4);
    assert.equal(index.entityAt('b.txt', ARTICLES['b.txt'].indexOf('engineer') + 1), undefined);
  });

  it('keeps the two Bergs apart and links the surname to the full name before it', () => {
    const index = build();
    const berg = index.entityAt('a.txt', ARTICLES['a.txt'].indexOf('Berg said') + 1)!;
    assert.equal(berg.entity.canonical, 'Tomas Berg');
    assert.equal(berg.ref.reason, 'nearest-full-name');
    const anna = index.entityAt('b.txt', ARTICLES['b.txt'].indexOf('Anna Berg') + 1)!;
    assert.notEqual(anna.entity.id, berg.entity.id);
  });

  it('lists every article that names the same day, with the sentence', () => {
    const hits = build().sameDay('XXXX-03-15');
    assert.deepEqual(hits.map((h) => [h.article.id, h.date.text]), [['a.txt', 'March 15'], ['b.txt', 'March 15']]);
    assert.match(hits[1].sentence!.text, /^On March 15 engineer Anna Berg said/);
  });

  it('lists the same day after articles change, come and go, as an index built afresh from them does', () => {
    const index = build();
    const days = (i: WorkspaceIndex, value: string) => i.sameDay(value).map((h) => [h.article.id, h.date.text, h.sentence?.text]);
    assert.equal(days(index, 'XXXX-03-15').length, 2);
    const edited = 'Aid arrives\n\nOn March 15 about 12,000 people left Valmora. By March 16 more had left, and on March 15 none came back.\n';
    const changed = { 'b.txt': ARTICLES['b.txt'], 'c.txt': edited, '0.txt': 'Early\n\nThe bridge closed on March 16.\n' };
    index.delete('a.txt');
    index.set({ id: 'c.txt', displayPath: 'c.txt', text: edited, analysis: analyzeArticle(edited) });
    index.set({ id: '0.txt', displayPath: '0.txt', text: changed['0.txt'], analysis: analyzeArticle(changed['0.txt']) });
    const fresh = build(changed);
    for (const value of ['XXXX-03-15', 'XXXX-03-16']) assert.deepEqual(days(index, value), days(fresh, value));
    assert.deepEqual(days(index, 'XXXX-03-15').map(([id, text]) => [id, text]), [['b.txt', 'March 15'], ['c.txt', 'March 15'], ['c.txt', 'March 15']]);
    assert.deepEqual(days(index, 'XXXX-03-16').map(([id]) => id), ['0.txt', 'c.txt'], 'in display-path order, not in the order they were filed');
  });

  it('points an unattributed claim to an attributed one elsewhere that shares its number and place', () => {
    const index = build();
    const claim = index.get('c.txt')!.analysis.claims.find((c) => c.text.startsWith('About 12,000'))!;
    assert.equal(claim.attributed, false);
    const related = index.relatedAttributedClaims('c.txt', claim);
    assert.equal(related[0]?.article.id, 'b.txt');
    assert.match(related[0].claim.text, /12,000 people had left Valmora/);
  });

  it('relinks after an article changes or leaves', () => {
    const index = build();
    index.delete('a.txt');
    const hit = index.entityAt('b.txt', ARTICLES['b.txt'].indexOf('Valmora.') + 2)!;
    assert.deepEqual(hit.entity.articles, ['b.txt', 'c.txt']);
    index.set({ id: 'c.txt', displayPath: 'c.txt', text: 'Nothing here', analysis: analyzeArticle('Nothing here') });
    assert.deepEqual(index.entityAt('b.txt', ARTICLES['b.txt'].indexOf('Valmora.') + 2)!.entity.articles, ['b.txt']);
  });

  it('lists every editor link of an article that joins no two names now', () => {
    const index = build();
    const text = ARTICLES['a.txt'];
    const spanIn = (of: string, name: string) => ({ start: of.indexOf(name), end: of.indexOf(name) + name.length });
    const at = (name: string) => spanIn(text, name);
    const toB = (name: string) => ({ article: 'b.txt', selector: selectorsFor(ARTICLES['b.txt'], spanIn(ARTICLES['b.txt'], name)) });
    const now = new Date('2026-01-01T00:00:00Z');
    let file = linkMentions(emptyDecisionFile('a.txt'), text, at('Tomas Berg'), 'not-same', toB('Anna Berg'), 'ed', now);
    file = linkMentions(file, text, at('Valmora'), 'same-as', { article: 'gone.txt', selector: selectorsFor('In Valmora', { start: 3, end: 10 }) }, 'ed', now);
    file = linkMentions(file, text, at('March 15'), 'same-as', toB('Valmora'), 'ed', now);
    index.set({ id: 'a.txt', displayPath: 'a.txt', text, analysis: analyzeArticle(text), annotations: anchorAnnotations(file, text, (path) => path) });
    // The link to a gone article and the one from a date (no name) are unresolved; the Bergs' link holds.
    assert.deepEqual(index.unresolvedLinks('a.txt').map((l) => l.otherId).sort(), ['b.txt', 'gone.txt']);
  });

  it('answers related claims for an edited article before relinking, the same as after it', async () => {
    const index = build();
    index.entities(); // linked
    const edited = ARTICLES['c.txt'].replace('Aid arrives', 'Aid arrives at last');
    index.set({ id: 'c.txt', displayPath: 'c.txt', text: edited, analysis: analyzeArticle(edited) });
    assert.equal(index.linkPending, true);
    assert.equal(index.provisionalFor('c.txt'), true);
    assert.equal(index.provisionalFor('b.txt'), false);
    const claim = index.get('c.txt')!.analysis.claims.find((c) => c.text.startsWith('About 12,000'))!;
    const now = index.relatedAttributedClaimsNow('c.txt', claim);
    assert.equal(index.linkPending, true, 'no relink for the answer');
    assert.equal(await index.relinkInSlices(0), true);
    assert.equal(index.linkPending, false);
    assert.equal(index.provisionalFor('c.txt'), false);
    const exact = index.relatedAttributedClaims('c.txt', claim);
    assert.equal(exact[0]?.article.id, 'b.txt');
    assert.deepEqual(now.map((r) => [r.article.id, r.claim.text, r.score]), exact.map((r) => [r.article.id, r.claim.text, r.score]));
  });

  it('answers an article edited after its names were matched ahead the same as without that', () => {
    const prepared = build();
    const unprepared = build();
    for (const index of [prepared, unprepared]) index.entities();
    prepared.prepareEdits('c.txt');
    // A name before the claim's: every mention after it moves up one place.
    const edited = 'Aid arrives\n\nIn Oslo, about 12,000 people left Valmora after the flood.\n';
    const answers = [prepared, unprepared].map((index) => {
      index.set({ id: 'c.txt', displayPath: 'c.txt', text: edited, analysis: analyzeArticle(edited) });
      const claim = index.get('c.txt')!.analysis.claims.find((c) => c.text.includes('12,000'))!;
      return index.relatedAttributedClaimsNow('c.txt', claim).map((r) => [r.article.id, r.claim.text, r.score]);
    });
    assert.equal(answers[1][0]?.[0], 'b.txt');
    assert.deepEqual(answers[0], answers[1]);
  });

  it('matches the names of a long edited article in steps, with a pause every few hundred, and answers the same', () => {
    const [stepped, atOnce] = [build(), build()];
    const edited = `Aid arrives\n\n${'Berg met Orlov in Valmora. '.repeat(500)}\n\nAbout 12,000 people left Valmora after the flood.\n`;
    const analysis = analyzeArticle(edited);
    assert.ok(analysis.entities.length >= 1000, `${analysis.entities.length} names`);
    const answers = [stepped, atOnce].map((index) => {
      index.entities(); // linked
      index.set({ id: 'c.txt', displayPath: 'c.txt', text: edited, analysis });
      let pauses = 0;
      if (index === stepped) for (const _ of index.prepareEditsInSteps('c.txt')) pauses++;
      if (index === stepped) assert.ok(pauses >= 3, `${pauses} pauses`);
      const claim = analysis.claims.find((c) => c.text.includes('12,000'))!;
      return index.relatedAttributedClaimsNow('c.txt', claim).map((r) => [r.article.id, r.claim.text, r.score]);
    });
    assert.equal(answers[1][0]?.[0], 'b.txt');
    assert.deepEqual(answers[0], answers[1]);
  });

  it('matches the names of an article new since the last link by name', () => {
    const index = build();
    index.entities();
    const text = 'Exodus\n\nAbout 12,000 people left Valmora after the flood.\n';
    index.set({ id: 'd.txt', displayPath: 'd.txt', text, analysis: analyzeArticle(text) });
    const claim = index.get('d.txt')!.analysis.claims.find((c) => c.text.startsWith('About 12,000'))!;
    const now = index.relatedAttributedClaimsNow('d.txt', claim);
    assert.equal(now[0]?.article.id, 'b.txt');
    assert.deepEqual(now.map((r) => [r.article.id, r.score]), index.relatedAttributedClaims('d.txt', claim).map((r) => [r.article.id, r.score]));
  });

  it('leaves out the old claims of an article changed since the last link', () => {
    const index = build();
    index.entities();
    index.set({ id: 'b.txt', displayPath: 'b.txt', text: 'Nothing here', analysis: analyzeArticle('Nothing here') });
    const claim = index.get('c.txt')!.analysis.claims.find((c) => c.text.startsWith('About 12,000'))!;
    assert.deepEqual(index.relatedAttributedClaimsNow('c.txt', claim), []);
  });

  it('links in slices, letting the event loop in between, to the same entities as at once', async () => {
    const index = build();
    index.entities();
    const edited = ARTICLES['a.txt'].replace('Mayor Tomas Berg', 'Mayor Tomas Berg of Valmora');
    index.set({ id: 'a.txt', displayPath: 'a.txt', text: edited, analysis: analyzeArticle(edited) });
    const linking = index.relinkInSlices(0);
    let pendingMeanwhile = false;
    setImmediate(() => (pendingMeanwhile = index.linkPending));
    assert.equal(await linking, true);
    assert.equal(pendingMeanwhile, true, 'another callback ran before the link was done');
    assert.equal(index.linkPending, false);
    assert.deepEqual(index.entities(), build({ ...ARTICLES, 'a.txt': edited }).entities());
  });

  it('links in slices the articles as they were when it began; one changed meanwhile stays pending', async () => {
    const index = build();
    index.entities();
    index.set({ id: 'c.txt', displayPath: 'c.txt', text: 'Nothing here', analysis: analyzeArticle('Nothing here') });
    const linking = index.relinkInSlices(0);
    index.set({ id: 'b.txt', displayPath: 'b.txt', text: 'Nothing here', analysis: analyzeArticle('Nothing here') });
    assert.equal(await linking, true);
    assert.equal(index.linkPending, true);
    assert.equal(index.provisionalFor('b.txt'), true);
    assert.equal(index.provisionalFor('c.txt'), false);
    assert.equal(await index.relinkInSlices(0), true);
    assert.equal(index.linkPending, false);
    assert.deepEqual(index.entityAt('a.txt', ARTICLES['a.txt'].indexOf('Valmora') + 1)!.entity.articles, ['a.txt']);
  });

  it('gives up a link in slices when asked between slices, unless there is no link to answer from', async () => {
    const index = build();
    assert.equal(await index.relinkInSlices(0, () => true), true, 'the first link goes on');
    index.set({ id: 'c.txt', displayPath: 'c.txt', text: 'Nothing here', analysis: analyzeArticle('Nothing here') });
    assert.equal(await index.relinkInSlices(0, () => true), false);
    assert.equal(index.linkPending, true);
    assert.equal(index.provisionalFor('c.txt'), true);
  });

  it('finishes a link in slices at once when a request needs it, and the slices then stop', async () => {
    const index = build();
    index.entities();
    index.set({ id: 'c.txt', displayPath: 'c.txt', text: 'Nothing here', analysis: analyzeArticle('Nothing here') });
    const linking = index.relinkInSlices(0);
    assert.deepEqual(index.entityAt('b.txt', ARTICLES['b.txt'].indexOf('Valmora.') + 2)!.entity.articles, ['a.txt', 'b.txt']);
    assert.equal(index.linkPending, false);
    assert.equal(await linking, true);
  });

  it('while indexing, answers about an unchanged article from the last link, without linking the articles added since', () => {
    const index = build();
    index.entities();
    index.answerFromLastLink = true;
    const text = 'Flood\n\nAnna Berg visited Valmora.\n';
    index.set({ id: 'd.txt', displayPath: 'd.txt', text, analysis: analyzeArticle(text) });
    assert.equal(index.entityAt('b.txt', ARTICLES['b.txt'].indexOf('engineer') + 1), undefined);
    assert.equal(index.staleLinkUsed, false, 'no answer from the link yet');
    const valmora = index.entityAt('b.txt', ARTICLES['b.txt'].indexOf('Valmora.') + 2)!;
    assert.deepEqual(valmora.entity.articles, ['a.txt', 'b.txt', 'c.txt'], 'd.txt is not linked yet');
    assert.equal(index.mentionsOf(valmora.entity).length, 4);
    assert.equal(index.linkPending, true);
    assert.equal(index.staleLinkUsed, true);
    // The new article itself is not in the last link: a request about it links.
    assert.deepEqual(index.entityAt('d.txt', text.indexOf('Valmora') + 1)!.entity.articles, ['a.txt', 'b.txt', 'c.txt', 'd.txt']);
    assert.equal(index.linkPending, false);
  });

  it('while indexing, leaves a link in slices under way to its slices when the last link can answer', async () => {
    const index = build();
    index.entities();
    index.answerFromLastLink = true;
    const text = 'Flood\n\nAnna Berg visited Valmora.\n';
    index.set({ id: 'd.txt', displayPath: 'd.txt', text, analysis: analyzeArticle(text) });
    const linking = index.relinkInSlices(0);
    assert.deepEqual(index.entityAt('b.txt', ARTICLES['b.txt'].indexOf('Valmora.') + 2)!.entity.articles, ['a.txt', 'b.txt', 'c.txt']);
    assert.equal(index.linkPending, true, 'not finished at once');
    assert.equal(await linking, true);
    assert.deepEqual(index.entityAt('b.txt', ARTICLES['b.txt'].indexOf('Valmora.') + 2)!.entity.articles, ['a.txt', 'b.txt', 'c.txt', 'd.txt']);
  });

  it('with no link yet, finishes the link under way for related claims and answers an article edited meanwhile provisionally', async () => {
    const index = build();
    assert.equal(index.linkPending, true, 'a link is pending before the first');
    const linking = index.relinkInSlices(0); // as once indexing ends
    const edited = ARTICLES['c.txt'].replace('Aid arrives', 'Aid arrives at last');
    index.set({ id: 'c.txt', displayPath: 'c.txt', text: edited, analysis: analyzeArticle(edited) });
    const claim = index.get('c.txt')!.analysis.claims.find((c) => c.text.startsWith('About 12,000'))!;
    const now = index.relatedAttributedClaimsNow('c.txt', claim);
    assert.equal(index.provisionalFor('c.txt'), true, 'the link is of the text before the edit');
    assert.equal(index.provisionalFor('b.txt'), false);
    assert.equal(await linking, true);
    assert.deepEqual(now.map((r) => [r.article.id, r.score]), index.relatedAttributedClaims('c.txt', claim).map((r) => [r.article.id, r.score]));
  });

  it('while indexing with no link yet, leaves related claims out rather than link, and says they are provisional', () => {
    const index = build();
    index.answerFromLastLink = true;
    const claim = index.get('c.txt')!.analysis.claims.find((c) => c.text.startsWith('About 12,000'))!;
    assert.deepEqual(index.relatedAttributedClaimsNow('c.txt', claim), []);
    assert.equal(index.provisionalFor('c.txt'), true);
    index.answerFromLastLink = false;
    assert.equal(index.provisionalFor('c.txt'), false);
    assert.equal(index.relatedAttributedClaimsNow('c.txt', claim)[0]?.article.id, 'b.txt');
  });

  it('answers anew, not from memory, once another article changes before the next link', () => {
    const index = build();
    index.entities();
    const claim = index.get('c.txt')!.analysis.claims.find((c) => c.text.startsWith('About 12,000'))!;
    assert.equal(index.relatedAttributedClaimsNow('c.txt', claim)[0]?.article.id, 'b.txt');
    index.set({ id: 'b.txt', displayPath: 'b.txt', text: 'Nothing here', analysis: analyzeArticle('Nothing here') });
    assert.deepEqual(index.relatedAttributedClaimsNow('c.txt', claim), []);
  });
});
