import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TradingProjectOrder } from '../../src/trading/trading-project.queries';
import { BidStatus } from '../../src/trading/records.rules';
import {
  AnnouncementType,
  BID_SENSITIVE,
  EVALUATION_SENSITIVE,
  ExpertRole,
  TradingMethod,
  TradingStatus,
} from '../../src/trading/trading.model';
import { applySensitiveFields } from '../common/masking';
import { Connection } from '../common/connection.type';
import { PushedRecordType } from '../common/pushed-record.type';
import { DateScalar, DateTimeScalar, DecimalScalar, JSONObjectScalar } from '../common/scalars';

/*
 * The read side of trading records. The push inputs take these
 * values as loose strings, checked per record; here they are enums, so the
 * read types own the registration.
 */
registerEnumType(TradingMethod, {
  name: 'TradingMethod',
  description:
    'Trading method (交易方式): 公开招标, 邀请招标, 竞争性谈判, 竞争性磋商, 询价, 单一来源, 拍卖, 挂牌, 协议, other.',
});
registerEnumType(TradingStatus, { name: 'TradingStatus', description: 'Status of a project or section.' });
registerEnumType(AnnouncementType, {
  name: 'AnnouncementType',
  description: 'Announcement type (公告类型): 招标公告, 变更公告, 中标候选人公示, 中标结果公告, 成交公告, 终止公告.',
});
registerEnumType(TradingProjectOrder, {
  name: 'TradingProjectOrder',
  description: 'Stable orders of the tradingProjects connection.',
});

registerEnumType(BidStatus, {
  name: 'BidStatus',
  description: 'Status of a bid: valid, withdrawn by the bidder, or disqualified (废标/否决).',
});

@ObjectType('TradingCategory', { description: 'A category of the provincial trading catalog (交易目录大类).' })
export class TradingCategory {
  @Field()
  code!: string;

  @Field()
  name!: string;
}

@ObjectType('TradingSubItem', { description: 'A sub-item of the trading catalog (交易目录子项).' })
export class TradingSubItem {
  @Field()
  code!: string;

  @Field()
  name!: string;
}

@ObjectType({
  description:
    'A data-quality finding (数据质量问题): a timing rule a stored record breaks. The record is stored; supervisors follow up.',
})
export class Finding {
  @Field({ description: 'Change-feed topic of the record, e.g. BID.' })
  topic!: string;

  @Field({ description: 'Business key of the record within its topic.' })
  recordKey!: string;

  @Field({ description: 'Stable rule code, e.g. BID_AFTER_OPENING.' })
  rule!: string;

  @Field()
  message!: string;

  @Field(() => DateTimeScalar)
  detectedAt!: Date;
}

@ObjectType({ description: 'An announcement (公告) of a project.' })
export class Announcement extends PushedRecordType {
  @Field()
  code!: string;

  @Field(() => AnnouncementType)
  type!: AnnouncementType;

  @Field()
  title!: string;

  @Field(() => DateTimeScalar)
  publishedAt!: Date;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the publication period (公示期).' })
  periodStart!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the publication period.' })
  periodEnd!: string | null;

  @Field(() => String, { nullable: true, description: 'Hash of the published document, as the platform computed it.' })
  documentHash!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => [String], { description: 'Codes of the sections the announcement concerns; empty for all.' })
  sectionCodes!: string[];
}

@ObjectType({
  description:
    'A bid (投标 / 竞买) for a section. The evidence fields (certificate serial, device fingerprint, IP address, document hash, bond account) are masked unless the reader is granted BID_EVIDENCE, the project manager ID number unless granted PERSONAL_ID.',
})
export class Bid extends PushedRecordType {
  @Field(() => DecimalScalar, { nullable: true, description: 'Quoted price, yuan.' })
  amount!: string | null;

  @Field(() => DateTimeScalar)
  submittedAt!: Date;

  @Field(() => BidStatus)
  status!: BidStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Serial of the CA certificate the bid was signed with; BID_EVIDENCE.',
  })
  caCertSerial!: string | null;

  @Field(() => String, { nullable: true, description: '文件制作机器码 (MAC / CPU / disk serial); BID_EVIDENCE.' })
  deviceFingerprint!: string | null;

  @Field(() => String, { nullable: true, description: 'IP address the bid was submitted from; BID_EVIDENCE.' })
  ipAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'Hash of the bid document; BID_EVIDENCE.' })
  documentHash!: string | null;

  @Field(() => String, { nullable: true, description: 'ID number of the project manager (项目经理); PERSONAL_ID.' })
  projectManagerId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Account the bid bond (投标保证金) was paid from; BID_EVIDENCE.',
  })
  bondAccount!: string | null;
}

applySensitiveFields(Bid, BID_SENSITIVE);

@ObjectType({ description: 'The bid opening record (开标记录) of a section.' })
export class BidOpening extends PushedRecordType {
  @Field(() => DateTimeScalar)
  openedAt!: Date;

  @Field(() => Int)
  bidderCount!: number;

  @Field(() => String, { nullable: true })
  location!: string | null;
}

@ObjectType({ description: 'A ranked candidate (中标候选人) of an evaluation.' })
export class EvaluationCandidate {
  @Field(() => Int)
  rank!: number;

  @Field(() => DecimalScalar, { nullable: true })
  score!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Evaluated price, yuan.' })
  amount!: string | null;
}

registerEnumType(ExpertRole, { name: 'ExpertRole', description: 'Roles in an evaluation committee (评标委员会).' });

@ObjectType({
  description:
    'A member of an evaluation committee (评标委员会成员). Who sits is confidential while the evaluation runs (专家信息保密).',
})
export class CommitteeMember {
  @Field({
    description:
      "The expert's code in the province-wide pool. Masked while the evaluation runs, unless granted EXPERT_IDENTITY.",
  })
  expertCode!: string;

  @Field({ description: 'Masked while the evaluation runs, unless granted EXPERT_IDENTITY.' })
  name!: string;

  @Field(() => ExpertRole)
  role!: ExpertRole;

  @Field(() => String, {
    nullable: true,
    description: 'Masked while the evaluation runs, unless granted EXPERT_IDENTITY.',
  })
  organisation!: string | null;
}

@ObjectType({ description: 'The evaluation (评标) of a section: its committee while it runs, then its report.' })
export class Evaluation extends PushedRecordType {
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the committee started.' })
  startedAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the evaluation report was delivered; null while the evaluation runs.',
  })
  reportedAt!: Date | null;

  @Field(() => [CommitteeMember], {
    description:
      "The evaluation committee (评标委员会). Members' identities are masked until the report is delivered, unless the reader is granted EXPERT_IDENTITY.",
  })
  committee!: CommitteeMember[];
}
applySensitiveFields(Evaluation, EVALUATION_SENSITIVE);

@ObjectType({ description: 'The award (中标 / 成交) of a section.' })
export class Award extends PushedRecordType {
  @Field(() => DecimalScalar, { description: 'Awarded amount, yuan.' })
  amount!: string;

  @Field(() => DateScalar)
  awardedOn!: string;
}

@ObjectType({ description: 'A contract (合同) signed after the award of a section.' })
export class Contract extends PushedRecordType {
  @Field()
  code!: string;

  @Field(() => DecimalScalar, { description: 'Contract amount, yuan.' })
  amount!: string;

  @Field(() => DateScalar)
  signedOn!: string;

  @Field(() => DateScalar, { nullable: true })
  periodStart!: string | null;

  @Field(() => DateScalar, { nullable: true })
  periodEnd!: string | null;
}

@ObjectType({
  description: 'A section or lot (标段 / 包) of a project: bids, opening, evaluation, award and contracts hang off it.',
})
export class Section {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Budget of the section, yuan.' })
  budget!: string | null;

  @Field(() => TradingStatus)
  status!: TradingStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Bid opening time (开标时间).' })
  openingAt!: Date | null;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@ObjectType({ description: 'A trading project (交易项目) of any catalog category, keyed by its code.' })
export class TradingProject extends PushedRecordType {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field({ description: 'GB/T 2260 region code.' })
  regionCode!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Budget or reserve price, yuan.' })
  budget!: string | null;

  @Field({ description: 'ISO 4217 currency of the amounts; CNY unless stated.' })
  currency!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The unified transaction identifier (统一交易标识码): as pushed, or `HB<regionCode>-<code>` formed by the hub.',
  })
  unifiedTransactionCode!: string | null;

  @Field(() => TradingMethod)
  method!: TradingMethod;

  @Field(() => TradingStatus)
  status!: TradingStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the tender notice (or listing) was published.' })
  publishedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Bid deadline, or end of the listing period.' })
  bidDeadline!: Date | null;

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description: "Category-specific details, valid against the sub-item's JSON Schema.",
  })
  details!: Record<string, unknown> | null;

  @Field(() => DateTimeScalar, {
    description:
      'When the project or any record under it (section, announcement, bid, opening, evaluation, award, contract) last changed: what filter.updatedSince and orderBy UPDATED_AT follow.',
  })
  declare updatedAt: Date;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType({ description: 'A page of trading projects.' })
export class TradingProjectConnection extends Connection(TradingProject, 'TradingProjectEdge') {}
