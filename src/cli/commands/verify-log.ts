import { verifyChain } from '../../feed/verify';
import type { CommandContext } from '../command';

/**
 * `hub verify-log [--json]`: recomputes the SM3 hash chain of the change log; a sentence (or, with --json, the
 * verification as one JSON line); exit 3 when broken.
 */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length) throw new Error(`verify-log takes only --json; got ${unknown.join(' ')}`);
  return ctx.withOrm(async (orm) => {
    const r = await verifyChain(orm.em.fork());
    if (args.includes('--json')) console.log(JSON.stringify(r));
    else if (r.ok)
      console.log(
        r.checked
          ? `The change log verifies: ${r.checked} events, seq 1 to ${r.lastSeq}, last hash ${r.lastHash}.`
          : 'The change log is empty: nothing to verify.',
      );
    else
      console.log(
        `The change log is broken at seq ${r.firstBrokenSeq}: ${r.reason}. The ${r.checked} events before it verify (last hash ${r.lastHash}).`,
      );
    return r.ok ? 0 : 3;
  });
}
