// The entity model is loaded when an article first needs tagging, and a model that cannot be read turns entities off
// with a message, once.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analyze';
import { defaultRecognizer } from '../../server/src/entities';
import { LazyEntityModel } from '../../server/src/lsp/lazyEntityModel';

const TEXT = 'Mayor Tomas Berg visited Valmora on Monday, officials said.\n';

describe('lazy entity model', () => {
  it('is not loaded until an article is tagged, and then tags as the model does', () => {
    let loads = 0;
    const model = new LazyEntityModel(() => (loads++, defaultRecognizer()), () => assert.fail('no failure expected'));
    assert.equal(loads, 0);
    const lazy = analyzeArticle(TEXT, { recognizer: model.recognizer });
    analyzeArticle(TEXT, { recognizer: model.recognizer });
    assert.equal(loads, 1);
    assert.deepEqual(lazy.entities, analyzeArticle(TEXT, { recognizer: defaultRecognizer() }).entities);
    assert.equal(model.error, undefined);
  });

  it('reports a model that cannot be loaded once, and tags no entities', () => {
    const failures: string[] = [];
    const model = new LazyEntityModel(() => {
      throw new Error('cannot load entity model /x/ner.model.gz: unexpected end of file');
    }, (message) => failures.push(message));
    assert.equal(model.error, undefined, 'nothing is known before the model is needed');
    assert.deepEqual(analyzeArticle(TEXT, { recognizer: model.recognizer }).entities, []);
    analyzeArticle(TEXT, { recognizer: model.recognizer });
    assert.deepEqual(failures, ['cannot load entity model /x/ner.model.gz: unexpected end of file']);
    assert.match(model.error ?? '', /ner\.model\.gz/);
  });
});
