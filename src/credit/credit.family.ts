import { defineFamily, topic } from '../registry/family';
import { CreditPublicationRow } from './credit-publication.entity';
import { CreditRecordRow } from './credit-record.entity';
import type { PublicationEnd, PublicationPayload } from './credit-record.payload';
import { CREDIT_FINDING_RULES, committeeExpertsInPool } from './credit.findings';
import { creditLoaders } from './credit.loaders';
import {
  CREDIT_PUBLICATION_TOPIC,
  CREDIT_RECORD_SENSITIVE,
  CREDIT_RECORD_TOPIC,
  EXPERT_SENSITIVE,
  EXPERT_TOPIC,
  type CreditRecordPayload,
} from './credit.model';
import { ExpertRow } from './expert.entity';
import type { ExpertSnapshot } from './expert.push';
import { PublicationScheduler } from './publication.scheduler';

/**
 * The credit family: the province-wide expert pool, credit records with
 * their publication windows and repairs, credit status checks, the
 * CREDIT_PUBLICATION feed for Credit Hubei and its scheduler, and credit
 * findings on bids, awards and evaluations. Registered in resolvers/families.ts.
 */
export const creditFamily = defineFamily({
  name: 'credit',
  topics: {
    [EXPERT_TOPIC]: topic<ExpertSnapshot>({
      description: 'An expert of the province-wide pool (全省一库); key: the expert code.',
      sensitive: EXPERT_SENSITIVE,
      defaultWrite: false,
    }),
    [CREDIT_RECORD_TOPIC]: topic<CreditRecordPayload>({
      description: 'A credit record (信用记录) as pushed, repaired or revoked; key: the record code.',
      sensitive: CREDIT_RECORD_SENSITIVE,
      defaultWrite: false,
    }),
    [CREDIT_PUBLICATION_TOPIC]: topic<PublicationPayload | PublicationEnd>({
      description:
        'Credit Hubei publication (信用公示): CREATE when a record’s publication starts, UPDATE when a public record changes, DELETE when it ends; key: the record code. Personal data always masked.',
      defaultWrite: false,
    }),
  },
  entities: [ExpertRow, CreditRecordRow, CreditPublicationRow],
  push: {
    [EXPERT_TOPIC]: async () => (await import('./expert.push.js')).expertPush,
    [CREDIT_RECORD_TOPIC]: async () => (await import('./credit-record.push.js')).creditRecordPush,
  },
  loaders: creditLoaders,
  history: {
    Expert: { topic: EXPERT_TOPIC, key: 'code', description: 'Every version of the expert, oldest first.' },
    CreditRecord: {
      topic: CREDIT_RECORD_TOPIC,
      key: 'code',
      description: 'Every step of the record (pushes, repair, revocation) from the change log, oldest first.',
    },
  },
  findingRules: CREDIT_FINDING_RULES,
  referenceRules: [committeeExpertsInPool],
  tasks: [
    {
      name: 'credit-publication',
      start: ({ orm, clock, log, onEvents }) => new PublicationScheduler(orm, clock, log).start(onEvents),
    },
  ],
});
