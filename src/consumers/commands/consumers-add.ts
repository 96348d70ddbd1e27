import type { CommandContext } from '../../cli/command';
import { list, options, required } from '../../cli/options';
import { registerFeedConsumer } from '../consumers.service';

/** `hub consumers add`: registers a named consumer; its API key alone on the last line. */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const v = options(args, ['name', 'topics', 'ops', 'source-systems']);
  return ctx.withOrm(async (orm) => {
    const { consumer, apiKey } = await registerFeedConsumer(
      orm.em.fork(),
      ctx.actor,
      {
        name: required(v, 'name'),
        topics: list(required(v, 'topics')) ?? [],
        filter: { ops: list(v.ops), sourceSystems: list(v['source-systems']) },
      },
      ctx.vocabulary,
    );
    console.log(`Registered feed consumer ${consumer.name} (${consumer.topics.join(',')}). API key, shown once:`);
    console.log(apiKey);
    return 0;
  });
}
