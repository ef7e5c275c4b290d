// The committed JSON Schema of the export, compiled once for tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';

const schemaPath = path.resolve(__dirname, '../../../schema/export.schema.json');
const compiled = new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));

/** True when `data` follows the schema; the reasons are in `validateExport.errors` otherwise. */
export const validateExport = Object.assign((data: unknown): boolean => compiled(data), {
  get errors() {
    return compiled.errors;
  },
});
