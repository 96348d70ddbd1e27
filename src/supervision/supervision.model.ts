import type { SensitiveFields } from '../auth/masking';
import { FINDING_TOPIC, type FindingPayload } from '../ingest/findings';
import { BID_SENSITIVE } from '../trading';

/** The change-log topics of supervision. */
export const SupervisionTopic = {
  /** A finding raised (CREATE) or cleared (DELETE); key: the finding's id. */
  FINDING: FINDING_TOPIC,
  /** A supervisor's review of a finding; key: the finding's id, version: the review's number. */
  FINDING_REVIEW: 'FINDING_REVIEW',
} as const;

export type { FindingPayload };

/** A review as its FINDING_REVIEW events carry it. */
export interface FindingReviewPayload {
  findingId: string;
  number: number;
  outcome: ReviewOutcome;
  note: string | null;
  /** The reviewing principal's id. */
  author: string;
  reviewedAt: string;
  rule: string;
  projectCode: string;
}

/** What a supervisor decided about a finding. */
export enum ReviewOutcome {
  CONFIRMED = 'CONFIRMED',
  DISMISSED = 'DISMISSED',
}

/**
 * A finding's evidence is masked exactly as the bid fields it quotes: the
 * shared value sits under the bid field's own name (`shared.deviceFingerprint`),
 * so a reader without BID_EVIDENCE sees that two bids share a device, not the
 * device (and without PERSONAL_ID, not the project manager's ID number).
 */
export const FINDING_SENSITIVE: SensitiveFields = {
  evidence: { each: { shared: { each: BID_SENSITIVE } } },
};
