import { ErrorCode } from '../../src/common/errors';
import { rejectionsByCode } from '../../src/ingest/rejections';
import { RecordStatus, type RecordResult } from '../../src/ingest/types';

const result = (status: RecordStatus, ...codes: ErrorCode[]): RecordResult => ({
  index: 0,
  key: null,
  status,
  version: null,
  errors: codes.map((code) => ({ field: '', code, message: '' })),
  warnings: [],
});

describe('rejectionsByCode', () => {
  it('counts each rejected record once, under its first error, codes in order', () => {
    expect(
      rejectionsByCode([
        result(RecordStatus.REJECTED, ErrorCode.NOT_FOUND, ErrorCode.BAD_USER_INPUT),
        result(RecordStatus.ACCEPTED),
        result(RecordStatus.REJECTED, ErrorCode.BAD_USER_INPUT),
        result(RecordStatus.UNCHANGED),
        result(RecordStatus.REJECTED, ErrorCode.CONFLICT),
        result(RecordStatus.REJECTED, ErrorCode.NOT_FOUND),
      ]),
    ).toEqual([
      [ErrorCode.BAD_USER_INPUT, 1],
      [ErrorCode.CONFLICT, 1],
      [ErrorCode.NOT_FOUND, 2],
    ]);
  });

  it('is empty for a push without rejections, and names a rejection without errors BAD_USER_INPUT', () => {
    expect(rejectionsByCode([result(RecordStatus.ACCEPTED), result(RecordStatus.UNCHANGED)])).toEqual([]);
    expect(rejectionsByCode([result(RecordStatus.REJECTED)])).toEqual([[ErrorCode.BAD_USER_INPUT, 1]]);
  });
});
