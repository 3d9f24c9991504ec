import DataLoader from 'dataloader';
import type { Principal } from '../auth/principal.js';
import { rowVisible, type RowRule, type ScopedRecord } from '../auth/row-policy.js';

/** Loader options shared by every loader: batches are capped so one `ANY($1)` parameter stays reasonable. */
const OPTIONS = { maxBatchSize: 5000 };

/**
 * A per-request loader of records by id: one query per batch, results in key order, null for missing ids.
 */
export function byIdLoader<T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await fetch(ids);
    const index = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => index.get(id) ?? null);
  }, OPTIONS);
}

/**
 * A per-request loader of child lists by parent key (for example invoices by project): one query per batch,
 * an empty list for keys without children.
 */
export function groupLoader<T>(fetch: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string | readonly string[]): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await fetch(keys);
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const k = keyOf(row);
      for (const key of typeof k === 'string' ? [k] : k) {
        const list = groups.get(key);
        if (list) list.push(row);
        else groups.set(key, [row]);
      }
    }
    return keys.map((k) => groups.get(k) ?? []);
  }, OPTIONS);
}

/** A per-request loader of one computed value per key (aggregates such as billed to date); null when absent. */
export function valueLoader<V>(fetch: (keys: readonly string[]) => Promise<Map<string, V>>): DataLoader<string, V | null> {
  return new DataLoader<string, V | null>(async (keys) => {
    const values = await fetch(keys);
    return keys.map((k) => values.get(k) ?? null);
  }, OPTIONS);
}

/** Keeps only the rows a caller may see under a rule (legal entity, own resource). */
export function visibleRows<T extends ScopedRecord>(rows: T[], rule: RowRule, principal: Principal): T[] {
  return rule.kind === 'shared' ? rows : rows.filter((r) => rowVisible(rule, principal, r));
}

/**
 * `byIdLoader` for a scoped entity: a row the caller may not see loads as null, exactly like a missing one, so
 * neither its data nor its existence leaks (root fields, nested references and `_entities` alike).
 */
export function scopedByIdLoader<T extends { id: string } & ScopedRecord>(fetch: (ids: readonly string[]) => Promise<T[]>, rule: RowRule, principal: Principal): DataLoader<string, T | null> {
  return byIdLoader(async (ids) => visibleRows(await fetch(ids), rule, principal));
}

/** `groupLoader` for a scoped entity: child lists hold only the rows the caller may see. */
export function scopedGroupLoader<T extends ScopedRecord>(fetch: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string | readonly string[], rule: RowRule, principal: Principal): DataLoader<string, T[]> {
  return groupLoader(async (keys) => visibleRows(await fetch(keys), rule, principal), keyOf);
}
