/**
 * The wait before retry `attempt` (0 for the first retry): exponential from
 * `baseMs`, capped at `maxMs`, with "full jitter" (a uniform draw between
 * half and all of it) so that relays retrying a recovering target do not
 * arrive in step.
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
