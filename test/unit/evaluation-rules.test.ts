import { evaluationPush } from '../../src/trading/records.push';
import { MAX_COMMITTEE, validateEvaluation, type EvaluationPush } from '../../src/trading/records.rules';

const BIDDER = '91420100MA4K12345K';
const member = (k: number, over: Record<string, unknown> = {}) => ({
  expertCode: `EXP${k}`,
  name: `专家${k}`,
  ...over,
});
const fields = (input: EvaluationPush) => {
  const v = validateEvaluation(input);
  return v.ok ? [] : v.errors.map((e) => e.field);
};

describe('evaluation rules: the committee, then the report', () => {
  it('accepts a sitting committee without a report, roles defaulting to MEMBER', () => {
    const v = validateEvaluation({
      sectionCode: 'S1',
      startedAt: '2026-09-26T09:00:00+08:00',
      committee: [member(1, { role: 'chair' }), member(2)],
    });
    expect(v.ok && v.value).toEqual({
      sectionCode: 'S1',
      startedAt: '2026-09-26T01:00:00.000Z',
      reportedAt: null,
      committee: [
        { expertCode: 'EXP1', name: '专家1', role: 'CHAIR', organisation: null },
        { expertCode: 'EXP2', name: '专家2', role: 'MEMBER', organisation: null },
      ],
      candidates: [],
      externalId: null,
    });
  });

  it('accepts a report with candidates and no committee (systems that keep the committee to themselves)', () => {
    expect(
      fields({
        sectionCode: 'S1',
        reportedAt: '2026-09-28T17:00:00+08:00',
        candidates: [{ rank: 1, bidderCreditCode: BIDDER }],
      }),
    ).toEqual([]);
  });

  it('needs a committee or a report, and candidates only with the report', () => {
    expect(fields({ sectionCode: 'S1' })).toEqual(['reportedAt']);
    expect(
      fields({ sectionCode: 'S1', committee: [member(1)], candidates: [{ rank: 1, bidderCreditCode: BIDDER }] }),
    ).toEqual(['reportedAt']);
    expect(fields({ sectionCode: 'S1', reportedAt: '2026-09-28T17:00:00+08:00', committee: [member(1)] })).toEqual([
      'candidates',
    ]);
  });

  it('refuses a report before the start, a second chair, an expert twice, a bad role and a nameless member', () => {
    expect(
      fields({
        sectionCode: 'S1',
        startedAt: '2026-09-28T09:00:00+08:00',
        reportedAt: '2026-09-27T17:00:00+08:00',
        candidates: [{ rank: 1, bidderCreditCode: BIDDER }],
      }),
    ).toEqual(['reportedAt']);
    expect(
      fields({ sectionCode: 'S1', committee: [member(1, { role: 'CHAIR' }), member(2, { role: 'CHAIR' })] }),
    ).toEqual(['committee']);
    expect(fields({ sectionCode: 'S1', committee: [member(1), member(1)] })).toEqual(['committee.1.expertCode']);
    expect(
      fields({ sectionCode: 'S1', committee: [member(1, { role: 'OBSERVER' }), member(2, { name: ' ' }), null] }),
    ).toEqual(['committee.0.role', 'committee.1.name', 'committee.2']);
  });

  it('bounds the committee', () => {
    const many = Array.from({ length: MAX_COMMITTEE + 1 }, (_, k) => member(k));
    expect(fields({ sectionCode: 'S1', committee: many })).toEqual(['committee']);
    expect(fields({ sectionCode: 'S1', committee: many.slice(0, MAX_COMMITTEE) })).toEqual([]);
  });

  it('hashes a report without committee as evaluations were hashed before committees, so its re-push stays UNCHANGED', () => {
    const v = validateEvaluation({
      sectionCode: 'S1',
      reportedAt: '2026-09-28T17:00:00+08:00',
      candidates: [{ rank: 1, bidderCreditCode: BIDDER, score: '90' }],
    });
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    expect(evaluationPush.content(v.value)).toEqual({
      sectionCode: 'S1',
      reportedAt: '2026-09-28T09:00:00.000Z',
      candidates: [{ rank: 1, bidderCreditCode: BIDDER, score: '90.0000', amount: null }],
      externalId: null,
    });
    const sitting = validateEvaluation({
      sectionCode: 'S1',
      startedAt: '2026-09-26T09:00:00+08:00',
      committee: [member(1)],
    });
    if (!sitting.ok) throw new Error(JSON.stringify(sitting.errors));
    expect(Object.keys(evaluationPush.content(sitting.value) as object).sort()).toEqual([
      'candidates',
      'committee',
      'externalId',
      'reportedAt',
      'sectionCode',
      'startedAt',
    ]);
  });
});
