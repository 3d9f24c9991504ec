import {
  defaultFieldResolver, getNamedType, getNullableType, isListType, isObjectType, type GraphQLField, type GraphQLSchema,
} from 'graphql';
import { referenceResolverOf } from './entities.js';
import type { Database } from '../db/database.js';
import { claimIdempotencyKey, recordIdempotentResult, releaseIdempotencyKey, replaysAs, requestHash, type StoredResult } from '../db/idempotency.js';
import type { Invocation } from '../domain/invocation.js';

interface IdempotentContext {
  invocation: Invocation;
}

/**
 * What a mutation returned, to replay later: the ids of entities (re-read on replay, so row and field rules apply
 * to the caller then), or the value itself when it has no id and is plain data (a flow named by its correlation id).
 */
function refsOf(value: unknown, typename: string): StoredResult {
  if (typeof value === 'boolean') return { refs: [], value };
  const items = Array.isArray(value) ? value : [value];
  const refs = items.filter((v): v is { id: string } => !!v && typeof (v as { id?: unknown }).id === 'string').map((v) => ({ typename, id: v.id }));
  if (refs.length === items.length) return { refs };
  try {
    return { refs, value: JSON.parse(JSON.stringify(value ?? null)) };
  } catch {
    return { refs };
  }
}

/**
 * Gives every mutation whose input carries `idempotencyKey` Stripe semantics, in the subgraph that owns it. The key is
 * claimed first (concurrent duplicates see IDEMPOTENCY_KEY_IN_FLIGHT), completed in the same transaction as the
 * writes (the unit of work does it), and a repeat with the same input returns the same entities, re-read so that row and
 * field rules still apply; a repeat with another input is IDEMPOTENCY_KEY_REUSED. Keys are scoped to the caller.
 */
export function enforceIdempotency(schema: GraphQLSchema, db: Database): void {
  const mutation = schema.getMutationType();
  if (!mutation) return;
  for (const field of Object.values(mutation.getFields()) as Array<GraphQLField<unknown, IdempotentContext>>) {
    const resolve = field.resolve ?? defaultFieldResolver;
    const returned = getNamedType(field.type);
    const many = isListType(getNullableType(field.type));
    field.resolve = async (source, args, context, info) => {
      const input = (args as { input?: { idempotencyKey?: string | null } }).input;
      const key = input?.idempotencyKey;
      if (!key) return resolve(source, args, context, info);
      const scope = context.invocation.actor;
      const claim = await claimIdempotencyKey(db, scope, key, field.name, requestHash(field.name, input));
      if (claim.kind === 'replay') {
        if ('value' in claim.result) return claim.result.value;
        const resolveReference = isObjectType(returned) ? referenceResolverOf(returned) : undefined;
        const refs = claim.result.refs.filter((r) => r.typename === returned.name);
        const load = (r: { typename: string; id: string }) => (resolveReference ? resolveReference({ __typename: r.typename, id: r.id }, context, info) : { id: r.id });
        return many ? Promise.all(refs.map(load)) : refs[0] ? load(refs[0]) : null;
      }
      context.invocation.idempotency = { scope, key, resultOf: (value) => refsOf(value, returned.name) };
      try {
        const value = await resolve(source, args, context, info);
        const result = refsOf(value, returned.name);
        // The unit of work completed the key with what its work returned; that is refined only when a replay would
        // differ (the resolver answers something else than what the transaction returned).
        if (!replaysAs(context.invocation.idempotency?.completed, result, returned.name)) await recordIdempotentResult(db, scope, key, result);
        return value;
      } catch (error) {
        await releaseIdempotencyKey(db, scope, key);
        throw error;
      } finally {
        context.invocation.idempotency = undefined;
      }
    };
  }
}
