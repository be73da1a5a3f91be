import { describe, expect, it } from 'vitest';
import { emptyAccount } from '../src/model/empty-account.js';

describe('empty account', () => {
  it('has a root user and nothing else', () => {
    const a = emptyAccount('111122223333', '2026-01-01T00:00:00Z');
    expect(a.root.arn).toBe('arn:aws:iam::111122223333:root');
    expect(Object.keys(a.users)).toEqual([]);
    expect(a.activity.size).toBe(0);
  });
});
