import { readFileSync } from 'node:fs';
import type { CommandContext } from '../../cli/command';
import { RecordStatus } from '../../ingest/types';
import { pushCertificateRevocationLists } from '../crl.service';

/** `hub ca crl import FILE`: a CRL in PEM, or DER (read as base64). */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  if (args.length !== 1) throw new Error('usage: hub ca crl import FILE');
  const raw = readFileSync(args[0]);
  const text = raw.includes('-----BEGIN') ? raw.toString('utf8') : raw.toString('base64');
  return ctx.withOrm(async (orm) => {
    const { results } = await pushCertificateRevocationLists(orm.em.fork(), ctx.actor, [{ crlPem: text }], 1);
    const [r] = results;
    if (r.status === RecordStatus.REJECTED) {
      console.error(r.errors.map((e) => `${e.code}: ${e.message}`).join('\n'));
      return 1;
    }
    console.log(
      r.status === RecordStatus.ACCEPTED ? `Imported CRL ${r.key}.` : `CRL ${r.key} is not newer than the one held.`,
    );
    return 0;
  });
}
