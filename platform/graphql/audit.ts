import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import { Table } from '../db/table.js';

/** An audit entry as stored (one row of `audit_log`). */
export interface AuditEntryRecord {
  id: string;
  at: string;
  actor: string;
  roles: string[];
  correlationId: string;
  operation: string | null;
  entityType: string;
  entityId: string;
  action: string;
  fromVersion: number | null;
  toVersion: number | null;
  fromStatus: string | null;
  toStatus: string | null;
}

const auditLog = new Table<AuditEntryRecord>({
  table: 'audit_log',
  fields: {
    id: 'text', at: 'timestamptz', actor: 'text', roles: 'jsonb', correlationId: 'text', operation: 'text?', entityType: 'text', entityId: 'text',
    action: 'text', fromVersion: 'int?', toVersion: 'int?', fromStatus: 'text?', toStatus: 'text?',
  },
});

/** Per-request loaders of a subgraph's audit log (by correlation id; by entity). */
export interface AuditLoaders {
  byCorrelation: DataLoader<string, AuditEntryRecord[]>;
  byEntity: DataLoader<string, AuditEntryRecord[]>;
}

const entityKey = (type: string, id: string): string => `${type}\u0000${id}`;

/** Builds the audit loaders of one request. */
export function createAuditLoaders(db: Database): AuditLoaders {
  return {
    byCorrelation: new DataLoader(async (ids) => {
      const rows = await auditLog.findWhere(db, 'correlation_id = ANY($1::text[])', [ids], 'at, id');
      return ids.map((id) => rows.filter((r) => r.correlationId === id));
    }),
    byEntity: new DataLoader(async (keys) => {
      const pairs = keys.map((k) => k.split('\u0000') as [string, string]);
      const rows = await auditLog.findWhere(db, '(entity_type, entity_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))', [pairs.map((p) => p[0]), pairs.map((p) => p[1])], 'at, id');
      return keys.map((k) => rows.filter((r) => entityKey(r.entityType, r.entityId) === k));
    }),
  };
}

interface AuditContext {
  audit: AuditLoaders;
}

/**
 * Resolvers for the audit entities every subgraph contributes to (`AuditTrail`, `EntityHistory`): the subgraph's
 * field, named after it, lists what its own audit log holds.
 */
export function auditResolvers(subgraph: string, withRootFields: boolean) {
  const entry = { subgraph: () => subgraph };
  const resolvers: Record<string, unknown> = {
    AuditEntry: entry,
    AuditTrail: {
      __resolveReference: (ref: { correlationId: string }) => ({ correlationId: ref.correlationId }),
      [subgraph]: (parent: { correlationId: string }, _args: unknown, ctx: AuditContext) => ctx.audit.byCorrelation.load(parent.correlationId),
    },
    EntityHistory: {
      __resolveReference: (ref: { entityType: string; entityId: string }) => ({ entityType: ref.entityType, entityId: ref.entityId }),
      [subgraph]: (parent: { entityType: string; entityId: string }, _args: unknown, ctx: AuditContext) => ctx.audit.byEntity.load(entityKey(parent.entityType, parent.entityId)),
    },
  };
  if (withRootFields) {
    resolvers.Query = {
      auditTrail: (_p: unknown, args: { correlationId: string }) => ({ correlationId: args.correlationId }),
      entityHistory: (_p: unknown, args: { entityType: string; entityId: string }) => ({ entityType: args.entityType, entityId: args.entityId }),
    };
  }
  return resolvers;
}
