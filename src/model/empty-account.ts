/** A fresh, empty account: root user with a password, no IAM entities, no password policy, no trail. */
import { List, Map as IMap } from 'immutable';
import type { Account, Instant } from './types.js';

/** Creates an empty account with the given 12-digit id, as it is right after sign-up at `created`. */
export function emptyAccount(id: string, created: Instant): Account {
  return {
    formatVersion: 1,
    id,
    alias: null,
    partition: 'aws',
    organization: null,
    root: { arn: `arn:aws:iam::${id}:root`, created, hasPassword: true, accessKeys: [], mfa: [] },
    users: {},
    groups: {},
    roles: {},
    policies: {},
    instanceProfiles: {},
    instances: {},
    resources: {},
    passwordPolicy: null,
    trails: {},
    sessions: {},
    people: {},
    usage: { accessKeys: IMap(), passwords: IMap(), roles: IMap(), services: IMap() },
    activity: List(),
    seq: 0,
  };
}
