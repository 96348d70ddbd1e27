import { Field, ObjectType, registerEnumType } from 'type-graphql';
import {
  CREDIT_RECORD_SENSITIVE,
  CreditKind,
  CreditRecordStatus,
  CreditSeverity,
  CreditSubjectType,
  EXPERT_SENSITIVE,
  ExpertKind,
  ExpertStatus,
  PenaltyType,
  PerformanceRating,
} from '../../src/credit/credit.model';
import { CreditGrade } from '../../src/credit/publication.rules';
import { Connection } from '../common/connection.type';
import { applySensitiveFields } from '../common/masking';
import { PushedRecordType } from '../common/pushed-record.type';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../common/scalars';

registerEnumType(ExpertKind, {
  name: 'ExpertKind',
  description: 'TENDERING: 评标专家; PROCUREMENT: 评审专家 (government procurement); BOTH.',
});
registerEnumType(ExpertStatus, { name: 'ExpertStatus', description: 'Whether the expert may sit on committees.' });
registerEnumType(CreditKind, {
  name: 'CreditKind',
  description: '良好行为, 不良行为记录, 行政处罚 (双公示), 黑名单 (失信联合惩戒对象), 履约信息, 信用承诺.',
});
registerEnumType(CreditSeverity, { name: 'CreditSeverity' });
registerEnumType(CreditRecordStatus, {
  name: 'CreditRecordStatus',
  description: 'IN_FORCE; REPAIRED (信用修复, publication ended); REVOKED (the decision was withdrawn).',
});
registerEnumType(CreditSubjectType, { name: 'CreditSubjectType' });
registerEnumType(PenaltyType, { name: 'PenaltyType', description: 'Types of administrative penalty (行政处罚种类).' });
registerEnumType(PerformanceRating, { name: 'PerformanceRating' });
registerEnumType(CreditGrade, {
  name: 'CreditGrade',
  description:
    'A: no bad record in force; B: one or two minor or general ones; C: a serious one or three or more; D: blacklisted.',
});

@ObjectType({ description: 'An expert of the province-wide pool (全省一库), keyed by the expert code.' })
export class Expert extends PushedRecordType {
  @Field() code!: string;
  @Field(() => ExpertKind) kind!: ExpertKind;
  @Field() name!: string;
  @Field(() => String, { description: '身份证号; masked unless the reader is granted PERSONAL_ID.' })
  idNumber!: string;
  @Field(() => String, { nullable: true, description: 'Masked unless the reader is granted PHONE.' })
  phone!: string | null;
  @Field(() => [String], { description: 'Specialty codes.' }) specialties!: string[];
  @Field() regionCode!: string;
  @Field(() => String, { nullable: true }) employerCreditCode!: string | null;
  @Field(() => ExpertStatus) status!: ExpertStatus;
}
applySensitiveFields(Expert, EXPERT_SENSITIVE);

@ObjectType({ description: 'A page of experts.' })
export class ExpertConnection extends Connection(Expert, 'ExpertEdge') {}

@ObjectType({
  description:
    'A credit record (信用记录) with its disclosure items (双公示), its window as the rules derive it, and its standing.',
})
export class CreditRecord extends PushedRecordType {
  @Field() code!: string;
  @Field(() => CreditSubjectType) subjectType!: CreditSubjectType;
  @Field({ description: 'The subject’s credit code or expert code.' }) subjectCode!: string;
  @Field(() => String, { nullable: true }) subjectName!: string | null;
  @Field(() => String, { nullable: true, description: 'Masked unless the reader is granted PERSONAL_ID.' })
  subjectIdNumber!: string | null;
  @Field(() => CreditKind) kind!: CreditKind;
  @Field(() => CreditSeverity) severity!: CreditSeverity;
  @Field(() => CreditRecordStatus) status!: CreditRecordStatus;
  @Field(() => DateScalar) decidedOn!: string;
  @Field() decisionNumber!: string;
  @Field() authorityName!: string;
  @Field() authorityCreditCode!: string;
  @Field() summary!: string;
  @Field(() => String, { nullable: true }) legalBasis!: string | null;
  @Field(() => String, { nullable: true }) violationType!: string | null;
  @Field(() => String, { nullable: true }) violationFacts!: string | null;
  @Field(() => PenaltyType, { nullable: true }) penaltyType!: PenaltyType | null;
  @Field(() => String, { nullable: true }) penaltyContent!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) fineAmount!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) confiscatedAmount!: string | null;
  @Field(() => DateScalar, { nullable: true }) listedOn!: string | null;
  @Field(() => DateScalar, { nullable: true }) listingEndsOn!: string | null;
  @Field(() => String, { nullable: true }) contractCode!: string | null;
  @Field(() => PerformanceRating, { nullable: true }) performanceRating!: PerformanceRating | null;
  @Field(() => DateScalar, { nullable: true }) publicationEndsOn!: string | null;
  @Field(() => DateScalar, { description: 'First day it counts in credit checks.' }) effectiveFrom!: string;
  @Field(() => DateScalar, { description: 'The day it stops counting (exclusive).' }) effectiveUntil!: string;
  @Field(() => DateScalar, { nullable: true, description: 'First day of publication; null: never published.' })
  publishedFrom!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day publication ends (exclusive).' })
  publishedUntil!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'First day a repair may be decided; null: never.' })
  repairableFrom!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the repair took effect.' })
  repairedAt!: Date | null;
  @Field(() => String, { nullable: true }) repairDecidedBy!: string | null;
  @Field(() => String, { nullable: true }) repairGrounds!: string | null;
}
applySensitiveFields(CreditRecord, CREDIT_RECORD_SENSITIVE);

@ObjectType({ description: 'A page of credit records.' })
export class CreditRecordConnection extends Connection(CreditRecord, 'CreditRecordEdge') {}

@ObjectType({ description: 'Why a subject has its grade: the grade rule and the record that triggered it.' })
export class CreditGradeReason {
  @Field({
    description: 'GRADE_D_BLACKLISTED, GRADE_C_SERIOUS, GRADE_C_REPEATED, GRADE_B_BAD_RECORD or GRADE_A_NO_BAD_RECORD.',
  })
  rule!: string;
  @Field(() => String, { nullable: true }) recordCode!: string | null;
  @Field() message!: string;
}

@ObjectType({ description: 'A subject’s credit at a moment: what a trading system checks before it admits a bidder.' })
export class CreditStatus {
  @Field({ description: 'The subject’s credit code.' }) subjectCode!: string;
  @Field(() => DateTimeScalar) at!: Date;
  @Field() blacklisted!: boolean;
  @Field(() => CreditGrade) grade!: CreditGrade;
  @Field(() => [CreditGradeReason]) reasons!: CreditGradeReason[];
  @Field(() => [CreditRecord], {
    description: 'Bad records (violations, penalties, blacklistings, poor performance) in force.',
  })
  badRecords!: CreditRecord[];
  @Field(() => [CreditRecord], { description: 'Good records, commitments and good or qualified performance in force.' })
  goodRecords!: CreditRecord[];
}
