import { DomainError, ErrorCode } from '../../../../platform/domain/index.js';
import { auditChange, isUnitOfWork, type AuditableRecord, type BulkColumn, type ColumnKind, type ColumnSpec, type Queryable, type Table, type TableDef } from '../../../../platform/db/index.js';

const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The storage columns of a table definition, in the order `Table.toValues` produces values. */
function columnsOf<T>(def: TableDef<T>): BulkColumn[] {
  return Object.entries(def.fields as Record<string, ColumnSpec>).flatMap(([field, spec]): BulkColumn[] => {
    const kind = (spec.endsWith('?') ? spec.slice(0, -1) : spec) as ColumnKind;
    const base = snake(field);
    if (kind === 'money') return [{ name: `${base}_minor`, type: 'bigint' }, { name: `${base}_currency`, type: 'text' }];
    return [{ name: base, type: kind }];
  });
}

function arrayValue(type: BulkColumn['type'], v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (type === 'jsonb') return typeof v === 'string' ? v : JSON.stringify(v);
  if (typeof v === 'bigint') return v.toString();
  return v;
}

/**
 * Writes many changed records in ONE `UPDATE … FROM unnest(…)` statement, each only if its stored version is still
 * the one it was read at. Batch approvals of thousands of entries then cost one round trip instead of thousands.
 * If any row was changed by someone else in between, the whole batch fails with VERSION_CONFLICT (the caller's
 * transaction rolls back, so nothing of the batch is written). `before` holds each record as it was read, in the
 * order of `records`; inside a unit of work every row's change is audited (one audit record per row, written with
 * the rest of the audit in one statement at commit).
 */
export async function saveManyVersioned<T extends AuditableRecord & { version: number }>(
  db: Queryable,
  def: TableDef<T>,
  table: Table<T>,
  entity: string,
  records: readonly T[],
  before: readonly T[],
): Promise<void> {
  if (records.length === 0) return;
  if (records.length !== before.length) throw new Error('saveManyVersioned: one record as read per changed record is required');
  for (let i = 0; i < records.length; i += 1) {
    if (records[i]!.id !== before[i]!.id) throw new Error(`saveManyVersioned: record ${i} is ${records[i]!.id} but was read as ${before[i]!.id}`);
  }
  const previousVersions = before.map((r) => r.version);
  const columns = columnsOf(def);
  const rows = records.map((r) => table.toValues(r));
  // Column 0 is the id: it identifies the row and is never rewritten.
  const writable = columns.map((c, i) => ({ ...c, i })).filter((c) => c.name !== 'id');
  const idIndex = columns.findIndex((c) => c.name === 'id');
  const params: unknown[] = [records.map((r) => r.id), [...previousVersions]];
  const unnestArgs = ['$1::text[]', '$2::int[]'];
  for (const c of writable) {
    params.push(rows.map((row) => arrayValue(c.type, row[c.i])));
    unnestArgs.push(`$${params.length}::${c.type === 'jsonb' ? 'text' : c.type}[]`);
  }
  if (idIndex < 0) throw new Error(`table ${def.table} has no id column`);
  const aliases = ['k_id', 'k_version', ...writable.map((_, j) => `c${j}`)];
  const assignments = writable.map((c, j) => `${c.name} = u.c${j}${c.type === 'jsonb' ? '::jsonb' : ''}`).join(', ');
  // `id = ANY` besides the join makes the planner find the rows by primary key whatever its statistics say.
  const result = await db.query<{ n: number }>(
    `WITH changed AS (
       UPDATE ${def.table} AS t SET ${assignments}
       FROM unnest(${unnestArgs.join(', ')}) AS u(${aliases.join(', ')})
       WHERE t.id = u.k_id AND t.id = ANY($1::text[]) AND t.version = u.k_version
       RETURNING 1)
     SELECT count(*)::int AS n FROM changed`,
    params,
  );
  const written = Number(result[0]?.n ?? 0);
  if (written !== records.length) {
    throw new DomainError(ErrorCode.VERSION_CONFLICT, `${records.length - written} of ${records.length} ${entity} records were changed by someone else; reload and retry`, {
      entity, expected: records.length, written,
    });
  }
  if (isUnitOfWork(db)) db.audit(...records.map((next, i) => auditChange(entity, before[i]!, next)));
}

/** Inserts many new records with one statement per chunk; inside a unit of work each row is audited as a creation. */
export async function insertManyAudited<T extends AuditableRecord>(db: Queryable, table: Table<T>, entity: string, records: readonly T[]): Promise<void> {
  if (records.length === 0) return;
  await table.insertMany(db, records);
  if (isUnitOfWork(db)) db.audit(...records.map((r) => auditChange(entity, null, r)));
}
