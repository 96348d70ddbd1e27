import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GrantVocabulary } from '../auth/admin.rules';
import { GENERIC_MASKING_CLASSES, type MaskingClass, type SensitiveFields } from '../auth/masking';
import type { CommandSection } from '../cli/command';
import { GENERIC_ENTITIES } from '../db/entities';
import { ADMIN_TOPIC } from '../feed/topics';
import type { FindingRule, ReferenceRule } from '../ingest/findings';
import type { AnyFamily, AnyPushDomain, HistorySpec, TopicSpec } from './family';

/** One entry of the history catalogue: a GraphQL object type whose `history` field reads the change log. */
export interface HistoryEntry extends HistorySpec {
  /** The GraphQL object type, e.g. `TradingProject`. */
  type: string;
  /** The family that declares it. */
  family: string;
}

/**
 * The hub's central lists, derived once at start-up from the data families'
 * descriptors (resolvers/families.ts builds it). Code under src/ that needs a
 * list over every family (the ORM's entities, the grants' vocabulary, the
 * sensitive fields of a feed event, the loaders) is handed this object; it
 * never imports a family. Refuses, at construction, two families declaring
 * the same topic, masking class, history type or command.
 */
export class FamilyRegistry implements GrantVocabulary {
  /** Every ORM entity: the generic layers' and each family's. */
  readonly entities: readonly EntityClass<object>[];
  /** Every topic, families' in order of the array then ADMIN. */
  readonly topics: readonly string[];
  /** Data topics: every topic but ADMIN (what systems may push). */
  readonly writableTopics: readonly string[];
  readonly defaultWriteTopics: readonly string[];
  /** Every masking class: the generic ones, then each family's. */
  readonly maskingClasses: readonly MaskingClass[];
  readonly sensitivities: readonly string[];
  /** What `history` can read, by GraphQL type. */
  readonly history: readonly HistoryEntry[];
  /** The families' sections of `hub help`, in order. */
  readonly commandSections: readonly CommandSection[];
  private readonly specs = new Map<string, { family: AnyFamily; spec: TopicSpec<unknown> }>();
  private readonly pushes = new Map<string, Promise<AnyPushDomain>>();
  private readonly findings = new Map<string, FindingRule[]>();
  private readonly references = new Map<string, ReferenceRule[]>();

  constructor(readonly families: readonly AnyFamily[]) {
    const taken = (what: string, name: string, seen: Set<string>) => {
      if (seen.has(name)) throw new Error(`two data families declare the ${what} ${name}`);
      seen.add(name);
    };
    const names = new Set<string>();
    const topics = new Set<string>([ADMIN_TOPIC]);
    const classes = new Set(GENERIC_MASKING_CLASSES.map((c) => c.name));
    const types = new Set<string>();
    const commands = new Set<string>();
    for (const f of families) {
      taken('name', f.name, names);
      for (const [name, spec] of Object.entries(f.topics as Record<string, TopicSpec<unknown>>)) {
        taken('topic', name, topics);
        this.specs.set(name, { family: f, spec });
      }
      for (const name of Object.keys(f.push ?? {})) {
        if (!(name in f.topics))
          throw new Error(`family ${f.name} has a push domain for topic ${name}, which it does not declare`);
      }
      for (const c of f.sensitivities ?? []) taken('masking class', c.name, classes);
      for (const [type, h] of Object.entries(f.history ?? {})) {
        taken('history of type', type, types);
        if (!this.specs.has(h.topic) || this.specs.get(h.topic)!.family !== f) {
          throw new Error(
            `family ${f.name} reads the history of ${type} from topic ${h.topic}, which it does not declare`,
          );
        }
      }
      for (const s of f.commands ?? []) for (const c of s.commands) taken('command', c.name, commands);
    }
    this.entities = [...GENERIC_ENTITIES, ...families.flatMap((f) => f.entities)];
    this.writableTopics = [...this.specs.keys()];
    this.topics = [...this.writableTopics, ADMIN_TOPIC];
    this.defaultWriteTopics = [...this.specs].filter(([, s]) => s.spec.defaultWrite !== false).map(([name]) => name);
    this.maskingClasses = [...GENERIC_MASKING_CLASSES, ...families.flatMap((f) => f.sensitivities ?? [])];
    this.sensitivities = this.maskingClasses.map((c) => c.name);
    this.history = families.flatMap((f) =>
      Object.entries(f.history ?? {}).map(([type, h]) => ({ ...h, type, family: f.name })),
    );
    this.commandSections = families.flatMap((f) => f.commands ?? []);
    const ruleCodes = new Set<string>();
    for (const f of families) {
      for (const rule of f.findingRules ?? []) {
        if (!this.specs.has(rule.topic))
          throw new Error(`family ${f.name} has finding rules on topic ${rule.topic}, which no family declares`);
        for (const code of rule.rules) taken('finding rule', `${code} on ${rule.topic}`, ruleCodes);
        this.findings.set(rule.topic, [...(this.findings.get(rule.topic) ?? []), rule]);
      }
      for (const rule of f.referenceRules ?? []) {
        if (!this.specs.has(rule.topic))
          throw new Error(`family ${f.name} has reference rules on topic ${rule.topic}, which no family declares`);
        this.references.set(rule.topic, [...(this.references.get(rule.topic) ?? []), rule]);
      }
    }
  }

  /** The finding rules families contribute on a topic's records (PushOptions.findingRules of its pushes). */
  findingRulesOf(topic: string): readonly FindingRule[] {
    return this.findings.get(topic) ?? [];
  }

  /** The reference checks families contribute on a topic's records (PushOptions.referenceRules of its pushes). */
  referenceRulesOf(topic: string): readonly ReferenceRule[] {
    return this.references.get(topic) ?? [];
  }

  /** The sensitive fields of a topic's payloads (undefined: none, or ADMIN, or unknown). */
  sensitiveOf(topic: string): SensitiveFields | undefined {
    return this.specs.get(topic)?.spec.sensitive;
  }

  /** The family that declares a topic. */
  familyOf(topic: string): AnyFamily | undefined {
    return this.specs.get(topic)?.family;
  }

  /** The push domain of a topic (loaded on first call); an error for a topic no family pushes. */
  pushDomain(topic: string): Promise<AnyPushDomain> {
    let domain = this.pushes.get(topic);
    if (!domain) {
      const load = this.specs.get(topic)?.family.push?.[topic];
      if (!load) return Promise.reject(new Error(`no data family pushes topic ${topic}`));
      domain = load().then((d) => {
        if (d.topic !== topic) throw new Error(`the push domain registered for ${topic} publishes ${d.topic}`);
        return d;
      });
      this.pushes.set(topic, domain);
    }
    return domain;
  }

  /** The catalog categories grants may name now: every family's (GrantVocabulary.grantCategories). */
  async grantCategories(em: EntityManager): Promise<readonly string[]> {
    const lists = await Promise.all(this.families.map((f) => f.grantCategories?.(em) ?? Promise.resolve([])));
    return [...new Set(lists.flat())];
  }

  /** The topics as a GraphQL enum object (name → name), ADMIN last. */
  topicEnum(): Record<string, string> {
    return Object.fromEntries(this.topics.map((t) => [t, t]));
  }

  /** The masking classes as a GraphQL enum object (name → name). */
  sensitivityEnum(): Record<string, string> {
    return Object.fromEntries(this.sensitivities.map((s) => [s, s]));
  }
}
