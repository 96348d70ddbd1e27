import {
  CreditKind,
  CreditRecordStatus,
  CreditSeverity,
  PenaltyType,
  PerformanceRating,
} from '../../src/credit/credit.model';
import {
  addMonths,
  creditGrade,
  dayStart,
  isInForceAt,
  isPublishedAt,
  nextPublicationChange,
  publicationWindow,
  repairRefusal,
  WINDOW_RULES_2026,
  WINDOW_RULES_EARLIER,
  windowRulesFor,
  type WindowInput,
} from '../../src/credit/publication.rules';

const base: WindowInput = {
  kind: CreditKind.BAD_CONDUCT,
  severity: CreditSeverity.GENERAL,
  decidedOn: '2026-05-10',
  listedOn: null,
  listingEndsOn: null,
  publicationEndsOn: null,
  violationType: null,
  penaltyType: null,
  performanceRating: null,
};

function window(over: Partial<WindowInput>) {
  const w = publicationWindow({ ...base, ...over });
  if (!w.ok) throw new Error(JSON.stringify(w.errors));
  return w.value;
}

function rules(over: Partial<WindowInput>): string[] {
  const w = publicationWindow({ ...base, ...over });
  return w.ok ? [] : w.errors.map((e) => e.rule);
}

/** One millisecond before the China day begins, its first instant, and the next day. */
const edges = (date: string) => ({
  before: dayStart(date) - 1,
  of: dayStart(date),
  after: dayStart(date) + 86_400_000,
});

describe('addMonths', () => {
  it('keeps the day, or takes the last day of a shorter month', () => {
    expect(addMonths('2026-05-10', 3)).toBe('2026-08-10');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-05-10', 36)).toBe('2029-05-10');
  });
});

describe('the window rules by decision date (信用修复管理办法 from 2026-04-01)', () => {
  it('keeps the earlier rules the day before the bound, and applies the new ones on the day and after', () => {
    expect(windowRulesFor('2026-03-31')).toBe(WINDOW_RULES_EARLIER);
    expect(windowRulesFor('2026-04-01')).toBe(WINDOW_RULES_2026);
    expect(windowRulesFor('2026-04-02')).toBe(WINDOW_RULES_2026);
    expect(windowRulesFor('2019-07-01')).toBe(WINDOW_RULES_EARLIER);
  });

  it('refuses to publish a minor record decided the day before, publishes one decided on the day or after', () => {
    const minor = (decidedOn: string, publicationEndsOn: string | null) => ({
      severity: CreditSeverity.MINOR,
      decidedOn,
      publicationEndsOn,
    });
    expect(rules(minor('2026-03-31', '2026-06-30'))).toEqual(['PUBLICATION_TOO_LONG']);
    expect(rules(minor('2026-03-31', '2026-04-01'))).toEqual(['PUBLICATION_TOO_LONG']);
    expect(window(minor('2026-04-01', '2026-07-01'))).toMatchObject({
      publishedFrom: '2026-04-01',
      publishedUntil: '2026-07-01',
    });
    expect(window(minor('2026-04-02', '2026-07-02'))).toMatchObject({
      publishedFrom: '2026-04-02',
      publishedUntil: '2026-07-02',
    });
    // On either side a minor record without an end is not published and counts for 3 months.
    for (const [d, until] of [
      ['2026-03-31', '2026-06-30'],
      ['2026-04-01', '2026-07-01'],
      ['2026-04-02', '2026-07-02'],
    ])
      expect(window(minor(d, null))).toEqual({
        effectiveFrom: d,
        effectiveUntil: until,
        publishedFrom: null,
        publishedUntil: null,
        repairableFrom: d,
      });
  });

  it.each([
    [CreditSeverity.GENERAL, '2026-03-31', '2026-06-30', '2027-03-31'],
    [CreditSeverity.GENERAL, '2026-04-01', '2026-07-01', '2027-04-01'],
    [CreditSeverity.SERIOUS, '2026-03-31', '2027-03-31', '2029-03-31'],
    [CreditSeverity.SERIOUS, '2026-04-02', '2027-04-02', '2029-04-02'],
  ])('%s decided %s: published to the maximum by default, repairable from the minimum', (severity, d, min, max) => {
    expect(window({ severity, decidedOn: d })).toEqual({
      effectiveFrom: d,
      effectiveUntil: max,
      publishedFrom: d,
      publishedUntil: max,
      repairableFrom: min,
    });
  });
});

describe('publication windows (信用修复管理办法, from 2026-04-01)', () => {
  it('publishes a general record for a year by default, repairable after 3 months', () => {
    expect(window({})).toEqual({
      effectiveFrom: '2026-05-10',
      effectiveUntil: '2027-05-10',
      publishedFrom: '2026-05-10',
      publishedUntil: '2027-05-10',
      repairableFrom: '2026-08-10',
    });
  });

  it.each([
    [CreditSeverity.MINOR, '2026-05-10', '2026-05-11', '2026-08-10', '2026-08-11'],
    [CreditSeverity.GENERAL, '2026-08-09', '2026-08-10', '2027-05-10', '2027-05-11'],
    [CreditSeverity.SERIOUS, '2027-05-09', '2027-05-10', '2029-05-10', '2029-05-11'],
  ])(
    '%s: refuses an end the day before the minimum, takes the minimum and the maximum, refuses the day after',
    (severity, tooShort, min, max, tooLong) => {
      expect(rules({ severity, publicationEndsOn: tooShort })).toEqual(['PUBLICATION_TOO_SHORT']);
      expect(window({ severity, publicationEndsOn: min }).publishedUntil).toBe(min);
      expect(window({ severity, publicationEndsOn: max }).publishedUntil).toBe(max);
      expect(rules({ severity, publicationEndsOn: tooLong })).toEqual(['PUBLICATION_TOO_LONG']);
    },
  );

  it('does not publish a minor record without an end, but counts it for 3 months', () => {
    expect(window({ severity: CreditSeverity.MINOR })).toMatchObject({
      publishedFrom: null,
      publishedUntil: null,
      effectiveUntil: '2026-08-10',
      repairableFrom: '2026-05-10',
    });
  });

  it('runs collusive bidding with suspension the full 3 years and never repairs it', () => {
    const collusion = {
      kind: CreditKind.ADMINISTRATIVE_PENALTY,
      severity: CreditSeverity.SERIOUS,
      violationType: 'COLLUSIVE_BIDDING',
      penaltyType: PenaltyType.SUSPENSION,
    };
    expect(window(collusion)).toMatchObject({ publishedUntil: '2029-05-10', repairableFrom: null });
    expect(rules({ ...collusion, publicationEndsOn: '2029-05-09' })).toEqual(['PUBLICATION_MUST_BE_FULL']);
    expect(window({ ...collusion, penaltyType: PenaltyType.FINE }).repairableFrom).toBe('2027-05-10');
  });

  it('runs a blacklisting from its listing to its end, within the bounds of its severity', () => {
    const black = { kind: CreditKind.BLACKLIST, severity: CreditSeverity.SERIOUS, listedOn: '2026-06-01' };
    expect(rules(black)).toEqual(['BLACKLIST_END_REQUIRED']);
    expect(window({ ...black, listingEndsOn: '2028-06-01' })).toMatchObject({
      effectiveFrom: '2026-06-01',
      effectiveUntil: '2028-06-01',
      publishedFrom: '2026-06-01',
      publishedUntil: '2028-06-01',
    });
    expect(rules({ ...black, listingEndsOn: '2027-05-31' })).toEqual(['BLACKLIST_TOO_SHORT']);
    expect(rules({ ...black, listingEndsOn: '2029-06-02' })).toEqual(['BLACKLIST_TOO_LONG']);
  });

  it('publishes good records up to 3 years and never repairs them', () => {
    expect(window({ kind: CreditKind.GOOD_CONDUCT })).toMatchObject({
      publishedUntil: '2029-05-10',
      repairableFrom: null,
    });
    expect(rules({ kind: CreditKind.GOOD_CONDUCT, publicationEndsOn: '2029-05-11' })).toEqual(['PUBLICATION_TOO_LONG']);
    expect(
      window({ kind: CreditKind.CONTRACT_PERFORMANCE, performanceRating: PerformanceRating.POOR }).repairableFrom,
    ).toBe('2026-08-10');
  });
});

describe('publication and effect at a moment', () => {
  const state = {
    status: CreditRecordStatus.IN_FORCE,
    publishedFrom: '2026-05-10',
    publishedUntil: '2027-05-10',
    repairedAt: null,
  };

  it('is public from the first instant of the start day to the last instant before the end day', () => {
    const start = edges('2026-05-10');
    const end = edges('2027-05-10');
    expect(isPublishedAt(state, start.before)).toBe(false);
    expect(isPublishedAt(state, start.of)).toBe(true);
    expect(isPublishedAt(state, start.after)).toBe(true);
    expect(isPublishedAt(state, end.before)).toBe(true);
    expect(isPublishedAt(state, end.of)).toBe(false);
    expect(isPublishedAt(state, end.after)).toBe(false);
    expect(nextPublicationChange(state, start.before)).toBe(start.of);
    expect(nextPublicationChange(state, start.of)).toBe(end.of);
    expect(nextPublicationChange(state, end.of)).toBeNull();
  });

  it('ends at the repair and never starts for a revoked record', () => {
    const repairedAt = new Date(dayStart('2026-09-01') + 3600_000);
    expect(isPublishedAt({ ...state, repairedAt }, repairedAt.getTime() - 1)).toBe(true);
    expect(isPublishedAt({ ...state, repairedAt }, repairedAt.getTime())).toBe(false);
    expect(nextPublicationChange({ ...state, repairedAt }, dayStart('2026-06-01'))).toBe(repairedAt.getTime());
    expect(isPublishedAt({ ...state, status: CreditRecordStatus.REVOKED }, dayStart('2026-06-01'))).toBe(false);
    expect(nextPublicationChange({ ...state, status: CreditRecordStatus.REVOKED }, 0)).toBeNull();
  });

  it('counts a record in checks while its effective days hold the moment', () => {
    const r = {
      kind: CreditKind.BAD_CONDUCT,
      severity: CreditSeverity.MINOR,
      status: CreditRecordStatus.IN_FORCE,
      performanceRating: null,
      effectiveFrom: '2026-05-10',
      effectiveUntil: '2026-08-10',
      repairedAt: null,
    };
    expect(isInForceAt(r, edges('2026-05-10').before)).toBe(false);
    expect(isInForceAt(r, edges('2026-05-10').of)).toBe(true);
    expect(isInForceAt(r, edges('2026-08-10').before)).toBe(true);
    expect(isInForceAt(r, edges('2026-08-10').of)).toBe(false);
    expect(isInForceAt({ ...r, status: CreditRecordStatus.REVOKED }, edges('2026-06-01').of)).toBe(false);
  });
});

describe('credit repair (信用修复)', () => {
  const record = {
    status: CreditRecordStatus.IN_FORCE,
    kind: CreditKind.BAD_CONDUCT,
    performanceRating: null,
    repairableFrom: '2026-08-10',
  };
  const now = dayStart('2027-01-01');

  it('is refused the day before the minimum has passed and allowed on the day', () => {
    expect(repairRefusal(record, new Date(edges('2026-08-10').before), now)?.rule).toBe('REPAIR_BEFORE_MINIMUM');
    expect(repairRefusal(record, new Date(edges('2026-08-10').of), now)).toBeUndefined();
    expect(repairRefusal(record, new Date(edges('2026-08-10').after), now)).toBeUndefined();
  });

  it('is refused for unrepairable, good, revoked, repaired records and future decisions', () => {
    const at = new Date(dayStart('2026-12-01'));
    expect(repairRefusal({ ...record, repairableFrom: null }, at, now)?.rule).toBe('REPAIR_NOT_ALLOWED');
    expect(repairRefusal({ ...record, kind: CreditKind.GOOD_CONDUCT }, at, now)?.rule).toBe('REPAIR_NOT_NEGATIVE');
    expect(repairRefusal({ ...record, status: CreditRecordStatus.REVOKED }, at, now)?.rule).toBe('RECORD_REVOKED');
    expect(repairRefusal({ ...record, status: CreditRecordStatus.REPAIRED }, at, now)?.rule).toBe('ALREADY_REPAIRED');
    expect(repairRefusal(record, new Date(now + 1), now)?.rule).toBe('REPAIR_IN_FUTURE');
  });
});

describe('credit grades', () => {
  const r = (code: string, kind: CreditKind, severity: CreditSeverity) => ({
    code,
    kind,
    severity,
    performanceRating: null,
    effectiveUntil: '2027-01-01',
  });

  it('grades A without bad records, whatever the good ones', () => {
    expect(creditGrade([r('G1', CreditKind.GOOD_CONDUCT, CreditSeverity.MINOR)])).toMatchObject({
      grade: 'A',
      blacklisted: false,
      reasons: [{ rule: 'GRADE_A_NO_BAD_RECORD' }],
    });
  });

  it('grades B for one or two minor or general bad records, C for three or a serious one, D when blacklisted', () => {
    const general = r('B1', CreditKind.BAD_CONDUCT, CreditSeverity.GENERAL);
    const minor = r('B2', CreditKind.ADMINISTRATIVE_PENALTY, CreditSeverity.MINOR);
    expect(creditGrade([general, minor]).grade).toBe('B');
    expect(creditGrade([general, minor, r('B3', CreditKind.BAD_CONDUCT, CreditSeverity.MINOR)])).toMatchObject({
      grade: 'C',
      reasons: [{ rule: 'GRADE_C_REPEATED' }, { rule: 'GRADE_C_REPEATED' }, { rule: 'GRADE_C_REPEATED' }],
    });
    expect(creditGrade([general, r('S1', CreditKind.BAD_CONDUCT, CreditSeverity.SERIOUS)])).toMatchObject({
      grade: 'C',
      reasons: [{ rule: 'GRADE_C_SERIOUS', recordCode: 'S1' }],
    });
    expect(creditGrade([general, r('K1', CreditKind.BLACKLIST, CreditSeverity.SERIOUS)])).toMatchObject({
      grade: 'D',
      blacklisted: true,
      reasons: [{ rule: 'GRADE_D_BLACKLISTED', recordCode: 'K1' }],
    });
  });
});
