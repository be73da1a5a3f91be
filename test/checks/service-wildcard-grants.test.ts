import check from '../../src/checks/rules/service-wildcard-grants.js';
import { runCaseTable } from '../../src/checks/tester.js';
import { serviceActions } from '../../src/model/access-level.js';
import { account, doc, event, managed, role, user, withActivity } from './universe-fixtures.js';
import { hooks } from './universe-tester.js';

const NOW = '2026-03-10T12:00:00Z';
const everyS3 = serviceActions('s3').map((a) => a.action);
const s3star = managed('S3Everything', doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }));

runCaseTable(check, {
  valid: [
    { name: 's3:* minus a Deny on one action is not every action', now: NOW, account: account({ users: [user('dev', { inlinePolicies: { p: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }) } })] }) },
    { name: 'a few named actions', now: NOW, account: account({ users: [user('dev', { inlinePolicies: { p: doc({ Effect: 'Allow', Action: ['s3:GetObject', 'ec2:Describe*'], Resource: '*' }) } })] }) },
    { name: 'full admin is the other check’s finding', now: NOW, account: account({ users: [user('dev', { inlinePolicies: { p: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) } })] }) },
  ],
  invalid: [
    {
      name: 'every S3 action listed one by one is s3:*',
      now: NOW,
      account: account({ users: [user('dev', { inlinePolicies: { listed: doc({ Effect: 'Allow', Action: everyS3, Resource: 'arn:aws:s3:::data/*' }) } })] }),
      reports: [{ messageId: 'serviceWildcard', resource: 'dev', data: { services: 's3:*', policy: 'inline listed' }, suggestions: 1 }],
      applySuggestions: true,
      suggestionsClear: true,
      after: { users: { dev: { inlinePolicies: {} } } },
    },
    {
      name: 'a role with s3:* used only for GetObject gets a scoped policy',
      now: NOW,
      account: withActivity(account({ roles: [role('app', { attachedPolicies: [s3star.arn] })], policies: [s3star] }), [
        { ...event('2026-03-05T10:00:00Z', 'GetObject', { source: 's3.amazonaws.com', resource: 'arn:aws:s3:::data/a.csv' }), userIdentity: { type: 'AssumedRole', principalId: 'AROAAPP:i-1', arn: 'arn:aws:sts::111122223333:assumed-role/app/i-1', accountId: '111122223333', sessionContext: { attributes: { mfaAuthenticated: 'false', creationDate: '2026-03-05T09:00:00Z' }, sessionIssuer: { type: 'Role', principalId: 'AROAAPP', arn: 'arn:aws:iam::111122223333:role/app', accountId: '111122223333', userName: 'app' } } } },
      ]),
      reports: [{ messageId: 'serviceWildcard', resource: 'app', data: { services: 's3:*', policy: 'S3Everything' }, suggestions: 1 }],
      applySuggestions: true,
      suggestionsClear: true,
      after: { roles: { app: { attachedPolicies: [], inlinePolicies: { 'least-privilege-from-activity': doc({ Sid: 'Used1', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::data/a.csv' }) } } } },
    },
  ],
}, hooks);
