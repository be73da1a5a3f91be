/** schemas/scenario.schema.json is generated from src/scenarios/schema.ts and every model operation; it must stay in sync. */
import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../src/model/apply.js';
import { operationFields } from '../../src/scenarios/operation-input.js';
import { scenarioSchemaText } from '../../src/scenarios/schema.js';

const FILE = 'schemas/scenario.schema.json';
const expected = scenarioSchemaText(Object.fromEntries(OPERATION_NAMES.map((n) => [n, operationFields(n)])));

describe('scenario.schema.json', () => {
  it('is up to date (UPDATE_SCHEMAS=1 rewrites it)', () => {
    if (process.env['UPDATE_SCHEMAS'] === '1') writeFileSync(FILE, expected);
    expect(readFileSync(FILE, 'utf8') === expected, `${FILE} is out of date (a model operation was added?): run npm run schemas`).toBe(true);
  });

  it('compiles, lists every operation, and rejects broken fixtures an editor should flag', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(expected) as object);
    const ops = (JSON.parse(expected) as { definitions: Record<string, { properties: Record<string, unknown> }> }).definitions['step-operation']!.properties;
    for (const op of OPERATION_NAMES) expect(ops).toHaveProperty(op);
    for (const f of ['unknown-key', 'wrong-type', 'bad-duration', 'many-errors']) {
      expect(validate(parse(readFileSync(`test/fixtures/scenarios/${f}.yaml`, 'utf8'))), f).toBe(false);
    }
    expect(validate(parse(readFileSync('scenarios/contractor.yaml', 'utf8')))).toBe(true);
  });
});
