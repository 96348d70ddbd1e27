/*
 * The supervision family's public surface (.dependency-cruiser.cjs enforces
 * that other folders import only this file).
 */
export { supervisionFamily } from './supervision.family';
export { SupervisionTopic, ReviewOutcome, type FindingPayload, type FindingReviewPayload } from './supervision.model';
export { COLLUSION_RULES, CollusionRule } from './collusion.rules';
export { ALARM_LEVEL, Severity, alarmLevelOf } from './severity';
