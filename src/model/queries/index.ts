/** Queries over an account: which policies apply, who can do X on Y, what can P do. */
export { findPrincipal, type QueryPrincipal } from './find-principal.js';
export { policiesFor, subjectOf, type PoliciesForAnswer } from './policies-for.js';
export { queryInstant, whoCan, type WhoCanAnswer, type WhoCanEntry, type WhoCanOptions } from './who-can.js';
export { whatCan, type LevelSummary, type ServiceSummary, type WhatCanAnswer } from './what-can.js';
