import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import picomatch from 'picomatch';
import { globMatcher } from '../../server/src/lsp/globMatcher';

const GLOBS = [
  ['**/*.txt'],
  ['news/**/*.txt', 'archive/*.article'],
  ['**/node_modules/**', '**/.git/**', '**/*.json'],
  ['wire/[abc]*.txt', 'a[1].txt', 'copy(1).txt', '{x,y}/*.news'],
  ['*.txt'],
];
const PATHS = [
  'a.txt',
  'news/a.txt',
  'news/2016/oct/b.txt',
  '.hidden/a.txt',
  'news/.draft.txt',
  'archive/x.article',
  'archive/deep/x.article',
  'node_modules/p/readme.txt',
  'x/.git/HEAD',
  'data.json',
  'wire/apple.txt',
  'wire/zebra.txt',
  'a[1].txt',
  'a1.txt',
  'copy(1).txt',
  'copy1.txt',
  'x/one.news',
  'z/one.news',
  'café/été.txt',
  'with space/a b.txt',
  '',
];

describe('globMatcher', () => {
  it('answers as picomatch does, with and without dot files', () => {
    for (const globs of GLOBS) {
      for (const dot of [false, true]) {
        const expected = picomatch(globs, { dot });
        const actual = globMatcher(globs, { dot });
        for (const file of PATHS) assert.equal(actual(file), expected(file), `${JSON.stringify(globs)} dot=${dot} on ${JSON.stringify(file)}`);
      }
    }
  });

  it('keeps dot folders out unless asked, and takes a glob equal to the path literally', () => {
    assert.equal(globMatcher(['**/*.txt'], { dot: false })('.hidden/a.txt'), false);
    assert.equal(globMatcher(['**/.git/**'], { dot: true })('x/.git/HEAD'), true);
    assert.equal(globMatcher(['copy(1).txt'], { dot: false })('copy(1).txt'), true); // its regex alone does not match it
    assert.equal(globMatcher([], { dot: false })('a.txt'), false);
  });

  it('refuses an empty glob, as picomatch does', () => {
    assert.throws(() => globMatcher([''], { dot: false }), TypeError);
    assert.throws(() => picomatch([''], { dot: false }), TypeError);
  });
});
