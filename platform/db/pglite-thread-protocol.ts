/**
 * Messages between an embedded database's owner and the worker thread that runs it (see `pglite-thread.ts`).
 * Parameters arrive already normalised; rows travel by structured clone (bigint, strings, null survive unchanged).
 */

import type { Statement } from './database.js';

/**
 * What the owner asks. `tx` names the transaction a statement belongs to, an id the owner chooses; `begin` opens that
 * transaction with the statement as its first, so that opening costs no round trip of its own and the transaction lock
 * is not held while the owner prepares its first statement. Statements of the transaction may follow `begin` at once,
 * without waiting for its reply: the thread runs them after the first, in the order sent (or, when the first failed,
 * refuses them as PostgreSQL would). `end` without `tx` runs `atCommit` in a transaction of its own (a transaction
 * whose work only queued statements for its commit); an owner ends every transaction it began, even one whose first
 * statement failed.
 */
export type ThreadRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[]; tx?: number; begin?: true }
  | { id: number; op: 'exec'; sql: string; tx?: number; begin?: true }
  | { id: number; op: 'end'; tx?: number; commit: boolean; atCommit?: Statement[] }
  | { id: number; op: 'close' };

/** A database error as it crosses the thread boundary: its message and the fields callers read (code, constraint…). */
export interface ThreadError {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

/** What the worker answers, one reply per request. */
export type ThreadReply = { id: number; ok: true; rows?: unknown[] } | { id: number; ok: false; error: ThreadError };

/** The error of a statement of a transaction whose first statement failed (PostgreSQL's own code for it). */
export function abortedBy(cause: { message: string }): Error {
  return Object.assign(new Error(`current transaction is aborted: its first statement failed (${cause.message})`), { code: '25P02', cause });
}

/** What the worker is started with. */
export interface ThreadInit {
  dataDir: string | undefined;
}

/** Flattens an error for postMessage: structured clone keeps an Error's message but drops fields such as `code`. */
export function toThreadError(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === 'function' || (typeof value === 'object' && value !== null)) continue;
    fields[key] = value;
  }
  return { name: error.name, message: error.message, fields };
}

/** Rebuilds an error on the owner's side, with the fields it had in the worker. */
export function fromThreadError(e: ThreadError): Error {
  const error = new Error(e.message);
  error.name = e.name;
  return Object.assign(error, e.fields);
}
