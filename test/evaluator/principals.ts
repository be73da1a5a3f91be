/** Request principals of every kind in two accounts, A and B, shared by the evaluator's decision tests. */
import type { RequestPrincipal } from '../../src/evaluator/types.js';

export const A = '111111111111';
export const B = '222222222222';

export const P = {
  user: { kind: 'user', arn: `arn:aws:iam::${A}:user/alice`, accountId: A },
  otherUser: { kind: 'user', arn: `arn:aws:iam::${B}:user/bob`, accountId: B },
  session: { kind: 'role-session', arn: `arn:aws:sts::${A}:assumed-role/R/s1`, accountId: A, roleArn: `arn:aws:iam::${A}:role/R` },
  otherSession: { kind: 'role-session', arn: `arn:aws:sts::${B}:assumed-role/X/s9`, accountId: B, roleArn: `arn:aws:iam::${B}:role/X` },
  fed: { kind: 'federated-user', arn: `arn:aws:sts::${A}:federated-user/fed`, accountId: A, federatedUserOwnerArn: `arn:aws:iam::${A}:user/alice` },
  root: { kind: 'root', arn: `arn:aws:iam::${A}:root`, accountId: A },
  otherRoot: { kind: 'root', arn: `arn:aws:iam::${B}:root`, accountId: B },
  service: { kind: 'service', arn: 'ec2.amazonaws.com', accountId: '', service: 'ec2.amazonaws.com' },
  anonymous: { kind: 'anonymous', arn: '', accountId: '' },
} as const satisfies Record<string, RequestPrincipal>;
