import type { CommandSection } from '../cli/command';

/** `hub consumers ...`: named feed consumers (relays) and their checkpoints. */
export const CONSUMER_COMMANDS: CommandSection = {
  title: 'Named feed consumers (relays) and their checkpoints:',
  commands: [
    {
      name: 'consumers add',
      usage:
        '  consumers add --name N --topics T,.. [--ops CREATE,..] [--source-systems S,..]\n                         register a named feed consumer (role FEED_CONSUMER); prints its API key on the last line',
      load: () => import('./commands/consumers-add.js'),
    },
    {
      name: 'consumers list',
      usage: '  consumers list         each consumer: acknowledged cursor, lag (events, seconds), connected',
      load: () => import('./commands/consumers-list.js'),
    },
    {
      name: 'consumers reset',
      usage:
        '  consumers reset --name N --to CURSOR\n                         move its checkpoint to CURSOR (a cursor or a seq; 0: the beginning)',
      load: () => import('./commands/consumers-reset.js'),
    },
  ],
};
