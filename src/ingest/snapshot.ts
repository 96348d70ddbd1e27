import type { Principal } from '../auth/principal';
import type { Accepted, Written } from './types';

/** The change-event payload of a stored record: its content plus who pushed which version when. */
export type Snapshot<T> = T & { sourceSystem: string; version: number; updatedAt: string };

/** The standard snapshot every data family publishes. */
export function snapshotOf<T>(record: Accepted<T>, written: Written, principal: Principal): Snapshot<T> {
  return {
    ...record.value,
    sourceSystem: principal.sourceSystem!.code,
    version: written.version,
    updatedAt: String(written.meta?.updatedAt),
  };
}
