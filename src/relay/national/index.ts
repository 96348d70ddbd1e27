import type { RelayEvent, TargetMapping, TargetRecord } from '../target';
import { credit } from './credit';
import { nationalRecord, type NationalDataSet } from './dataset';
import { expert } from './expert';
import { subject } from './subject';
import { supervision } from './supervision';
import { tradingAnnouncement } from './trading-announcement';
import { tradingResult } from './trading-result';

/** The data sets the national platform receives, one module each. */
export const NATIONAL_DATA_SETS: readonly NationalDataSet[] = [
  tradingAnnouncement,
  tradingResult,
  subject,
  expert,
  supervision,
  credit,
];

const BY_TOPIC = new Map(NATIONAL_DATA_SETS.flatMap((ds) => ds.topics.map((t) => [t, ds] as const)));

/** A topic no data set covers yet still reaches the platform, as the hub's own record, so that nothing is lost. */
const UNMAPPED: NationalDataSet = {
  name: '未归类 (the hub record as it is)',
  id: 'unmapped',
  version: 1,
  topics: [],
  payload: (event) => ({ topic: event.topic, record: event.data }),
};

/** The national platform's mapping: each event to the record of its data set. */
export const nationalPlatform: TargetMapping = {
  name: 'national-platform',
  map(event: RelayEvent): TargetRecord {
    return nationalRecord(BY_TOPIC.get(event.topic) ?? UNMAPPED, event);
  },
};

/** Topics whose events belong to a trading project (whose OCDS release the batch carries). */
export const TRADING_TOPICS: ReadonlySet<string> = new Set([...tradingAnnouncement.topics, ...tradingResult.topics]);
