import type { PushOptions } from '../../src/ingest/pipeline';
import type { HubContext } from '../context';

/**
 * The options of a push of `topic` from the API: the batch limit, the finding and reference rules families contribute
 * on the topic, the metrics that count its records, the settings finding rules take, and the process's push gate.
 */
export function pushOptions(ctx: HubContext, topic: string): PushOptions {
  const { metrics } = ctx.services;
  const system = ctx.principal.sourceSystem?.code ?? ctx.principal.name;
  return {
    maxBatch: ctx.services.config.maxBatch,
    findingRules: ctx.services.registry.findingRulesOf(topic),
    onResult: metrics && ((result) => metrics.push(system, topic, result)),
    config: ctx.services.config,
    referenceRules: ctx.services.registry.referenceRulesOf(topic),
    gate: ctx.services.pushGate,
  };
}
