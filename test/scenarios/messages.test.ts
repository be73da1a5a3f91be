/** The loader's message table: every message is used somewhere, and a missing placeholder is a bug that throws. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MESSAGES, say } from '../../src/scenarios/messages.js';

const sources = ['src/scenarios', 'src/scenarios/steps'].flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.ts') && f !== 'messages.ts').map((f) => readFileSync(`${d}/${f}`, 'utf8'))).join('\n');

describe('scenario messages', () => {
  it.each(Object.keys(MESSAGES))('%s is used', (id) => {
    expect(sources).toContain(`'${id}'`);
  });

  it('renders with its data and drops an empty hint', () => {
    expect(say('unknownReference', { kind: 'instance profile', kindId: 'instance-profile', name: 'web', suggestion: '' })).toEqual({ code: 'unknown-instance-profile', message: "unknown instance profile 'web'" });
    expect(() => say('badIp')).toThrow('message placeholder {{value}} has no data');
  });
});
