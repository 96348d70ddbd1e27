import { createHash } from 'node:crypto';
import {
  createSourceEventStream,
  execute,
  getNamedType,
  getNullableType,
  getOperationAST,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  OperationTypeNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLLeafType,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import { LRUCache } from 'lru-cache';
import { collectOperation } from './operation';
import { accessKey, type Principal } from '../auth/principal';

/**
 * A subscription root field's value for one event, as its resolver returns it (a subscription the compiler may answer
 * without graphql-js).
 */
export type CompiledSubscriptionRoot = (event: unknown, context: unknown) => object;

/**
 * Raised inside a compiled projection when graphql-js must answer instead (a null in a non-null field, a value a scalar
 * refuses).
 */
class NotCompiled extends Error {}

/**
 * The result of a subscription's selection for one event without graphql-js,
 * when the operation is one root field of `roots` selecting only leaf fields
 * (and __typename) without arguments: each leaf serialised by its own GraphQL
 * type, in selection order, under its response name. Null when the operation
 * is anything else. The values equal what execute() returns (compared in
 * test/e2e/compiled-read.test.ts); on any surprise the event goes to execute().
 */
export function compileSubscription(
  args: ExecutionArgs,
  roots: Readonly<Record<string, CompiledSubscriptionRoot>>,
  doingMore: ReadonlySet<string>,
): ((event: unknown) => ExecutionResult) | null {
  const { schema, document } = args;
  const op = getOperationAST(document, args.operationName);
  const type = schema.getSubscriptionType();
  if (!op || op.operation !== OperationTypeNode.SUBSCRIPTION || !type) return null;
  const collected = collectOperation(schema, document, op, type, args.variableValues);
  if (!collected) return null;
  const { fragments, variables } = collected;
  const fields = [...collected.fields];
  if (fields.length !== 1) return null;
  const [rootName, rootNodes] = fields[0];
  const root = roots[rootNodes[0].name.value];
  const rootField = type.getFields()[rootNodes[0].name.value];
  const returned = rootField && getNamedType(rootField.type);
  if (!root || !isObjectType(returned) || isListType(getNullableType(rootField.type))) return null;
  const leaves: [responseName: string, field: string, leaf: GraphQLLeafType | null, nonNull: boolean][] = [];
  for (const [responseName, nodes] of collectSubfields(schema, fragments, variables, returned, rootNodes)) {
    const name = nodes[0].name.value;
    if (name === '__typename') {
      leaves.push([responseName, name, null, true]);
      continue;
    }
    const field = returned.getFields()[name];
    // Only default-resolved leaves: a field with a resolver of its own (or a list) goes through graphql-js.
    if (
      !field ||
      doingMore.has(`${returned.name}.${name}`) ||
      nodes.some((n) => n.arguments?.length) ||
      !isLeafType(getNamedType(field.type))
    )
      return null;
    if (isListType(isNonNullType(field.type) ? field.type.ofType : field.type)) return null;
    leaves.push([responseName, name, getNamedType(field.type) as GraphQLLeafType, isNonNullType(field.type)]);
  }
  const typeName = returned.name;
  const context = args.contextValue;
  return (event) => {
    const source = root(event, context) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [responseName, name, leaf, nonNull] of leaves) {
      if (!leaf) {
        out[responseName] = typeName;
        continue;
      }
      const value = source[name];
      if (value === null || value === undefined) {
        if (nonNull) throw new NotCompiled();
        out[responseName] = null;
      } else {
        const serialised = leaf.serialize(value);
        if (serialised === undefined) throw new NotCompiled();
        out[responseName] = serialised;
      }
    }
    return { data: { [rootName]: out } };
  };
}

/**
 * The JSON of a `next` message's payload for a result, as graphql-ws writes it; null for a result that must go through
 * graphql-ws's own path (still running, or with errors its onNext hook formats).
 */
function payloadText(result: Promise<ExecutionResult> | ExecutionResult): string | null {
  if (typeof (result as Partial<PromiseLike<unknown>>).then === 'function') return null;
  const r = result as ExecutionResult;
  const keys = Object.keys(r);
  if (keys.length !== 1 || keys[0] !== 'data' || !r.data) return null;
  return `{"data":${JSON.stringify(r.data)}}`;
}

/**
 * Where a subscription's `next` messages go when they skip graphql-ws's
 * iteration (the broadcast path): the subscription's id and its connection.
 */
export interface DirectTarget {
  /** The subscription's id in the graphql-ws protocol. */
  id: string;
  /** Writes one message to the connection now; false (nothing written) when it is closed or has too much queued. */
  write(message: string): boolean;
}

/** A source event stream that can deliver live events past its iterator (src/feed/stream.ts, ChangeStream.direct). */
interface DirectSource {
  direct(sink: ((event: never) => boolean) | undefined): void;
}

const isDirectSource = (x: unknown): x is DirectSource =>
  typeof (x as Partial<DirectSource> | null)?.direct === 'function';

/** The subscribers of one shape on the broadcast path: each event's payload JSON, serialised once for all of them. */
interface Broadcast {
  /** By event object (the feed hands every live stream the same objects): the payload text, null when not shareable. */
  texts: WeakMap<object, string | null>;
  members: number;
}

/**
 * One execution per change event and subscription shape, shared by every
 * subscriber of that shape.
 *
 * graphql-js executes a subscription's selection once per event and
 * subscriber: a thousand dashboards following the same feed cost a thousand
 * executions of the same selection on the same event. What an execution
 * returns depends only on the event, the operation (document, operation name,
 * variables) and what the caller may see (its grants decide masking), so those
 * make the share key, and subscribers with equal keys receive the very same
 * result. Events without a seq (not change-log events) are executed per
 * subscriber as graphql-ws would.
 */
export class SharedExecutions {
  /** Results by `<seq>:<shape>`, the least recently used dropped beyond `maxEntries`. */
  private readonly results: LRUCache<string, Promise<ExecutionResult> | ExecutionResult>;
  /** Open subscriptions per shape: a shape with one subscriber has nobody to share with, and skips the cache. */
  private readonly open = new Map<string, number>();
  /** `next` messages written on the broadcast path. */
  broadcastMessages = 0;
  /** Broadcast groups by shape. */
  private readonly broadcasts = new Map<string, Broadcast>();

  constructor(
    private readonly maxEntries = 20_000,
    /** Root fields whose leaf-only selections skip graphql-js (see compileSubscription); none: always execute(). */
    private readonly compiledRoots: Readonly<Record<string, CompiledSubscriptionRoot>> = {},
    /** `Type.field` of fields with a resolver or middlewares of their own (resolvers/field-metadata.ts). */
    private readonly doingMore: ReadonlySet<string> = new Set(),
  ) {
    this.results = new LRUCache({ max: maxEntries });
  }

  /** The key of one subscription's shape: operation and variables, and the grants that decide masking. */
  static shapeKey(
    query: string,
    operationName: string | null | undefined,
    variables: unknown,
    principal: Principal,
  ): string {
    return createHash('sha256')
      .update(JSON.stringify([query, operationName ?? null, variables ?? null, accessKey(principal)]))
      .digest('base64url');
  }

  /**
   * graphql's `subscribe`, with each event's execution shared under `shape` (see above).
   *
   * With a `target`, a subscription whose selection compiles (compileSubscription) also joins its shape's broadcast:
   * while it is live and idle, the feed's dispatch writes each new event straight to its connection as a graphql-ws
   * `next` message, the payload serialised once per shape and the subscription's id spliced in, without a round
   * through the iterators below. Everything else (replay, a connection with too much queued, a result with errors)
   * goes through the iterators as before; the change stream decides which way each event goes, in seq order.
   */
  async subscribe(
    args: ExecutionArgs,
    shape: string | undefined,
    target?: DirectTarget,
  ): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in Object(source))) return source as ExecutionResult;
    const events = (source as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    const compiled = compileSubscription(args, this.compiledRoots, this.doingMore);
    const executeOne = (event: unknown): Promise<ExecutionResult> | ExecutionResult => {
      if (compiled) {
        try {
          return compiled(event);
        } catch {
          // graphql-js answers (and reports) what the projection would not.
        }
      }
      return execute({ ...args, rootValue: event });
    };
    if (shape !== undefined) this.open.set(shape, (this.open.get(shape) ?? 0) + 1);
    const direct = target && compiled && shape !== undefined && isDirectSource(events) ? events : undefined;
    const broadcast = direct ? this.join(shape!) : undefined;
    if (direct && broadcast) {
      const prefix = `{"id":${JSON.stringify(target!.id)},"type":"next","payload":`;
      const text = (event: object): string | null => {
        let t = broadcast.texts.get(event);
        if (t === undefined) {
          t = payloadText(executeOne(event));
          broadcast.texts.set(event, t);
        }
        return t;
      };
      direct.direct((event: object) => {
        const t = text(event);
        if (t === null || !target!.write(prefix + t + '}')) return false;
        this.broadcastMessages += 1;
        return true;
      });
    }
    let closed = false;
    const close = () => {
      if (closed || shape === undefined) return;
      closed = true;
      if (direct && broadcast) {
        direct.direct(undefined);
        if (--broadcast.members === 0) this.broadcasts.delete(shape);
      }
      const n = (this.open.get(shape) ?? 1) - 1;
      if (n > 0) this.open.set(shape, n);
      else this.open.delete(shape);
    };
    const run = (event: unknown): Promise<ExecutionResult> | ExecutionResult => {
      const seq = (event as { seq?: unknown } | null)?.seq;
      if (shape === undefined || typeof seq !== 'number' || this.open.get(shape) === 1) return executeOne(event);
      const key = `${seq}:${shape}`;
      let result = this.results.get(key);
      if (!result) {
        result = executeOne(event);
        this.results.set(key, result);
      }
      return result;
    };
    // next/return/throw and the iterator symbol: graphql-ws treats it as a generator and calls return() on complete.
    const iterator: AsyncIterableIterator<ExecutionResult> & {
      return(): Promise<IteratorResult<ExecutionResult>>;
      throw(err: unknown): Promise<IteratorResult<ExecutionResult>>;
    } = {
      async next() {
        let r: IteratorResult<unknown>;
        try {
          r = await events.next();
        } catch (err) {
          close();
          throw err;
        }
        if (r.done) {
          close();
          return { value: undefined, done: true };
        }
        return { value: await run(r.value), done: false };
      },
      async return() {
        close();
        await events.return?.();
        return { value: undefined, done: true };
      },
      async throw(err: unknown) {
        close();
        await events.return?.();
        throw err;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
    return iterator;
  }

  private join(shape: string): Broadcast {
    let b = this.broadcasts.get(shape);
    if (!b) this.broadcasts.set(shape, (b = { texts: new WeakMap(), members: 0 }));
    b.members += 1;
    return b;
  }

  get size(): number {
    return this.results.size;
  }

  /** Subscriptions on the broadcast path (joined, live or not yet). */
  get broadcasting(): number {
    let n = 0;
    for (const b of this.broadcasts.values()) n += b.members;
    return n;
  }

  /** Shapes with at least one open subscription. */
  get openShapes(): number {
    return this.open.size;
  }
}
