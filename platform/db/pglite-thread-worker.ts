/**
 * The worker thread of an embedded database: owns one PGlite instance and runs what the owner asks, so the engine's
 * WebAssembly runs beside the thread that serves GraphQL instead of on it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PGlite, Transaction as PgliteTransaction } from '@electric-sql/pglite';
import { runStatements, type Statement } from './database.js';
import { createPgliteEngine } from './pglite-engine.js';
import { abortedBy, toThreadError, type ThreadError, type ThreadInit, type ThreadReply, type ThreadRequest } from './pglite-thread-protocol.js';

if (!parentPort) throw new Error('pglite-thread-worker runs as a worker thread');
const port = parentPort;
const init = workerData as ThreadInit;

/** Thrown inside a transaction callback to make PGlite roll it back. */
const ROLLBACK = Symbol('rollback');
/** Thrown inside a transaction callback whose first statement failed (answered already): PGlite rolls it back. */
const FIRST_FAILED = Symbol('first statement failed');

/** How the owner ends a transaction: commit (after the statements queued for the commit) or roll back. */
interface Ending {
  commit: boolean;
  endId: number;
  atCommit?: Statement[];
}

interface OpenTransaction {
  tx: PgliteTransaction;
  /** Ends the transaction as the `end` request `endId` asks. */
  end(decision: Ending): void;
}

type StatementRequest = Extract<ThreadRequest, { op: 'query' | 'exec' }>;
type TransactionRequest = StatementRequest | Extract<ThreadRequest, { op: 'end' }>;

const reply = (message: ThreadReply) => port.postMessage(message);
const fail = (id: number, error: unknown) => reply({ id, ok: false, error: toThreadError(error) });

async function main(): Promise<void> {
  const { db, statements } = await createPgliteEngine(init.dataDir);
  const open = new Map<number, OpenTransaction>();
  /** Transactions begun and not yet running (the engine is busy): what the owner sent for them meanwhile, in order. */
  const opening = new Map<number, TransactionRequest[]>();
  /** Transactions whose first statement failed (rolled back): later statements are refused until the owner's `end`. */
  const failed = new Map<number, ThreadError>();

  const target = (tx: number | undefined) => {
    if (tx === undefined) return db;
    const t = open.get(tx);
    if (!t) throw new Error(`transaction ${tx} is not open`);
    return t.tx;
  };

  /** Runs a statement on the engine or in an open transaction. */
  const run = async (on: PGlite | PgliteTransaction, request: StatementRequest): Promise<unknown[] | undefined> => {
    if (request.op === 'query') return statements.query(request.sql, request.params, on !== db);
    await on.exec(request.sql);
    statements.reset();
    return undefined;
  };
  /** The statements a transaction queued for its commit, run in it. */
  const inCommit = (atCommit: readonly Statement[] | undefined) =>
    runStatements({ query: (sql, params) => statements.query(sql, params, true) }, atCommit ?? []);

  // The transaction opens with its first statement and stays open in PGlite (holding its lock) until the owner's
  // `end`; the reply to `end` reports the commit, or its failure. What the owner sent for it before it ran waits and
  // then runs right after the first statement, in order, with no round trip to the owner in between. A first statement
  // that fails rolls the transaction back at once, its reply reports the error, and the statements that followed it
  // are refused (25P02).
  const begin = (first: StatementRequest) => {
    const txId = first.tx as number;
    opening.set(txId, []);
    let endId = -1;
    db.transaction(async (tx) => {
      let rows: unknown[] | undefined;
      try {
        rows = await run(tx, first);
      } catch (error) {
        // Its reply goes first: the owner learns the cause before the refusals that follow from it.
        fail(first.id, error);
        const cause = toThreadError(error);
        let ended = false;
        for (const request of opening.get(txId) ?? []) {
          if (request.op !== 'end') fail(request.id, abortedBy(cause));
          else {
            ended = true;
            reply({ id: request.id, ok: true });
          }
        }
        opening.delete(txId);
        if (!ended) failed.set(txId, cause);
        throw FIRST_FAILED;
      }
      const decision = new Promise<Ending>((resolve) => open.set(txId, { tx, end: resolve }));
      reply({ id: first.id, ok: true, rows });
      const waiting = opening.get(txId) ?? [];
      opening.delete(txId);
      for (const request of waiting) dispatch(request);
      const { commit, endId: ending, atCommit } = await decision;
      endId = ending;
      if (!commit) throw ROLLBACK;
      // A failing statement throws here: PGlite rolls back and the `end` request reports the error.
      await inCommit(atCommit);
    }).then(
      () => reply({ id: endId, ok: true }),
      (error: unknown) => {
        if (error === ROLLBACK) reply({ id: endId, ok: true });
        // A first statement that failed was answered already; its transaction has no `end` to answer yet.
        else if (endId >= 0) fail(endId, error);
      },
    ).finally(() => open.delete(txId));
  };

  /** Handles one request (in the order they arrive, or, for a transaction that was not running yet, as queued). */
  const dispatch = (request: ThreadRequest): void => {
    void (async () => {
      try {
        switch (request.op) {
          case 'query':
          case 'exec': {
            if (request.begin) {
              begin(request);
              return;
            }
            const queue = request.tx === undefined ? undefined : opening.get(request.tx);
            if (queue) {
              queue.push(request);
              return;
            }
            const refused = request.tx === undefined ? undefined : failed.get(request.tx);
            if (refused) throw abortedBy(refused);
            reply({ id: request.id, ok: true, rows: await run(target(request.tx), request) });
            return;
          }
          case 'end': {
            if (request.tx === undefined) {
              if (request.commit) await db.transaction(() => inCommit(request.atCommit));
              reply({ id: request.id, ok: true });
              return;
            }
            const queue = opening.get(request.tx);
            if (queue) {
              queue.push(request);
              return;
            }
            if (failed.delete(request.tx)) {
              reply({ id: request.id, ok: true });
              return;
            }
            const t = open.get(request.tx);
            if (!t) throw new Error(`transaction ${request.tx} is not open`);
            t.end({ commit: request.commit, endId: request.id, atCommit: request.atCommit });
            return;
          }
          case 'close':
            await db.close();
            reply({ id: request.id, ok: true });
            port.close();
            return;
        }
      } catch (error) {
        fail(request.id, error);
      }
    })();
  };

  port.on('message', dispatch);
  port.postMessage({ ready: true });
}

main().catch((error: unknown) => port.postMessage({ ready: false, error: toThreadError(error) }));
