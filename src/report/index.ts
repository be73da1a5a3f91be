/** Reports people and CI tools read, built as pure functions from replay and audit results. */
export { replayToJunit, auditToJunit, type JunitScenario, type AuditJunitOptions } from './junit.js';
export { auditToSarif, SARIF_LEVEL, SARIF_SCHEMA_URI, type SarifOptions } from './sarif.js';
export { renderStoryHtml, markStyle } from './story-html.js';
export { renderAuditHtml, type AuditHtmlInput } from './audit-html.js';
export { explainDecision } from './story-explain.js';
export { decisionReason } from '../explain/decision-reason.js';
export { layoutTimeline, type Timeline, type TimelineDay } from './story-timeline.js';
