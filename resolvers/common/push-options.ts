import type { PushOptions } from '../../src/ingest/pipeline';
import type { HubContext } from '../context';

/**
 * The options of a push of `topic` from the API: the batch limit, and the finding and reference rules families
 * contribute on the topic.
 */
export function pushOptions(ctx: HubContext, topic: string): PushOptions {
  return {
    maxBatch: ctx.services.config.maxBatch,
    findingRules: ctx.services.registry.findingRulesOf(topic),
    referenceRules: ctx.services.registry.referenceRulesOf(topic),
  };
}
