import { canonicalJson } from '../common/canonical';
import { feedCursor } from './cursor';
import type { ChangeOp, ChangeRecord } from './topics';

/** Fields of a snapshot that change with every version and say nothing about the content. */
const BOOKKEEPING = new Set(['version', 'updatedAt', 'sourceSystem']);

/** Top-level fields whose value differs between two snapshots; all content fields when there is no previous one. */
export function changedFields(prev: Record<string, unknown> | undefined, next: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(prev ?? {}), ...Object.keys(next)]);
  return [...keys]
    .filter((k) => !BOOKKEEPING.has(k))
    .filter((k) => !prev || canonicalJson(prev[k]) !== canonicalJson(next[k]))
    .sort();
}

export interface VersionView {
  version: number;
  op: ChangeOp;
  occurredAt: Date;
  sourceSystem: string | null;
  principal: string;
  changedFields: string[];
  data: Record<string, unknown>;
  cursor: string;
}

/** A record's history (its events, oldest first) as versions with what changed in each. */
export function toVersions(events: readonly ChangeRecord[]): VersionView[] {
  return events.map((e, i) => ({
    version: e.version,
    op: e.op,
    occurredAt: e.occurredAt,
    sourceSystem: e.sourceSystem,
    principal: e.principal,
    changedFields: changedFields(i ? events[i - 1].data : undefined, e.data),
    data: e.data,
    cursor: feedCursor(e.seq),
  }));
}
