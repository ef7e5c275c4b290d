import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { ATTRIBUTION_MODEL_FILE } from '../../server/src/attributionModel';
import type { TaggerModelFile } from '../../server/src/attributionTagger';
import { featureFingerprint } from '../../tools/src/attributionFingerprint';

describe('committed attribution model', () => {
  it('was trained on the features the current code computes (else run npm run train:attribution)', () => {
    const file = JSON.parse(fs.readFileSync(ATTRIBUTION_MODEL_FILE!, 'utf8')) as TaggerModelFile;
    assert.equal(featureFingerprint(new Set(file.cueStems.split(' '))), file.featureFingerprint);
  });
});
