import { readFileSync } from 'node:fs';
import type { CommandContext } from '../../cli/command';
import { options, required } from '../../cli/options';
import { recognizeCertificateAuthority } from '../certificate-authority.service';

/** `hub ca add --code C --name N --file F.pem`. */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const v = options(args, ['code', 'name', 'file']);
  const certificatesPem = readFileSync(required(v, 'file'), 'utf8');
  return ctx.withOrm(async (orm) => {
    const ca = await recognizeCertificateAuthority(orm.em.fork(), ctx.actor, {
      code: required(v, 'code'),
      name: required(v, 'name'),
      certificatesPem,
    });
    console.log(`Recognised CA ${ca.code} (${ca.name}) with ${ca.certificates.length} certificate(s).`);
    return 0;
  });
}
