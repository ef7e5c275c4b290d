import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analyze';
import { exportJson, type ExportDocument } from '../../server/src/exportJson';
import { WorkspaceIndex } from '../../server/src/workspaceIndex';
import { validateExport } from '../support/schema';
import { assertSlices } from '../support/spans';

const ROOT = path.resolve(__dirname, '../../..');
const SAMPLES = path.join(ROOT, 'samples');

function indexOf(texts: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [name, text] of Object.entries(texts)) index.set({ id: name, displayPath: name, text, analysis: analyzeArticle(text) });
  return index;
}

function assertEverySpanSlices(doc: ExportDocument, texts: Record<string, string>): void {
  for (const article of doc.articles) {
    const text = texts[article.path];
    assertSlices(text, article.entities, `${article.path} entity`);
    assertSlices(text, article.dates, `${article.path} date`);
    assertSlices(text, article.claims, `${article.path} claim`);
    assertSlices(text, article.attributions.flatMap((a) => [a.cue, a.source, a.content]), `${article.path} attribution`);
  }
}

describe('JSON export', () => {
  const texts = Object.fromEntries(fs.readdirSync(SAMPLES).sort().map((f) => [f, fs.readFileSync(path.join(SAMPLES, f), 'utf8')]));
  const doc = exportJson(indexOf(texts));

  it('validates against the committed schema', () => {
    assert.ok(validateExport(doc), JSON.stringify(validateExport.errors, null, 2));
  });

  it('has spans that slice every article to their text', () => {
    assertEverySpanSlices(doc, texts);
  });

  it('gives one entityId to every mention of one person across articles (Dmitri/Dmitry Orlov, Orlov)', () => {
    const orlov = doc.entities.filter((e) => e.canonical.endsWith('Orlov'));
    assert.equal(orlov.length, 1, JSON.stringify(orlov));
    assert.equal(orlov[0].type, 'PERSON');
    assert.ok(orlov[0].aliases.includes('Dmitry Orlov'));
    assert.equal(orlov[0].articles.length, 4);
    const ids = new Set(doc.articles.flatMap((a) => a.entities.filter((e) => /Orlov/.test(e.text)).map((e) => e.entityId)));
    assert.deepEqual([...ids], [orlov[0].entityId]);
    const mentions = doc.articles.reduce((n, a) => n + a.entities.filter((e) => e.entityId === orlov[0].entityId).length, 0);
    assert.equal(orlov[0].mentions, mentions);
  });

  it('resolves dates against the dateline and leaves unknown years as X', () => {
    const wire = doc.articles.find((a) => a.path === 'alder-dam-wire.txt')!;
    assert.equal(wire.referenceDate, '2025-03-14');
    assert.equal(wire.referenceDateSource, 'dateline');
    assert.ok(wire.dates.some((d) => d.text === 'Friday' && d.value === '2025-03-14' && d.anchor === 'article-date'), JSON.stringify(wire.dates));
    const daily = doc.articles.find((a) => a.path === 'alder-dam-daily.txt')!;
    assert.equal(daily.referenceDate, null);
    assert.equal(daily.referenceDateSource, null);
    assert.ok(daily.dates.some((d) => d.text === 'March 15' && d.value === 'XXXX-03-15'), JSON.stringify(daily.dates));
  });

  it('handles CRLF, BOM-stripped text with emoji, and empty articles', () => {
    const tricky = {
      'crlf.txt': 'Flood update\r\n\r\nMayor Tomas Berg said 3,000 homes were lost.\r\nThe flood is the worst in decades.\r\n',
      'emoji.txt': '🌊 Flood 🌊\n\n😀 Anna Berg warned on March 15 that 12,000 people 👪 could lose power.\n',
      'empty.txt': '',
      'blank.txt': '\n\n   \n',
    };
    const result = exportJson(indexOf(tricky));
    assert.ok(validateExport(result), JSON.stringify(validateExport.errors));
    assertEverySpanSlices(result, tricky);
    const empty = result.articles.find((a) => a.path === 'empty.txt')!;
    assert.deepEqual([empty.title, empty.entities, empty.dates, empty.claims], [null, [], [], []]);
    const emoji = result.articles.find((a) => a.path === 'emoji.txt')!;
    assert.ok(emoji.entities.some((e) => e.text === 'Anna Berg' && e.type === 'PERSON'));
  });

  it('exports a pronoun source with the entityId of the person it refers to, and a check-worthiness per claim', () => {
    const text = 'Dam update\n\nMayor Tomas Berg said the spillway had failed.\nHe added that 3,000 homes were damaged.\n';
    const result = exportJson(indexOf({ 'pronoun.txt': text }));
    assert.ok(validateExport(result), JSON.stringify(validateExport.errors));
    const [article] = result.articles;
    const berg = article.entities.find((e) => e.text === 'Tomas Berg')!;
    const he = article.attributions.find((a) => a.source?.text === 'He');
    assert.ok(he, JSON.stringify(article.attributions));
    assert.equal(he.source!.entityId, berg.entityId);
    assert.ok(article.claims.every((c) => c.checkWorthiness >= 0 && c.checkWorthiness <= 1));
  });

  it('exports a subset with entity ids shared with the whole workspace', () => {
    const index = indexOf(texts);
    const one = exportJson(index, ['alder-dam-daily.txt']);
    assert.deepEqual(one.articles.map((a) => a.path), ['alder-dam-daily.txt']);
    const all = exportJson(index);
    const orlovAll = all.entities.find((e) => e.canonical === 'Dmitri Orlov')!;
    const orlovOne = one.entities.find((e) => e.canonical === 'Dmitri Orlov')!;
    assert.equal(orlovOne.entityId, orlovAll.entityId);
    assert.deepEqual(orlovOne.articles, ['alder-dam-daily.txt']);
    assert.ok(validateExport(one));
  });
});
