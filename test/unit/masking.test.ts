import {
  PERSONAL_ID,
  PHONE,
  classesOf,
  maskRecord,
  maskValue,
  type MaskingClass,
  type SensitiveFields,
} from '../../src/auth/masking';
import { BID_EVIDENCE, EXPERT_IDENTITY } from '../../src/trading';

/** The masking classes of the hub: the generic ones and the trading family's. */
const Sensitivity = { PERSONAL_ID, PHONE, BID_EVIDENCE, EXPERT_IDENTITY };
type Sensitivity = MaskingClass;
import { ADMIN, ANONYMOUS, Role, type Principal } from '../../src/auth/principal';

const FIELDS = { idNumber: Sensitivity.PERSONAL_ID, phone: Sensitivity.PHONE, ip: Sensitivity.BID_EVIDENCE };

function reader(reveal: Sensitivity[]): Principal {
  return {
    ...ANONYMOUS,
    id: 'r/key:1',
    name: 'r',
    roles: new Set([Role.INTEGRATOR]),
    grants: { ...ANONYMOUS.grants, reveal: new Set(reveal.map((c) => c.name)) },
  };
}

describe('field masking', () => {
  it('keeps the region and last digits of an ID number and hides the rest', () => {
    expect(maskValue(Sensitivity.PERSONAL_ID, '420106199001011234')).toBe('420106**********34');
  });

  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskValue(Sensitivity.PHONE, '13800138000')).toBe('138****8000');
  });

  it('hides bid evidence entirely, also inside lists', () => {
    expect(maskValue(Sensitivity.BID_EVIDENCE, ['10.1.2.3', 'AA:BB'])).toEqual(['******', '******']);
  });

  it('masks only the classes the reader is not granted, leaving the original untouched', () => {
    const record = { name: '甲公司', idNumber: '420106199001011234', phone: '13800138000', ip: '10.1.2.3' };
    const masked = maskRecord(FIELDS, record, reader([Sensitivity.PHONE]));
    expect(masked).toEqual({ name: '甲公司', idNumber: '420106**********34', phone: '13800138000', ip: '******' });
    expect(record.idNumber).toBe('420106199001011234');
  });

  it('shows everything to operators and leaves empty values alone', () => {
    const record = { idNumber: '420106199001011234', phone: null };
    expect(maskRecord(FIELDS, record, ADMIN)).toBe(record);
    expect(maskRecord(FIELDS, { phone: null }, reader([]))).toEqual({ phone: null });
  });

  describe('conditional and nested declarations', () => {
    const MEMBER: SensitiveFields = { name: Sensitivity.EXPERT_IDENTITY, idNumber: Sensitivity.PERSONAL_ID };
    const EVALUATION: SensitiveFields = {
      committee: { each: MEMBER, lift: { class: Sensitivity.EXPERT_IDENTITY, when: (r) => r.reportedAt != null } },
      room: { class: Sensitivity.EXPERT_IDENTITY, publicWhen: (r) => r.reportedAt != null },
    };
    const running = {
      reportedAt: null,
      room: '3',
      committee: [{ name: '李建国', role: 'CHAIR', idNumber: '420106199001011234' }],
    };

    it('masks the fields of each object a field holds, keeping undeclared ones', () => {
      expect(maskRecord(EVALUATION, running, reader([]))).toEqual({
        reportedAt: null,
        room: '******',
        committee: [{ name: '******', role: 'CHAIR', idNumber: '420106**********34' }],
      });
    });

    it('applies each class of the nested declaration on its own', () => {
      expect(maskRecord(EVALUATION, running, reader([Sensitivity.EXPERT_IDENTITY])).committee).toEqual([
        { name: '李建国', role: 'CHAIR', idNumber: '420106**********34' },
      ]);
    });

    it('shows the value once the record says it is public, lifting only the class it names', () => {
      const done = { ...running, reportedAt: '2026-09-27T09:00:00.000Z' };
      expect(maskRecord(EVALUATION, done, reader([]))).toEqual({
        ...done,
        committee: [{ name: '李建国', role: 'CHAIR', idNumber: '420106**********34' }],
      });
      expect(maskRecord(EVALUATION, done, reader([Sensitivity.PERSONAL_ID]))).toEqual(done);
    });

    it('names every class a declaration involves', () => {
      expect(classesOf(EVALUATION.committee)).toEqual([Sensitivity.EXPERT_IDENTITY, Sensitivity.PERSONAL_ID]);
      expect(classesOf(EVALUATION.room)).toEqual([Sensitivity.EXPERT_IDENTITY]);
      expect(classesOf(Sensitivity.PHONE)).toEqual([Sensitivity.PHONE]);
    });
  });
});
