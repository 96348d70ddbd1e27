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
 * The unified transaction identifier (统一交易标识码) of a trading record: the project's own when it was pushed, else
 * the one the hub forms from the project code (see src/trading: `HB` + region code + project code).
 */
export function transactionCode(data: Record<string, unknown>): string | null {
  const own = data.unifiedTransactionCode;
  if (typeof own === 'string' && own) return own;
  const project =
    typeof data.projectCode === 'string' ? data.projectCode : typeof data.code === 'string' ? data.code : null;
  const region = typeof data.regionCode === 'string' ? data.regionCode : null;
  if (!project) return null;
  return region ? `HB${region}-${project}` : `HB-${project}`;
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
