import { Field, ObjectType } from 'type-graphql';
import { AnnouncementType } from '../../src/trading/trading.model';
import { PushedRecordType } from '../common/pushed-record.type';
import { DateScalar, DateTimeScalar } from '../common/scalars';
// The enums of these fields are registered with type-graphql there.
import './trading.enums';

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
