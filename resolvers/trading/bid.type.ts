import { Field, ObjectType } from 'type-graphql';
import { BidStatus } from '../../src/trading/records.rules';
import { BID_SENSITIVE } from '../../src/trading/trading.model';
import { applySensitiveFields } from '../common/masking';
import { PushedRecordType } from '../common/pushed-record.type';
import { DateTimeScalar, DecimalScalar } from '../common/scalars';
// The enums of these fields are registered with type-graphql there.
import './trading.enums';

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
