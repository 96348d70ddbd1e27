import { unifiedTransactionCode } from '../../trading';
import type { RelayEvent, TargetRecord } from '../target';

/**
 * One data set of the national data specification (《公共资源交易平台系统数据规范》 V2.0) and the mapping of the hub's
 * events to it. Only the specification's table of contents is available here, so each payload is, for now, the hub's
 * own documented JSON of the record (with the unified transaction identifier where the record belongs to a
 * transaction); `version` changes whenever a module's output does, so that the official field list can replace a
 * module at a time and the platform can tell which mapping a record went through.
 */
export interface NationalDataSet {
  /** The data set's name in the specification's table of contents. */
  name: string;
  /** Short id, sent as `dataSet`. */
  id: string;
  version: number;
  topics: readonly string[];
  payload(event: RelayEvent): Record<string, unknown>;
}

/**
 * The unified transaction identifier (统一交易标识码) of a trading event: the hub puts it in the events of every record
 * of a project (announcements, bids, openings, evaluations, awards, contracts, beside their `projectCode`); a
 * project's own event carries it when it was pushed, else the hub's formed one is derived here the same way
 * (unifiedTransactionCode in src/trading).
 */
export function transactionCode(event: Pick<RelayEvent, 'topic' | 'data'>): string | null {
  const d = event.data;
  if (typeof d.unifiedTransactionCode === 'string' && d.unifiedTransactionCode) return d.unifiedTransactionCode;
  if (event.topic !== 'TRADING_PROJECT' || typeof d.code !== 'string' || typeof d.regionCode !== 'string') return null;
  return unifiedTransactionCode({ code: d.code, regionCode: d.regionCode });
}

/** The record of one event for a data set. */
export function nationalRecord(ds: NationalDataSet, event: RelayEvent): TargetRecord {
  return {
    id: String(event.seq),
    cursor: event.cursor,
    dataSet: ds.id,
    mapping: `${ds.id}/${ds.version}`,
    action: event.op,
    key: event.key,
    version: event.version,
    occurredAt: event.occurredAt,
    payload: ds.payload(event),
  };
}
