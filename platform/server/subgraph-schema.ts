import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { defaultFieldResolver, parse, type GraphQLSchema } from 'graphql';
import type { Principal } from '../auth/principal.js';
import { restrictedToOwnResource } from '../auth/row-policy.js';
import type { Database } from '../db/database.js';
import type { Invocation } from '../domain/invocation.js';
import { auditResolvers, createAuditLoaders, type AuditLoaders } from '../graphql/audit.js';
import { enforceScopes } from '../graphql/authz.js';
import { integrityReport, integrityResolvers, type IntegritySpec } from '../integrity/report.js';
import { enforceIdempotency } from '../graphql/idempotency.js';
import { loadSubgraphSdl, type GraphService } from '../topology.js';
import type { Logger } from './logger.js';
import type { RequestScope } from './subgraph-server.js';

/** The part of the request context every subgraph shares. */
export interface BaseContext {
  correlationId: string;
  logger: Logger;
  principal: Principal;
  /** Who acts, for the use cases (actor, roles, correlation id, clock; the mutation name once known). */
  invocation: Invocation;
  audit: AuditLoaders;
}

function mergeResolvers(...maps: Array<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [type, value] of Object.entries(map)) {
      const existing = out[type];
      out[type] = existing && typeof existing === 'object' && typeof value === 'object' && !('serialize' in (value as object)) ? { ...existing, ...(value as object) } : value;
    }
  }
  return out;
}

/** Records the root mutation field on the invocation, so the audit trail names the operation behind each change. */
function tagMutations(schema: GraphQLSchema): void {
  const mutation = schema.getMutationType();
  if (!mutation) return;
  for (const field of Object.values(mutation.getFields())) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, context: { invocation?: Invocation }, info) => {
      // Root mutation fields execute one after another, so setting the name here cannot race.
      if (context.invocation) context.invocation.operation = info.fieldName;
      return resolve(source, args, context, info);
    };
  }
}

/**
 * Builds a subgraph's executable schema from its SDL and resolvers, adds the audit-trail and integrity-report
 * resolvers every subgraph shares, gives every mutation idempotency-key semantics, and enforces the SDL's `@requiresScopes` on every field and
 * entity.
 */
export function buildSecuredSubgraphSchema(name: GraphService, resolvers: object, db: Database, integrity: IntegritySpec): GraphQLSchema {
  const merged = mergeResolvers(
    resolvers as Record<string, unknown>,
    auditResolvers(name, name === 'crm'),
    integrityResolvers,
    { Query: { [`${name}Integrity`]: () => integrityReport(name, integrity, db) } },
  );
  const schema = buildSubgraphSchema([{ typeDefs: parse(loadSubgraphSdl(name)), resolvers: merged as GraphQLResolverMap<unknown> }]);
  // Order matters: the name is tagged first, idempotency wraps the resolver, scopes are checked before anything runs.
  enforceIdempotency(schema, db);
  tagMutations(schema);
  return enforceScopes(schema);
}

/** The shared part of a request context: the scope, the invocation derived from the principal, audit loaders. */
export function baseContext(scope: RequestScope, db: Database): BaseContext {
  return {
    ...scope,
    invocation: {
      actor: scope.principal.subject,
      roles: scope.principal.roles,
      correlationId: scope.correlationId,
      now: () => new Date().toISOString(),
      legalEntities: scope.principal.legalEntities,
      resourceId: scope.principal.resourceId,
      ownResourceOnly: restrictedToOwnResource(scope.principal),
      causationId: scope.causationId ?? null,
    },
    audit: createAuditLoaders(db),
  };
}
