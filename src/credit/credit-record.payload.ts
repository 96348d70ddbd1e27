import { ANONYMOUS } from '../auth/principal';
import { maskRecord } from '../auth/masking';
import type { CreditRecordRow } from './credit-record.entity';
import {
  CREDIT_RECORD_SENSITIVE,
  type CreditRecordData,
  type CreditRecordPayload,
  type CreditRecordStatus,
} from './credit.model';

/** A stored record's content, as its push validated it (the columns of credit_record). */
export function recordDataOf(r: CreditRecordRow): CreditRecordData {
  return {
    code: r.code,
    subjectType: r.subjectType,
    subjectCode: r.subjectCode,
    subjectName: r.subjectName ?? null,
    subjectIdNumber: r.subjectIdNumber ?? null,
    kind: r.kind,
    severity: r.severity,
    status: r.status,
    decidedOn: r.decidedOn,
    decisionNumber: r.decisionNumber,
    authorityName: r.authorityName,
    authorityCreditCode: r.authorityCreditCode,
    summary: r.summary,
    legalBasis: r.legalBasis ?? null,
    violationType: r.violationType ?? null,
    violationFacts: r.violationFacts ?? null,
    penaltyType: r.penaltyType ?? null,
    penaltyContent: r.penaltyContent ?? null,
    fineAmount: r.fineAmount ?? null,
    confiscatedAmount: r.confiscatedAmount ?? null,
    listedOn: r.listedOn ?? null,
    listingEndsOn: r.listingEndsOn ?? null,
    contractCode: r.contractCode ?? null,
    performanceRating: r.performanceRating ?? null,
    publicationEndsOn: r.publicationEndsOn ?? null,
    effectiveFrom: r.effectiveFrom,
    effectiveUntil: r.effectiveUntil,
    publishedFrom: r.publishedFrom ?? null,
    publishedUntil: r.publishedUntil ?? null,
    repairableFrom: r.repairableFrom ?? null,
    externalId: r.externalId ?? null,
  };
}

/** The CREDIT_RECORD payload of a stored record (after a repair): its content, standing and repair. */
export function recordPayloadOf(r: CreditRecordRow, sourceSystem: string): CreditRecordPayload {
  return {
    ...recordDataOf(r),
    status: r.status,
    repair: r.repairedAt
      ? {
          decidedBy: r.repairDecidedBy ?? '',
          decidedAt: new Date(r.repairedAt).toISOString(),
          grounds: r.repairGrounds ?? '',
          recordedBy: r.repairRecordedBy ?? '',
        }
      : null,
    sourceSystem,
    version: r.version,
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

/**
 * What Credit Hubei may show of a record (the CREATE and UPDATE payloads of
 * CREDIT_PUBLICATION): the disclosure items and the window, with personal data
 * masked for every reader whatever its grants, and nothing internal (the
 * pushing system's own id).
 */
export type PublicationPayload = Omit<CreditRecordData, 'externalId'> & { status: CreditRecordStatus; version: number };

export function publicationPayloadOf(r: CreditRecordRow): PublicationPayload {
  const { externalId: _internal, ...data } = recordDataOf(r);
  void _internal;
  return { ...maskRecord(CREDIT_RECORD_SENSITIVE, data, ANONYMOUS), version: r.version };
}

/** The DELETE payload of CREDIT_PUBLICATION: which record, and why its publication ended. */
export interface PublicationEnd {
  code: string;
  reason: 'WINDOW_CLOSED' | 'REPAIRED' | 'REVOKED';
}
