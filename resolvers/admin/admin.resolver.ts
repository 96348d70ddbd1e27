import { OperationTypeNode } from 'graphql';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  UseMiddleware,
  type MiddlewareFn,
} from 'type-graphql';
import {
  createClient,
  issueKey,
  keysOf,
  listPrincipals,
  revokeKey,
  rotateKey,
  updateGrants,
} from '../../src/auth/admin.service';
import type { ApiKeyRow } from '../../src/auth/api-key.entity';
import { Role } from '../../src/auth/principal';
import type { PrincipalRow } from '../../src/auth/principal.entity';
import { verifyChain } from '../../src/feed/verify';
import type { HubContext } from '../context';
import { DateTimeScalar } from '../common/scalars';
import { ApiKey, ChainVerificationType, CreateClientInput, GrantsInput, IssuedApiKey, Principal } from './admin.type';

/**
 * After an admin mutation has committed, this process forgets the keys it had
 * validated, so that a revoked key or a narrowed grant takes effect with the
 * very next request (other processes follow through their change feed).
 */
const forgetKeys: MiddlewareFn<HubContext> = async ({ context, info }, next) => {
  try {
    return (await next()) as unknown;
  } finally {
    if (info.operation.operation === OperationTypeNode.MUTATION) context.services.keyCache.clear();
  }
};

/**
 * Operators' API: principals, grants and keys, and the change log's integrity. Every mutation is logged under topic
 * ADMIN.
 */
@Authorized(Role.ADMIN)
@UseMiddleware(forgetKeys)
@Resolver(() => Principal)
export class AdminResolver {
  @Query(() => [Principal], { description: 'Every principal with its grants (ADMIN).' })
  principals(@Ctx() ctx: HubContext): Promise<PrincipalRow[]> {
    return listPrincipals(ctx.em);
  }

  @FieldResolver(() => [ApiKey], { description: 'Its keys, newest first.' })
  async keys(@Root() p: PrincipalRow, @Ctx() ctx: HubContext): Promise<ApiKeyRow[]> {
    return ctx.loaders.keysByPrincipal.load(p.id);
  }

  @Mutation(() => IssuedApiKey, { description: 'Creates a client principal with grants and its first key (ADMIN).' })
  async createClient(
    @Arg('input', () => CreateClientInput) input: CreateClientInput,
    @Ctx() ctx: HubContext,
  ): Promise<IssuedApiKey> {
    const { principal, apiKey } = await createClient(ctx.em, ctx.principal, input, ctx.services.registry);
    const [key] = await keysOf(ctx.em, [principal.id]);
    return { principal: principal as unknown as Principal, key, apiKey };
  }

  @Mutation(() => Principal, { description: "Replaces a principal's grants for the lists given (ADMIN)." })
  async updateGrants(
    @Arg('principal', () => String) name: string,
    @Arg('input', () => GrantsInput) input: GrantsInput,
    @Ctx() ctx: HubContext,
  ): Promise<PrincipalRow> {
    return updateGrants(ctx.em, ctx.principal, name, input, ctx.services.registry);
  }

  @Mutation(() => IssuedApiKey, { description: 'Issues an additional key for a principal (ADMIN).' })
  async issueApiKey(
    @Arg('principal', () => String) name: string,
    @Ctx() ctx: HubContext,
    @Arg('expiresAt', () => DateTimeScalar, { nullable: true }) expiresAt?: Date | null,
  ): Promise<IssuedApiKey> {
    const { key, apiKey } = await issueKey(ctx.em, ctx.principal, name, expiresAt);
    return { principal: key.principal as unknown as Principal, key, apiKey };
  }

  @Mutation(() => IssuedApiKey, {
    description:
      'Issues a new key for the same principal; the old key keeps working for graceSeconds (default one day), then expires (ADMIN).',
  })
  async rotateApiKey(
    @Arg('keyId', () => Int) keyId: number,
    @Ctx() ctx: HubContext,
    @Arg('graceSeconds', () => Int, { defaultValue: 86400 }) graceSeconds: number,
  ): Promise<IssuedApiKey> {
    const { key, apiKey, old } = await rotateKey(ctx.em, ctx.principal, keyId, graceSeconds);
    return { principal: old.principal as unknown as Principal, key, apiKey };
  }

  @Mutation(() => ApiKey, { description: 'Revokes a key at once (ADMIN).' })
  revokeApiKey(@Arg('keyId', () => Int) keyId: number, @Ctx() ctx: HubContext): Promise<ApiKeyRow> {
    return revokeKey(ctx.em, ctx.principal, keyId);
  }

  @Query(() => ChainVerificationType, {
    description: 'Recomputes the SM3 hash chain of the whole change log and names the first broken link (ADMIN).',
  })
  async verifyChangeLog(@Ctx() ctx: HubContext): Promise<ChainVerificationType> {
    const v = await verifyChain(ctx.em);
    return {
      ...v,
      lastSeq: String(v.lastSeq),
      firstBrokenSeq: v.firstBrokenSeq === null ? null : String(v.firstBrokenSeq),
    };
  }
}
