import type { BatchBody } from './target';

/** What a target answered to one POST. */
export type DeliveryOutcome =
  | { kind: 'confirmed' }
  /** Worth retrying: a 5xx, 408/429, a timeout, a connection closed or refused. */
  | { kind: 'retry'; reason: string }
  /** The target refused these records (by id) and stored nothing of the batch. */
  | { kind: 'refused'; status: number; records: { id: string; answer: string }[] };

/**
 * POSTs one batch with its idempotency key. A 2xx confirms the whole batch
 * (the target may have dropped it as a repeat of the key). A 4xx names the
 * records it refuses in `rejected: [{ id, error }]`; a 4xx that names none is
 * a fault of the whole batch and is retried like a 5xx, never dropped.
 */
export async function postBatch(target: string, body: BatchBody, timeoutMs: number): Promise<DeliveryOutcome> {
  let res: Response;
  try {
    res = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': body.batch.idempotencyKey },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string }; message?: string };
    return {
      kind: 'retry',
      reason: e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.message ?? String(err)),
    };
  }
  let text = '';
  try {
    text = await res.text();
  } catch (err) {
    return { kind: 'retry', reason: `body lost: ${String(err)}` };
  }
  if (res.status >= 200 && res.status < 300) return { kind: 'confirmed' };
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
    const ids = new Set(body.records.map((r) => r.id));
    let rejected: { id?: unknown; error?: unknown }[] = [];
    try {
      const parsed = JSON.parse(text) as { rejected?: { id?: unknown; error?: unknown }[] };
      rejected = Array.isArray(parsed.rejected) ? parsed.rejected : [];
    } catch {
      // not JSON: names no record
    }
    const records = rejected
      .filter((r) => typeof r.id === 'string' && ids.has(r.id))
      .map((r) => ({
        id: r.id as string,
        answer: typeof r.error === 'string' ? r.error : JSON.stringify(r.error ?? text),
      }));
    if (records.length) return { kind: 'refused', status: res.status, records };
  }
  return { kind: 'retry', reason: `HTTP ${res.status}` };
}
