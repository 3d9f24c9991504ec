import type { Queryable } from '../db/database.js';

/** Number of buckets key sets are summarised in. */
export const KEY_BUCKETS = 64;

/** Most samples a check reports. */
const SAMPLES = 20;

/** A consistency check within one service: SQL returning one row (column `key`) per violating record. */
export interface CheckSpec {
  name: string;
  description: string;
  sql: string;
}

/** What a service offers the invariant check: its own checks, and key sets (SQL returning a `key` column) by name. */
export interface IntegritySpec {
  checks: readonly CheckSpec[];
  sets: Readonly<Record<string, string>>;
}

export interface OutboxBacklog {
  unpublished: number;
  oldestUnpublishedAt: string | null;
  failing: number;
}

export interface CheckResult {
  name: string;
  description: string;
  violations: number;
  samples: string[];
}

export interface KeyBucket {
  bucket: number;
  count: number;
  checksum: string;
}

/** A key set, computed on demand. */
export interface KeySetModel {
  name: string;
  count(): Promise<number>;
  buckets(): Promise<KeyBucket[]>;
  keys(bucket: number): Promise<string[]>;
}

/** The report a service's `<service>Integrity` root field returns; its parts are computed when selected. */
export interface IntegrityReportModel {
  service: string;
  outbox(): Promise<OutboxBacklog>;
  checks(): Promise<CheckResult[]>;
  set(name: string): KeySetModel | null;
  sets(): string[];
}

// The bucket is the first byte of the key's md5 modulo 64; the checksum sums 60 bits of it (as numeric, no overflow).
const BUCKET = `(('x' || substr(md5(key), 1, 2))::bit(8)::int % ${KEY_BUCKETS})`;
const HASH60 = `(('x' || substr(md5(key), 3, 15))::bit(60)::bigint)::numeric`;

/** Builds the integrity report of a service over its database. */
export function integrityReport(service: string, spec: IntegritySpec, db: Queryable): IntegrityReportModel {
  return {
    service,
    outbox: async () => {
      const [row] = await db.query<{ unpublished: string; oldest: string | null; failing: string }>(
        `SELECT count(*) AS unpublished, min(occurred_at) AS oldest, count(*) FILTER (WHERE attempts > 0 OR last_error IS NOT NULL) AS failing FROM outbox WHERE published_at IS NULL`,
      );
      const oldest = row?.oldest ? new Date(row.oldest).toISOString() : null;
      return { unpublished: Number(row?.unpublished ?? 0), oldestUnpublishedAt: oldest, failing: Number(row?.failing ?? 0) };
    },
    checks: () => Promise.all(spec.checks.map(async (check) => {
      const [counted] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM (${check.sql}) violations`);
      const samples = await db.query<{ key: string }>(`SELECT key FROM (${check.sql}) violations ORDER BY key LIMIT ${SAMPLES}`);
      return { name: check.name, description: check.description, violations: Number(counted?.n ?? 0), samples: samples.map((s) => String(s.key)) };
    })),
    set: (name) => {
      const sql = Object.hasOwn(spec.sets, name) ? spec.sets[name] : undefined;
      if (!sql) return null;
      return {
        name,
        count: async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM (${sql}) k`))[0]?.n ?? 0),
        buckets: async () => {
          const rows = await db.query<{ bucket: number; n: string; checksum: string }>(
            `SELECT ${BUCKET} AS bucket, count(*) AS n, sum(${HASH60})::text AS checksum FROM (${sql}) k GROUP BY 1 ORDER BY 1`,
          );
          return rows.map((r) => ({ bucket: Number(r.bucket), count: Number(r.n), checksum: r.checksum }));
        },
        keys: async (bucket) => {
          if (!Number.isInteger(bucket) || bucket < 0 || bucket >= KEY_BUCKETS) return [];
          return (await db.query<{ key: string }>(`SELECT key FROM (${sql}) k WHERE ${BUCKET} = $1 ORDER BY key`, [bucket])).map((r) => String(r.key));
        },
      };
    },
    sets: () => Object.keys(spec.sets),
  };
}

/** Resolvers of the shared integrity types (their models compute each part when it is selected). */
export const integrityResolvers = {
  IntegrityReport: {
    outbox: (r: IntegrityReportModel) => r.outbox(),
    checks: (r: IntegrityReportModel) => r.checks(),
    set: (r: IntegrityReportModel, args: { name: string }) => r.set(args.name),
    sets: (r: IntegrityReportModel) => r.sets(),
  },
  KeySet: {
    count: (s: KeySetModel) => s.count(),
    buckets: (s: KeySetModel) => s.buckets(),
    keys: (s: KeySetModel, args: { bucket: number }) => s.keys(args.bucket),
  },
};
