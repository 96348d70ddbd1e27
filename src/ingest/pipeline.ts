import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import type { HubConfig } from '../config';
import { contentHash } from '../common/canonical';
import { ErrorCode, HubError } from '../common/errors';
import type { Gate } from '../common/gate';
import { appendChanges } from '../feed/append';
import { notePush } from '../systems/last-push';
import { authoriseWrite } from './authorise';
import { countRejections } from './rejections';
import { replaceFindings, syncFindings, takeFindingChanges, type FindingRule, type ReferenceRule } from './findings';
import { ChangeOp, type NewChange } from '../feed/topics';
import {
  RecordStatus,
  type Accepted,
  type CurrentVersion,
  type FieldError,
  type FindingData,
  type PushDomain,
  type PushResult,
  type RecordResult,
} from './types';

export interface PushOptions {
  /** Largest batch accepted; above it the whole push is LIMIT_EXCEEDED. */
  maxBatch: number;
  /** Findings other families contribute on this topic's records (FamilyRegistry.findingRulesOf). */
  findingRules?: readonly FindingRule[];
  /** Told the counts of every push that ran (the metrics). */
  onResult?: (result: PushResult) => void;
  /** The hub's configuration, for finding rules that take settings (FindingRule.rederive); defaults when absent. */
  config?: HubConfig;
  /** Reference checks other families contribute on this topic's records (FamilyRegistry.referenceRulesOf). */
  referenceRules?: readonly ReferenceRule[];
  /** Bounds the pushes running at once (HubServices.pushGate); the push waits its turn there. */
  gate?: Gate;
}

/**
 * The one push pipeline every data family goes through (ARCHITECTURE.md):
 * validate every record purely, resolve references and current versions with
 * one query per kind for the whole batch, skip unchanged content, authorise
 * per record, then in one transaction write all accepted records and append
 * their change events. What was decided on reads before the transaction is
 * decided again inside it (the family's locks and re-checks, the write's own
 * ownership condition), so of two racing creators exactly one wins. Per-record
 * problems are returned as data; a storage fault rolls the whole batch back
 * and is thrown.
 */
export async function runPush<In, T, Ctx, P>(
  em: EntityManager,
  principal: Principal,
  domain: PushDomain<In, T, Ctx, P>,
  inputs: readonly In[],
  options: PushOptions,
): Promise<PushResult> {
  const push = () => runGatedPush(em, principal, domain, inputs, options);
  return options.gate ? options.gate.run(push) : push();
}

async function runGatedPush<In, T, Ctx, P>(
  em: EntityManager,
  principal: Principal,
  domain: PushDomain<In, T, Ctx, P>,
  inputs: readonly In[],
  options: PushOptions,
): Promise<PushResult> {
  if (inputs.length > options.maxBatch) {
    throw new HubError(
      ErrorCode.LIMIT_EXCEEDED,
      `a push carries at most ${options.maxBatch} records; this one has ${inputs.length}. Split it into smaller batches.`,
      {
        field: 'records',
        details: { limit: options.maxBatch, actual: inputs.length },
      },
    );
  }
  // Before the write, so that whoever sees this push's changes on the feed also sees the system's new lastPushAt.
  if (principal.sourceSystem) await notePush(em, principal.sourceSystem.id);
  const results: RecordResult[] = inputs.map((_, index) => ({
    index,
    key: null,
    status: RecordStatus.REJECTED,
    version: null,
    errors: [],
    warnings: [],
  }));
  const reject = (index: number, errors: FieldError[]) => {
    results[index].status = RecordStatus.REJECTED;
    results[index].errors.push(...errors);
  };

  // 1-3. Validate and normalise, purely; duplicates inside the batch are refused.
  const ctx = await domain.prepare(em, inputs);
  let candidates: Accepted<T>[] = [];
  const firstIndexOfKey = new Map<string, number>();
  inputs.forEach((input, index) => {
    const v = domain.validate(input, ctx);
    if (!v.ok) {
      results[index].key = domain.rawKey(input);
      return reject(index, v.errors);
    }
    const key = domain.key(v.value);
    results[index].key = key;
    const earlier = firstIndexOfKey.get(key);
    if (earlier !== undefined) {
      return reject(index, [
        {
          field: '',
          code: ErrorCode.CONFLICT,
          message: `the same key ${key} is already at index ${earlier} of this batch`,
        },
      ]);
    }
    firstIndexOfKey.set(key, index);
    candidates.push({ index, key, value: v.value, contentHash: contentHash(domain.content(v.value)), refs: {} });
  });

  // 4. References by business key, one query per kind.
  if (domain.resolveReferences && candidates.length) {
    const refErrors = await domain.resolveReferences(em, candidates);
    candidates = candidates.filter((c) => {
      const errs = refErrors.get(c.index);
      if (errs?.length) reject(c.index, errs);
      return !errs?.length;
    });
  }

  // References into other families (experts of the pool named by a committee), one query per kind.
  for (const rule of candidates.length ? (options.referenceRules ?? []) : []) {
    const refErrors = await rule.check(
      em,
      candidates.map((c) => ({ key: c.key, value: c.value })),
    );
    candidates = candidates.filter((c) => {
      const errs = refErrors.get(c.key);
      if (errs?.length) reject(c.index, errs);
      return !errs?.length;
    });
  }

  // Current versions and owners, one query.
  const current = candidates.length
    ? await domain.loadCurrent(
        em,
        candidates.map((c) => c.key),
      )
    : new Map<string, CurrentVersion>();
  const authorise = (c: Accepted<T>) =>
    authoriseWrite(principal, domain.topic, c, domain.regionOf?.(c), domain.categoryOf?.(c)) ??
    domain.authorise?.(principal, c);
  const toWrite: Accepted<T>[] = [];
  for (const c of candidates) {
    c.current = current.get(c.key);
    // 5. Authorisation per record: topic, region and ownership, then the family's own rules.
    const denied = authorise(c);
    if (denied) {
      reject(c.index, [denied]);
      continue;
    }
    // 6. Identical content is UNCHANGED and writes nothing.
    if (c.current && c.current.contentHash === c.contentHash) {
      Object.assign(results[c.index], { status: RecordStatus.UNCHANGED, version: c.current.version });
      continue;
    }
    toWrite.push(c);
  }

  // 7. One transaction. Steps 4-6 read before it, and a racing push can have
  // written since: under the family's locks the rules it can break are checked
  // again, and the write itself re-checks ownership and unchanged content.
  // Then the multi-row write, the change events, NOTIFY.
  if (toWrite.length) {
    /** Findings contributed by other families' rules, by record key. */
    const contributed = new Map<string, FindingData[]>();
    const { written, refused } = await em.transactional(async (tx) => {
      await domain.lock?.(tx, toWrite);
      const refused = new Map(domain.recheck ? await domain.recheck(tx, toWrite) : []);
      for (const c of toWrite) {
        // Region and category again, on the references as they stand under the lock.
        const denied = refused.has(c.index) ? undefined : authorise(c);
        if (denied) refused.set(c.index, [denied]);
      }
      const writable = toWrite.filter((c) => !refused.has(c.index));
      const rows = writable.length ? await domain.write(tx, writable, principal) : [];
      const byKey = new Map(rows.map((w) => [w.key, w]));
      const changes: NewChange<P>[] = [];
      for (const c of writable) {
        const w = byKey.get(c.key);
        if (!w) continue;
        changes.push({
          topic: domain.topic,
          op: w.created ? ChangeOp.CREATE : ChangeOp.UPDATE,
          key: c.key,
          version: w.version,
          data: domain.snapshot(c, w, principal),
        });
      }
      const stored = writable.filter((c) => byKey.has(c.key));
      if (domain.findings)
        await replaceFindings(tx, domain.topic, stored, (c) => domain.findings!(c), domain.findingRules);
      // Findings other families contribute on these records, each replacing only its own rules.
      for (const rule of stored.length ? (options.findingRules ?? []) : []) {
        const records = stored.map((c) => ({ key: c.key, value: c.value }));
        if (rule.rederive) {
          await syncFindings(
            tx,
            rule.findingTopic ?? domain.topic,
            await rule.rederive(tx, records, options.config),
            rule.rules,
          );
          continue;
        }
        if (!rule.derive) continue;
        const found = await rule.derive(tx, records);
        const derived = stored.map((c) => ({
          key: c.key,
          projectCode: domain.findings?.(c)?.projectCode ?? '',
          items: found.get(c.key) ?? [],
        }));
        await syncFindings(tx, domain.topic, derived, rule.rules);
        for (const d of derived)
          if (d.items.length) contributed.set(d.key, [...(contributed.get(d.key) ?? []), ...d.items]);
      }
      if (domain.afterWrite && stored.length) await domain.afterWrite(tx, stored);
      // The rejections known so far (validation, authorisation, the re-checks above) are counted in this
      // transaction: counted exactly when the push's writes commit, never lost after them.
      if (principal.sourceSystem) {
        const refusedNow = [...refused].map(([index, errors]) => ({
          ...results[index],
          status: RecordStatus.REJECTED,
          errors,
        }));
        // The records being written are not decided yet (their results say so only after the commit).
        const pending = new Set(toWrite.map((c) => c.index));
        const decided = results.filter((r) => !pending.has(r.index));
        await countRejections(tx, principal.sourceSystem.id, domain.topic, [...decided, ...refusedNow]);
      }
      // Findings raised or cleared above are on the feed in the same transaction (topic FINDING).
      await appendChanges(tx, [...changes, ...takeFindingChanges(tx)], principal);
      return { written: byKey, refused };
    });
    const leftOut: Accepted<T>[] = [];
    for (const c of toWrite) {
      const errors = refused.get(c.index);
      const w = written.get(c.key);
      if (errors) reject(c.index, errors);
      else if (w)
        Object.assign(results[c.index], {
          status: RecordStatus.ACCEPTED,
          version: w.version,
          warnings: [...(domain.findings?.(c)?.items ?? []), ...(contributed.get(c.key) ?? [])],
        });
      else leftOut.push(c);
    }
    // Left out by the write: a racing push stored the same content first
    // (UNCHANGED), or another system created the record first and owns it
    // (REJECTED with CONFLICT naming the owner, as step 5 would have said).
    if (leftOut.length) {
      const conflicts: RecordResult[] = [];
      const now = await domain.loadCurrent(
        em,
        leftOut.map((c) => c.key),
      );
      for (const c of leftOut) {
        c.current = now.get(c.key);
        const denied = authoriseWrite(principal, domain.topic, c, undefined);
        if (denied) {
          reject(c.index, [denied]);
          conflicts.push(results[c.index]);
        } else Object.assign(results[c.index], { status: RecordStatus.UNCHANGED, version: c.current?.version ?? null });
      }
      // Lost to a racing creator after the commit: their own statement (rare; should it fail, the push is answered
      // with an error although its other records are stored, and a retry answers them UNCHANGED).
      if (principal.sourceSystem && conflicts.length)
        await countRejections(em, principal.sourceSystem.id, domain.topic, conflicts);
    }
  } else if (principal.sourceSystem && results.some((r) => r.status === RecordStatus.REJECTED)) {
    // Nothing to write: the rejections alone, in one statement.
    await countRejections(em, principal.sourceSystem.id, domain.topic, results);
  }

  const count = (s: RecordStatus) => results.filter((r) => r.status === s).length;
  const result = {
    accepted: count(RecordStatus.ACCEPTED),
    unchanged: count(RecordStatus.UNCHANGED),
    rejected: count(RecordStatus.REJECTED),
    results,
  };
  options.onResult?.(result);
  return result;
}
