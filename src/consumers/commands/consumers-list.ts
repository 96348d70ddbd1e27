import type { CommandContext } from '../../cli/command';
import { options } from '../../cli/options';
import { feedCursor } from '../../feed/cursor';
import { listConsumers } from '../consumers.service';
import { FeedConsumerRow } from '../feed-consumer.entity';

/** `hub consumers list`: one line per consumer, tab-separated. */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  options(args, []);
  return ctx.withOrm(
    async (orm) => {
      const all = await listConsumers(orm.em.fork());
      console.log('name\ttopics\tacknowledged\tseq\tlagEvents\tlagSeconds\tlastAcknowledgedAt\tconnected');
      for (const c of all) {
        console.log(
          [
            c.name,
            c.topics.join(','),
            c.ackedSeq ? feedCursor(c.ackedSeq) : '-',
            c.ackedSeq,
            c.lagEvents,
            c.lagSeconds.toFixed(1),
            c.ackedAt?.toISOString() ?? 'never',
            c.connected ? 'yes' : 'no',
          ].join('\t'),
        );
      }
      return 0;
    },
    [FeedConsumerRow],
  );
}
