import type { ErrorCode } from './errors';

/**
 * One located problem with a pushed record. `field` is a path inside the record, e.g. `qualifications.0.validUntil`.
 */
export interface FieldError {
  field: string;
  code: ErrorCode;
  message: string;
  /** For lifecycle rules: the stable rule code, e.g. AWARD_WITHOUT_BID. */
  rule?: string;
  /** For a record owned by another system: that system's code. */
  owner?: string;
}

/** Errors of the records of a batch, by record index. */
export type FieldErrors = Map<number, FieldError[]>;

/** Adds an error of the record at `index` (a record may collect several). */
export function addError(errors: FieldErrors, index: number, error: FieldError): void {
  errors.set(index, [...(errors.get(index) ?? []), error]);
}
