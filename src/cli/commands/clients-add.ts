import { createClient } from '../../auth/admin.service';
import type { CommandContext } from '../command';
import { expiry, grantsFrom, options, required, withKeysHint } from '../options';

/** `hub clients add`: creates a client principal; its API key alone on the last line. */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const v = options(args, ['name', 'roles', 'read-topics', 'reveal', 'expires', 'regions']);
  const name = required(v, 'name');
  return ctx.withOrm(async (orm) => {
    const { principal, apiKey } = await createClient(
      orm.em.fork(),
      ctx.actor,
      { name, ...grantsFrom(v), expiresAt: expiry(v.expires) },
      ctx.vocabulary,
    ).catch((err: unknown) => {
      throw withKeysHint(err, name.trim());
    });
    console.log(`Created ${principal.name} with roles ${principal.roles.join(', ')}. API key, shown once:`);
    console.log(apiKey);
    return 0;
  });
}
