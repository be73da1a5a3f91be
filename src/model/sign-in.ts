/**
 * Console sign-in: a `ConsoleLogin` event (eventType AwsConsoleSignIn, eventSource signin.amazonaws.com) with
 * `responseElements.ConsoleLogin` Success/Failure and `additionalEventData.MFAUsed` Yes/No, as CloudTrail logs it
 * [IAM cloudtrail-integration.html#cloudtrail-integration_signin-users]. A success records password last used.
 * No IAM policy is evaluated: signing in needs only a password (and the MFA code when a device is assigned).
 */
import { EVENT_VERSION, eventId, userIdentityOfRoot, userIdentityOfUser } from './cloudtrail-event.js';
import type { CallPrincipal } from './request-context.js';
import { ROOT, type Account, type CloudTrailEvent, type Instant } from './types.js';

/** Who signs in, from where, when, and whether they entered an MFA code. */
export type SignIn = ({ readonly user: string } | { readonly root: true }) & {
  readonly sourceIp: string;
  readonly at: Instant;
  /** Whether the person entered an MFA code. */
  readonly mfa: boolean;
  readonly userAgent?: string;
};

/** Why a sign-in failed. */
export type SignInFailure = 'unknown-user' | 'no-login-profile' | 'root-no-password' | 'mfa-required';

/** The sign-in result: the new account (event logged), and on success the console principal for later requests. */
export interface SignInOutcome {
  readonly ok: boolean;
  readonly failure: SignInFailure | null;
  readonly account: Account;
  readonly event: CloudTrailEvent;
  /** Pass as `call.principal` to make console requests in this session; null on failure. */
  readonly console: CallPrincipal | null;
}

const DEFAULT_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

// The parts of a ConsoleLogin record that take one of two values, shared (and frozen) by every event.
const SUCCESS = Object.freeze({ ConsoleLogin: 'Success' });
const FAILURE = Object.freeze({ ConsoleLogin: 'Failure' });
const loginData = (mfa: 'Yes' | 'No') => Object.freeze({ LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: mfa });
const WITH_MFA = loginData('Yes');
const WITHOUT_MFA = loginData('No');

/** The userName CloudTrail writes when the name typed does not exist. */
export const HIDDEN_USER = 'HIDDEN_DUE_TO_SECURITY_REASONS';

/**
 * Signs a user or the root user in to the console. Fails, logged as `ConsoleLogin: Failure` with "Failed
 * authentication", when the user does not exist, has no login profile (no console password), root has no password,
 * or an MFA device is assigned and no code was entered (the console requires it).
 */
export function signIn(account: Account, s: SignIn): SignInOutcome {
  const seq = account.seq + 1;
  let identity: CloudTrailEvent['userIdentity'];
  let failure: SignInFailure | null = null;
  let hasMfa = false;
  let passwordKey: string | null = null;
  if ('root' in s) {
    identity = userIdentityOfRoot(account, null, null);
    hasMfa = account.root.mfa.length > 0;
    if (!account.root.hasPassword) failure = 'root-no-password';
    passwordKey = ROOT;
  } else {
    const user = Object.hasOwn(account.users, s.user) ? account.users[s.user] : undefined;
    if (user === undefined) {
      identity = { type: 'IAMUser', principalId: '', arn: '', accountId: account.id, userName: HIDDEN_USER };
      failure = 'unknown-user';
    } else {
      identity = userIdentityOfUser(account, user, null, null);
      hasMfa = user.mfa.length > 0;
      if (user.loginProfile === null) failure = 'no-login-profile';
      passwordKey = user.name;
    }
  }
  if (failure === null && hasMfa && !s.mfa) failure = 'mfa-required';
  const mfaUsed = failure === null && hasMfa && s.mfa;
  const event: CloudTrailEvent = {
    eventVersion: EVENT_VERSION,
    eventID: eventId(account.id, seq),
    eventTime: s.at,
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    eventType: 'AwsConsoleSignIn',
    awsRegion: 'us-east-1',
    sourceIPAddress: s.sourceIp,
    userAgent: s.userAgent ?? DEFAULT_AGENT,
    userIdentity: identity,
    requestParameters: null,
    responseElements: failure === null ? SUCCESS : FAILURE,
    additionalEventData: mfaUsed ? WITH_MFA : WITHOUT_MFA,
    ...(failure !== null ? { errorMessage: 'Failed authentication' } : {}),
    recipientAccountId: account.id,
  };
  let passwords = account.usage.passwords;
  if (failure === null && passwordKey !== null) {
    const prev = passwords.get(passwordKey);
    if (prev === undefined || prev < s.at) passwords = passwords.set(passwordKey, s.at);
  }
  const next: Account = {
    ...account,
    seq,
    activity: account.activity.push(event),
    usage: passwords === account.usage.passwords ? account.usage : { ...account.usage, passwords },
  };
  const console: CallPrincipal | null = failure !== null
    ? null
    : 'root' in s
      ? { kind: 'root', via: 'console', mfa: mfaUsed, signedInAt: s.at }
      : { kind: 'user', user: s.user, via: 'console', mfa: mfaUsed, signedInAt: s.at };
  return { ok: failure === null, failure, account: next, event, console };
}
