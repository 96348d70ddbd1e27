import { defineFamily, topic } from '../registry/family';
import { CreditCodeExceptionRow } from './credit-code-exception.entity';
import { MarketEntityRow } from './market-entity.entity';
import { MARKET_ENTITY_SENSITIVE, MARKET_ENTITY_TOPIC } from './market-entity.model';
import type { MarketEntitySnapshot } from './market-entity.push';
import { marketLoaders } from './market.loaders';

/**
 * The market family: the unified market-entity registry (市场主体库) and the
 * operators' list of credit-code exceptions. Registered in resolvers/families.ts.
 */
export const marketFamily = defineFamily({
  name: 'market',
  topics: {
    [MARKET_ENTITY_TOPIC]: topic<MarketEntitySnapshot>({
      description: 'A market entity (市场主体) of the unified registry; key: its unified social credit code.',
      sensitive: MARKET_ENTITY_SENSITIVE,
    }),
  },
  entities: [MarketEntityRow, CreditCodeExceptionRow],
  push: {
    [MARKET_ENTITY_TOPIC]: async () => (await import('./market-entity.push.js')).marketEntityPush,
  },
  loaders: marketLoaders,
  history: {
    MarketEntity: {
      topic: MARKET_ENTITY_TOPIC,
      key: 'creditCode',
      description: 'Every version of the entity from the change log, oldest first (or the last `last`).',
    },
  },
  commands: [
    {
      title:
        'Credit-code exceptions (legally issued codes that fail the GB 32100 check character; logged under ADMIN):',
      commands: [
        {
          name: 'credit-codes add',
          usage: '  credit-codes add --code C --reason R    accept code C in pushes despite its check character',
          load: () => import('./commands/credit-codes-add.js'),
        },
        {
          name: 'credit-codes remove',
          usage: '  credit-codes remove --code C            reject it again',
          load: () => import('./commands/credit-codes-remove.js'),
        },
        {
          name: 'credit-codes list',
          usage: '  credit-codes list                       code, date added and reason, one a line',
          load: () => import('./commands/credit-codes-list.js'),
        },
      ],
    },
  ],
});
