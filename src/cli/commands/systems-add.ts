import { registerSourceSystem } from '../../systems/source-system.service';
import type { CommandContext } from '../command';
import { list, options, required, withKeysHint } from '../options';

/** `hub systems add`: registers a trading system; its API key alone on the last line. */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const v = options(args, ['code', 'name', 'kind', 'region', 'topics', 'regions', 'categories']);
  const code = required(v, 'code');
  return ctx.withOrm(async (orm) => {
    const { system, apiKey } = await registerSourceSystem(
      orm.em.fork(),
      ctx.actor,
      {
        code,
        name: required(v, 'name'),
        kind: required(v, 'kind'),
        regionCode: v.region ?? '420000',
        topics: list(v.topics),
        regions: list(v.regions),
        categories: list(v.categories),
      },
      ctx.vocabulary,
    ).catch((err: unknown) => {
      throw withKeysHint(err, code.trim().toUpperCase());
    });
    console.log(
      `Registered ${system.code} (${system.name}, ${system.kind}, ${system.regionCode}). API key, shown once:`,
    );
    console.log(apiKey);
    return 0;
  });
}
