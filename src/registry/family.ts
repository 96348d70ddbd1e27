import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { MaskingClass, SensitiveFields } from '../auth/masking';
import type { CommandSection } from '../cli/command';
import type { Clock } from '../common/clock';
import type { ChangeRecord } from '../feed/topics';
import type { FindingRule, ReferenceRule } from '../ingest/findings';
import type { PushDomain } from '../ingest/types';
import type { Logger } from '../logger';

/*
 * A data family (market entities, trading records, CA certificates, credit
 * records...) registers itself with the hub through ONE descriptor object,
 * exported from `src/<family>/<family>.family.ts` and built with
 * {@link defineFamily}. The hub's central lists (entities, topics and their
 * sensitive fields, masking classes, default grants, loaders, history,
 * commands) are derived from the array of families in resolvers/families.ts;
 * the generic layers are handed a FamilyRegistry (src/registry/registry.ts)
 * and never import a family.
 *
 * What a descriptor loads at once is what every process needs anyway (ORM
 * entities, topic names, masking declarations, loader factories); push domains
 * and commands are loaded on first use, so `hub keys list` loads none of them.
 */

/**
 * One topic of the change log. `P` is the type of its payload (the `data` of
 * its events: the record as stored, for pushed records `Snapshot<…>`); it
 * exists only for the type checker, which derives the hub's topic-to-payload
 * map from the descriptors (see {@link TopicPayloads}).
 */
export interface TopicSpec<P = unknown> {
  /** One line: what an event of the topic is (for documentation and the README). */
  readonly description: string;
  /**
   * Fields of the payload masked in query results, change-feed payloads and
   * exports unless the reader is granted their class (e.g. an expert's ID
   * number). The same declaration should mask the GraphQL type (applySensitiveFields).
   */
  readonly sensitive?: SensitiveFields;
  /**
   * Whether a newly registered source system may push the topic when the
   * operator names no topics (`hub systems add` without `--topics`). Default
   * true; false for topics only an authority writes (credit records, certificates).
   */
  readonly defaultWrite?: boolean;
  /** @internal carries `P` for the type checker; never set. */
  readonly __payload?: P;
}

/** Declares a topic whose events carry payloads of type `P`. */
export function topic<P>(spec: Omit<TopicSpec<P>, '__payload'>): TopicSpec<P> {
  return spec;
}

/** The payload type of a topic declaration. */
export type PayloadOf<S> = S extends TopicSpec<infer P> ? P : never;

/**
 * How the `history` field of one GraphQL object type is read: the events of
 * `topic` whose key is the object's `key` field, oldest first, masked with
 * the topic's sensitive fields (resolvers/common/history.ts builds the field).
 */
export interface HistorySpec<Topic extends string = string> {
  topic: Topic;
  /** The property of the object (and of its row) that holds the record's business key, e.g. `creditCode`. */
  key: string;
  /** The field's description in the schema: say what the history covers, and what it does not (child records). */
  description: string;
}

/** A push domain of any input, record and batch-context types, whose change events carry `P`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- its own types are the family's business
export type AnyPushDomain<P = unknown> = PushDomain<any, any, any, P>;

/** A push domain, loaded on first use. */
export type LazyPushDomain<P> = () => Promise<AnyPushDomain<P>>;

/** Request-scoped DataLoaders of a family, made fresh for each request by `loaders(em)`. */
export type LoaderFactory<L> = (em: EntityManager) => L;

/** What a family's background task is started with: the hub process's ORM, clock, log and change feed. */
export interface TaskContext {
  orm: MikroORM;
  clock: Clock;
  log: Logger;
  /** Calls `listener` with each batch of new change-log events this process's feed reads; returns the unsubscribe. */
  onEvents: (listener: (events: readonly ChangeRecord[]) => void) => () => void;
}

/**
 * Work a family runs in every hub process beside the requests (a scheduler of
 * time-driven events). `start` resolves, once the task has done what was due
 * at start-up, to the function that stops it, which the hub calls on shutdown
 * before it closes the feed and the database. Coordination across
 * processes (one runs, the others stand by) is the task's own business.
 */
export interface FamilyTask {
  /** Its name in the logs. */
  readonly name: string;
  start(ctx: TaskContext): Promise<() => Promise<void>>;
}

/** What a data family provides. Build it with {@link defineFamily}; see README "Adding a data family". */
export interface FamilyDescriptor<
  Name extends string = string,
  Topics extends Readonly<Record<string, TopicSpec<unknown>>> = Readonly<Record<string, TopicSpec<unknown>>>,
  Loaders = unknown,
> {
  /** The family's folder name under src/ and resolvers/, e.g. `trading`. */
  readonly name: Name;
  /** Its change-log topics by name (upper case, unique across the hub), in the order the API lists them. */
  readonly topics: Topics;
  /** Masking classes the family adds to the generic ones (PERSONAL_ID, PHONE), e.g. BID_EVIDENCE. */
  readonly sensitivities?: readonly MaskingClass[];
  /** Its ORM entities (every table its migrations create). */
  readonly entities: readonly EntityClass<object>[];
  /** The push domain of each pushed topic (src/ingest/types.ts), loaded on first use. */
  readonly push?: { readonly [K in keyof Topics]?: LazyPushDomain<PayloadOf<Topics[K]>> };
  /** Its request-scoped loaders: `ctx.loaders.of(family)` in a resolver (created on first use per request). */
  readonly loaders?: LoaderFactory<Loaders>;
  /** The GraphQL object types with a `history` field, by type name, and how each is read. */
  readonly history?: Readonly<Record<string, HistorySpec<keyof Topics & string>>>;
  /** Its `hub` commands, one section of `hub help` each. */
  readonly commands?: readonly CommandSection[];
  /**
   * The catalog categories a `categories` grant may name now (its codes, in
   * the order operators see them): a grant of any other code would refuse
   * every push, so it is refused when set.
   */
  readonly grantCategories?: (em: EntityManager) => Promise<readonly string[]>;
  /**
   * Findings it contributes on the records of other families' topics (a
   * revoked certificate on a bid): derived in the push of such a record and
   * stored with the owner's findings, each rule replacing only its own codes.
   */
  readonly findingRules?: readonly FindingRule[];
  /**
   * Checks it contributes on the references of other families' records (an
   * evaluation committee's experts must be in the pool): a failing record is REJECTED.
   */
  readonly referenceRules?: readonly ReferenceRule[];
  /** Its background tasks, started by every hub process (not by the `hub` command). */
  readonly tasks?: readonly FamilyTask[];
}

/**
 * Checks a descriptor against {@link FamilyDescriptor} (push domains and
 * history only for the family's own topics, each push domain publishing its
 * topic's payload type) and returns it with its literal types kept: topic
 * names, payload types, which topics have a push domain, the loaders.
 */
export function defineFamily<const D extends AnyFamily>(
  descriptor: D & FamilyDescriptor<D['name'], D['topics'], LoadersOf<D>>,
): D {
  return descriptor;
}

/** Any family descriptor. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the widest descriptor type; families narrow it
export type AnyFamily = FamilyDescriptor<string, any, any>;

/** The topic names of a family (or of a union of families). */
export type TopicOf<F extends AnyFamily> = F extends { readonly topics: infer T } ? keyof T & string : never;

/** Topic name → payload type, over a union of families: writer and subscribers share it. */
export type TopicPayloads<F extends AnyFamily> = {
  [K in TopicOf<F>]: F extends { readonly topics: infer T } ? (K extends keyof T ? PayloadOf<T[K]> : never) : never;
};

/** The loaders a family's factory makes. */
export type LoadersOf<F> = F extends { readonly loaders?: LoaderFactory<infer L> } ? L : never;

/**
 * Narrows a change of the feed to one topic of a family, with its payload
 * type: `if (isChangeOf(tradingFamily, e, 'BID')) e.data.amount`.
 */
export function isChangeOf<F extends AnyFamily, K extends TopicOf<F>>(
  family: F,
  e: ChangeRecord,
  topicName: K,
): e is ChangeRecord<K, TopicPayloads<F>[K] & Record<string, unknown>> {
  return e.topic === topicName && topicName in family.topics;
}
