import check from '../../src/checks/rules/policy-review-cadence.js';
import { runCaseTable } from '../../src/checks/tester.js';
import { account, doc, managed } from './universe-fixtures.js';
import { hooks } from './universe-tester.js';

const NOW = '2026-06-01T00:00:00Z';
const p = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });

runCaseTable(check, {
  valid: [
    { name: 'reviewed last month', now: NOW, account: account({ policies: [managed('Reports', p, { lastReviewed: '2026-05-01T00:00:00Z' })] }) },
    { name: 'created recently, not yet due', now: NOW, account: account({ policies: [managed('Fresh', p, { created: '2026-04-01T00:00:00Z', lastReviewed: null })] }) },
    {
      name: 'a retired AWS managed policy carried in by an import is AWS\'s, not a customer\'s to review',
      now: NOW,
      account: account({ policies: [managed('AWSLambdaFullAccess', p, { arn: 'arn:aws:iam::aws:policy/AWSLambdaFullAccess', lastReviewed: null })] }),
    },
    { name: 'a 180-day cadence', now: NOW, options: { cadenceDays: 180 }, account: account({ policies: [managed('Reports', p, { lastReviewed: '2026-01-01T00:00:00Z' })] }) },
  ],
  invalid: [
    {
      name: 'overdue and never-reviewed policies; recording the review clears them',
      now: NOW,
      account: account({ policies: [managed('Reports', p, { lastReviewed: '2026-01-01T00:00:00Z' }), managed('Legacy', p)] }),
      reports: [
        { messageId: 'neverReviewed', resource: 'Legacy', data: { days: 151, cadence: 90 }, suggestions: 1 },
        { messageId: 'overdue', resource: 'Reports', data: { days: 151 }, suggestions: 1 },
      ],
      applySuggestions: true,
      suggestionsClear: true,
      after: { policies: { 'arn:aws:iam::111122223333:policy/Reports': { lastReviewed: NOW } } },
    },
  ],
}, hooks);
