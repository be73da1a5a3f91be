/**
 * The request universe: its size and cost on AdministratorAccess-sized policies. Baseline: one evaluation of one
 * request against AdministratorAccess. Figures: universe size (action classes × resources × contexts) and the size it
 * stands for (every real action), build time, and the time of an exact comparison of two AWS managed policies.
 */
import type { BenchContext } from './harness.js';
import { measure, opsPerSecond } from './harness.js';
import type { RawPolicySet } from '../src/evaluator/policy-set.js';
import type { PolicyDocument, RequestPrincipal } from '../src/evaluator/types.js';
import { awsManagedPolicy } from '../src/model/aws-managed.js';
import { allActions } from '../src/model/access-level.js';
import { buildUniverse, compareGrants, decideRaw, REAL_CATALOG } from '../src/checks/universe/index.js';

const principal: RequestPrincipal = { kind: 'user', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333' };
const fixed = { 'aws:username': 'alice', 'aws:PrincipalArn': principal.arn };
const doc = (name: string): PolicyDocument => {
  const p = awsManagedPolicy(name);
  if (p === undefined) throw new Error(`no AWS managed policy ${name}`);
  return p.document;
};

export default async function universeBench(ctx: BenchContext): Promise<void> {
  allActions();
  const admin = doc('AdministratorAccess');
  const adminSet: RawPolicySet = { identity: [admin] };
  const one = { principal, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: fixed };
  const evals = opsPerSecond(() => void decideRaw(one, adminSet), ctx.quick ? 200 : 1000);
  ctx.report({ suite: 'universe', name: 'baseline: one evaluation against AdministratorAccess', value: evals, unit: 'evals/s' });
  const baselineMs = 1000 / evals;

  const pairs: readonly [string, string][] = ctx.quick
    ? [['AdministratorAccess', 'PowerUserAccess']]
    : [['AdministratorAccess', 'PowerUserAccess'], ['AdministratorAccess', 'ReadOnlyAccess'], ['ReadOnlyAccess', 'ViewOnlyAccess'], ['AmazonS3FullAccess', 'AmazonS3ReadOnlyAccess']];
  for (const [a, b] of pairs) {
    const da = doc(a);
    const db = doc(b);
    const built = await measure(() => buildUniverse([da, db], REAL_CATALOG, { principal, fixed }));
    const u = built.result;
    ctx.report({ suite: 'universe', name: `${a} vs ${b}: universe size (classes×resources×contexts)`, value: u.size, unit: `requests (${u.actionClasses.length} classes, ${u.resources.length} resources, ${u.contexts.length} contexts, exact=${u.exact})` });
    ctx.report({ suite: 'universe', name: `${a} vs ${b}: requests it stands for (every real action)`, value: u.expandedSize, unit: 'requests' });
    ctx.report({ suite: 'universe', name: `${a} vs ${b}: build`, value: built.ms, unit: 'ms', baseline: 'one evaluation', ratio: built.ms / baselineMs });
    const sa: RawPolicySet = { identity: [da] };
    const sb: RawPolicySet = { identity: [db] };
    const cmp = await measure(() => compareGrants(u, sa, sb, decideRaw));
    ctx.report({ suite: 'universe', name: `${a} vs ${b}: exact comparison (${cmp.result.evaluated} requests ×2, equal=${cmp.result.equal})`, value: cmp.ms, unit: 'ms', baseline: 'one evaluation', ratio: cmp.ms / baselineMs });
  }
}
