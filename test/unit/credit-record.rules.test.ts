import { validateCreditRecord, type CreditRecordPush } from '../../src/credit/credit-record.rules';
import { validateExpert } from '../../src/credit/expert.rules';

/** Appends the GB 11643 check character to 17 digits (an implementation of its own, to test against). */
function withCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

const AUTHORITY = '11420000011043877M';
const SUBJECT = '91420100MA4KX0001C';
const TODAY = '2026-12-01';

const record = (over: CreditRecordPush = {}): CreditRecordPush => ({
  code: 'CR-1',
  subjectCreditCode: SUBJECT,
  kind: 'BAD_CONDUCT',
  severity: 'GENERAL',
  decidedOn: '2026-05-10',
  decisionNumber: '鄂建罚〔2026〕12号',
  authorityName: '湖北省住房和城乡建设厅',
  authorityCreditCode: AUTHORITY,
  summary: '提供虚假材料',
  ...over,
});

const penalty: CreditRecordPush = {
  kind: 'ADMINISTRATIVE_PENALTY',
  legalBasis: '《招标投标法》第五十四条',
  violationType: 'false_materials',
  violationFacts: '投标文件中业绩证明虚假',
  penaltyType: 'FINE',
  penaltyContent: '罚款五万元',
  fineAmount: '50000',
};

function rulesOf(input: CreditRecordPush): string[] {
  const v = validateCreditRecord(input, TODAY);
  return v.ok ? [] : v.errors.map((e) => e.rule ?? `${e.code}:${e.field}`);
}

describe('credit record validation per kind and severity', () => {
  it('accepts a general bad-conduct record and derives its window', () => {
    const v = validateCreditRecord(record(), TODAY);
    expect(v.ok && v.value).toMatchObject({
      subjectType: 'ENTITY',
      subjectCode: SUBJECT,
      status: 'IN_FORCE',
      publishedUntil: '2027-05-10',
      repairableFrom: '2026-08-10',
    });
  });

  it('needs exactly one subject', () => {
    expect(rulesOf(record({ subjectCreditCode: null }))).toEqual(['SUBJECT_REQUIRED']);
    expect(rulesOf(record({ subjectExpertCode: 'EXP-1' }))).toEqual(['SUBJECT_AMBIGUOUS']);
    const v = validateCreditRecord(record({ subjectCreditCode: null, subjectExpertCode: 'EXP-1' }), TODAY);
    expect(v.ok && v.value.subjectType).toBe('EXPERT');
  });

  it('asks an administrative penalty for its 双公示 items and keeps money exact', () => {
    expect(rulesOf(record({ kind: 'ADMINISTRATIVE_PENALTY' })).sort()).toEqual(
      Array(5).fill('PENALTY_FIELDS_REQUIRED'),
    );
    const v = validateCreditRecord(record(penalty), TODAY);
    expect(v.ok && v.value).toMatchObject({ fineAmount: '50000.00', violationType: 'FALSE_MATERIALS' });
    expect(rulesOf(record({ ...penalty, fineAmount: 50000 as unknown as string }))).toEqual([
      'BAD_USER_INPUT:fineAmount',
    ]);
  });

  it("refuses another kind's fields", () => {
    expect(rulesOf(record({ penaltyType: 'FINE' }))).toEqual(['FIELD_NOT_OF_KIND']);
    expect(rulesOf(record({ listingEndsOn: '2027-01-01' }))).toEqual(['FIELD_NOT_OF_KIND']);
  });

  it('asks a blacklisting for its end and a performance record for its rating', () => {
    expect(rulesOf(record({ kind: 'BLACKLIST', severity: 'SERIOUS' }))).toEqual(['BLACKLIST_END_REQUIRED']);
    expect(rulesOf(record({ kind: 'BLACKLIST', severity: 'SERIOUS', listingEndsOn: '2027-05-10' }))).toEqual([]);
    expect(
      rulesOf(record({ kind: 'BLACKLIST', severity: 'SERIOUS', listedOn: '2026-05-09', listingEndsOn: '2028-01-01' })),
    ).toEqual(['LISTED_BEFORE_DECISION']);
    expect(rulesOf(record({ kind: 'CONTRACT_PERFORMANCE' }))).toEqual(['RATING_REQUIRED']);
  });

  it('holds each severity to its window', () => {
    expect(rulesOf(record({ severity: 'GENERAL', publicationEndsOn: '2026-08-09' }))).toEqual([
      'PUBLICATION_TOO_SHORT',
    ]);
    expect(rulesOf(record({ severity: 'SERIOUS', publicationEndsOn: '2027-05-09' }))).toEqual([
      'PUBLICATION_TOO_SHORT',
    ]);
    expect(rulesOf(record({ severity: 'MINOR', publicationEndsOn: '2026-08-11' }))).toEqual(['PUBLICATION_TOO_LONG']);
    expect(rulesOf(record({ severity: 'TRIVIAL' }))).toEqual(['BAD_USER_INPUT:severity']);
  });

  it('refuses a decision in the future, a pushed REPAIRED status and text PostgreSQL cannot store', () => {
    expect(rulesOf(record({ decidedOn: '2026-12-02' }))).toEqual(['DECIDED_IN_FUTURE']);
    expect(rulesOf(record({ status: 'REPAIRED' }))).toEqual(['BAD_USER_INPUT:status']);
    expect(rulesOf(record({ summary: 'a\u0000b' }))).toEqual(['BAD_USER_INPUT:summary']);
    expect(rulesOf(record({ decidedOn: '2026-02-30' }))).toEqual(['BAD_USER_INPUT:decidedOn']);
  });

  it('verifies a subject ID number by its check digit', () => {
    const id = withCheck('42010219800101123');
    expect(rulesOf(record({ subjectIdNumber: id }))).toEqual([]);
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(rulesOf(record({ subjectIdNumber: wrong }))).toEqual(['BAD_USER_INPUT:subjectIdNumber']);
  });
});

describe('expert validation', () => {
  const expert = {
    code: 'EXP-001',
    kind: 'tendering',
    name: '张三',
    idNumber: withCheck('42010219700505321'),
    phone: '13800138000',
    specialties: ['a01', 'B02', 'A01'],
    regionCode: '420100',
  };

  it('normalises the expert and verifies the ID number (GB 11643)', () => {
    const v = validateExpert(expert);
    expect(v.ok && v.value).toMatchObject({ kind: 'TENDERING', specialties: ['A01', 'B02'], status: 'ACTIVE' });
  });

  it('refuses a wrong check digit, an impossible birth date, and an unknown region', () => {
    const bad = expert.idNumber.slice(0, 17) + (expert.idNumber[17] === '1' ? '2' : '1');
    const v = validateExpert({ ...expert, idNumber: bad, regionCode: '110000' });
    expect(v.ok ? [] : v.errors.map((e) => e.field)).toEqual(['idNumber', 'regionCode']);
    const feb30 = validateExpert({ ...expert, idNumber: withCheck('42010219700230321') });
    expect(feb30.ok).toBe(false);
  });
});
