import type { CommandContext } from '../../cli/command';
import { CertificateAuthorityRow } from '../certificate-authority.entity';
import { listCertificateAuthorities } from '../certificate-authority.service';

/** `hub ca list`: code, status, name and the subjects of its certificates, one CA a line. */
export async function run(_args: string[], ctx: CommandContext): Promise<number> {
  return ctx.withOrm(
    async (orm) => {
      for (const ca of await listCertificateAuthorities(orm.em.fork()))
        console.log(`${ca.code}\t${ca.status}\t${ca.name}\t${ca.certificates.map((c) => c.subject).join(' | ')}`);
      return 0;
    },
    [CertificateAuthorityRow],
  );
}
