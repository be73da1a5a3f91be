/** policy-review-cadence: due exactly at the cadence, findings in name order, and the resource kind. */
import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/rules/policy-review-cadence.js';
import { account, doc, managed } from '../universe-fixtures.js';
import { findings } from '../rules-b/render.js';

const NOW = '2026-06-01T00:00:00Z';
const p = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });

describe('policy-review-cadence', () => {
  it('a policy reviewed exactly one cadence ago is due; one day less is not', () => {
    const a = account({ policies: [managed('Due', p, { lastReviewed: '2026-03-03T00:00:00Z' }), managed('NotYet', p, { lastReviewed: '2026-03-04T00:00:00Z' })] });
    const f = findings(check, a, NOW);
    expect(f.map((x) => [x.messageId, x.data])).toEqual([['overdue', { policy: 'Due', days: 90, cadence: 90 }]]);
    expect(f[0]?.resource).toEqual({ kind: 'policy', arn: a.policies[Object.keys(a.policies).find((k) => k.endsWith('/Due'))!]!.arn, name: 'Due' });
  });
  it('findings come in policy-name order, not insertion order', () => {
    const a = account({ policies: ['Zeta', 'Alpha', 'Mid', 'Beta'].map((n) => managed(n, p, { lastReviewed: null })) });
    expect(findings(check, a, NOW).map((x) => x.data['policy'])).toEqual(['Alpha', 'Beta', 'Mid', 'Zeta']);
  });
});
