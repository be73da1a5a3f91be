/** cloudtrail-configuration: several trails are reported in name order, whatever order the account stores them in. */
import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/rules/cloudtrail-configuration.js';
import type { Trail } from '../../../src/model/types.js';
import { account } from '../universe-fixtures.js';
import { findings } from '../rules-b/render.js';

const stopped = (name: string): Trail => ({ name, homeRegion: 'eu-west-1', isMultiRegionTrail: true, logFileValidationEnabled: true, isLogging: false, s3BucketName: 'logs' });

describe('cloudtrail-configuration', () => {
  it('reports trails sorted by name', () => {
    const a = { ...account(), trails: Object.fromEntries(['zeta', 'alpha', 'mid', 'beta'].map((n) => [n, stopped(n)])) };
    expect(findings(check, a, '2026-03-10T12:00:00Z').map((f) => [f.messageId, f.data['trail']])).toEqual([
      ['notLogging', 'alpha'], ['notLogging', 'beta'], ['notLogging', 'mid'], ['notLogging', 'zeta'],
    ]);
  });
});
