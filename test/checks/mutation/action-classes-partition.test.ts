import { describe, expect, it } from 'vitest';
import { actionClasses } from '../../../src/checks/universe/action-classes.js';

const ACTIONS = ['s3:PutObject', 's3:GetObject', 's3:GetBucket', 'ec2:Run', 'iam:CreateUser'];
const re = (p: string) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
const mk = () => ({ expand: (p: string) => ACTIONS.filter((a) => re(p).test(a)), all: () => ACTIONS });

describe('actionClasses: actions partitioned by the elements that match them', () => {
  it('groups by matched elements (a pattern repeated in one element counts once), sorted by representative, unmatched last as one class', () => {
    expect(actionClasses([['s3:Get*', 's3:GetObject'], ['s3:*']], mk())).toEqual([
      { representative: 'ec2:Run', members: ['ec2:Run', 'iam:CreateUser'], patterns: [] },
      { representative: 's3:GetBucket', members: ['s3:GetBucket', 's3:GetObject'], patterns: [0, 1] },
      { representative: 's3:PutObject', members: ['s3:PutObject'], patterns: [1] },
    ]);
  });
  it('adds extra actions as their own classes unless already present, and no unmatched class when all match', () => {
    expect(actionClasses([['*']], mk(), ['x:Extra', 's3:GetObject'])).toEqual([
      { representative: 'ec2:Run', members: ['ec2:Run', 'iam:CreateUser', 's3:GetBucket', 's3:GetObject', 's3:PutObject'], patterns: [0] },
      { representative: 'x:Extra', members: ['x:Extra'], patterns: [] },
    ]);
    expect(actionClasses([['iam:*']], mk(), ['ec2:Run', 'a:New']).map((c) => c.representative)).toEqual(['a:New', 'iam:CreateUser', 's3:PutObject']);
  });
  it('remembers the classes per catalog and elements, frozen', () => {
    const c = mk();
    const first = actionClasses([['s3:*']], c);
    expect(actionClasses([['s3:*']], c)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(actionClasses([['s3:*']], c, ['x:Y'])).not.toBe(first);
    expect(actionClasses([['s3:*']], mk())).not.toBe(first);
  });
});
