import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { EntityKind, EntityStatus, MARKET_ENTITY_SENSITIVE, MarketRole } from '../../src/market/market-entity.model';
import { applySensitiveFields } from '../common/masking';
import { MarketEntityOrder } from '../../src/market/market-entity.queries';
import { Connection } from '../common/connection.type';
import { PushedRecordType } from '../common/pushed-record.type';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../common/scalars';

registerEnumType(EntityKind, { name: 'EntityKind', description: 'Kind of market entity (市场主体类型).' });
registerEnumType(MarketRole, {
  name: 'MarketRole',
  description: 'Role in trading: 招标人, 投标人, 代理机构, 供应商, 采购人, 转让方.',
});
registerEnumType(EntityStatus, { name: 'EntityStatus', description: 'Registration status: 存续, 注销, 吊销.' });
registerEnumType(MarketEntityOrder, {
  name: 'MarketEntityOrder',
  description: 'Stable orders of the marketEntities connection.',
});

@ObjectType({ description: 'A qualification (资质) held by a market entity.' })
export class Qualification {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  level!: string | null;

  @Field(() => DateScalar, { nullable: true })
  validUntil!: string | null;

  @Field(() => String, { nullable: true })
  issuer!: string | null;
}

@ObjectType({
  description: 'A market entity (市场主体) of the unified registry, keyed by its unified social credit code.',
})
export class MarketEntity extends PushedRecordType {
  @Field({ description: '统一社会信用代码 (GB 32100-2015), 18 characters.' })
  creditCode!: string;

  @Field()
  name!: string;

  @Field(() => EntityKind)
  kind!: EntityKind;

  @Field(() => [MarketRole])
  roles!: MarketRole[];

  @Field(() => String, { nullable: true, description: '法定代表人' })
  legalRepresentative!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '法定代表人身份证号; masked unless the reader is granted PERSONAL_ID.',
  })
  legalRepresentativeIdNumber!: string | null;

  @Field(() => String, { nullable: true, description: '联系电话; masked unless the reader is granted PHONE.' })
  contactPhone!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '注册资本, yuan.' })
  registeredCapital!: string | null;

  @Field({ description: 'GB/T 2260 region code.' })
  regionCode!: string;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => DateScalar, { nullable: true, description: '成立日期' })
  establishedOn!: string | null;

  @Field(() => EntityStatus)
  status!: EntityStatus;

  @Field(() => [Qualification])
  qualifications!: Qualification[];

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

applySensitiveFields(MarketEntity, MARKET_ENTITY_SENSITIVE);

@ObjectType({ description: 'A page of market entities.' })
export class MarketEntityConnection extends Connection(MarketEntity, 'MarketEntityEdge') {}
