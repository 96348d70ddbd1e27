import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { runPush, type PushOptions } from '../ingest/pipeline';
import type { PushResult } from '../ingest/types';
import { projectPush } from './project.push';
import type { ProjectPush } from './project.rules';
import { announcementPush, awardPush, bidOpeningPush, bidPush, contractPush, evaluationPush } from './records.push';
import type { AnnouncementPush, AwardPush, BidOpeningPush, BidPush, ContractPush, EvaluationPush } from './records.rules';

/** The pushes of trading records: each a data family of the one pipeline. */
export const pushTradingProjects = (em: EntityManager, p: Principal, records: ProjectPush[], o: PushOptions): Promise<PushResult> => runPush(em, p, projectPush, records, o);
export const pushAnnouncements = (em: EntityManager, p: Principal, records: AnnouncementPush[], o: PushOptions): Promise<PushResult> => runPush(em, p, announcementPush, records, o);
export const pushBids = (em: EntityManager, p: Principal, records: BidPush[], o: PushOptions): Promise<PushResult> => runPush(em, p, bidPush, records, o);
export const pushBidOpenings = (em: EntityManager, p: Principal, records: BidOpeningPush[], o: PushOptions): Promise<PushResult> => runPush(em, p, bidOpeningPush, records, o);
export const pushEvaluations = (em: EntityManager, p: Principal, records: EvaluationPush[], o: PushOptions): Promise<PushResult> => runPush(em, p, evaluationPush, records, o);
export const pushAwards = (em: EntityManager, p: Principal, records: AwardPush[], o: PushOptions): Promise<PushResult> => runPush(em, p, awardPush, records, o);
export const pushContracts = (em: EntityManager, p: Principal, records: ContractPush[], o: PushOptions): Promise<PushResult> => runPush(em, p, contractPush, records, o);
