import type { CommandContext } from '../../cli/command';
import { options, required } from '../../cli/options';
import { withdrawCertificateAuthority } from '../certificate-authority.service';

/** `hub ca withdraw --code C`. */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const v = options(args, ['code']);
  return ctx.withOrm(async (orm) => {
    const ca = await withdrawCertificateAuthority(orm.em.fork(), ctx.actor, required(v, 'code'));
    console.log(`Withdrew CA ${ca.code}: its certificates no longer verify.`);
    return 0;
  });
}
