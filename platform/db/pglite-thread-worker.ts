/**
 * The worker thread of an embedded database: owns one PGlite instance and runs what the owner asks, so the engine's
 * WebAssembly runs beside the thread that serves GraphQL instead of on it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PGlite, Transaction as PgliteTransaction } from '@electric-sql/pglite';
import { runStatements, type Statement } from './database.js';
import { createPgliteEngine } from './pglite-engine.js';
import { toThreadError, type ThreadInit, type ThreadReply, type ThreadRequest } from './pglite-thread-protocol.js';

if (!parentPort) throw new Error('pglite-thread-worker runs as a worker thread');
const port = parentPort;
const init = workerData as ThreadInit;

/** Thrown inside a transaction callback to make PGlite roll it back. */
const ROLLBACK = Symbol('rollback');

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

const reply = (message: ThreadReply) => port.postMessage(message);
const fail = (id: number, error: unknown) => reply({ id, ok: false, error: toThreadError(error) });

async function main(): Promise<void> {
  const db = await createPgliteEngine(init.dataDir);
  const open = new Map<number, OpenTransaction>();
  let nextTx = 1;

  const target = (tx: number | undefined) => {
    if (tx === undefined) return db;
    const t = open.get(tx);
    if (!t) throw new Error(`transaction ${tx} is not open`);
    return t.tx;
  };

  /** Runs a statement on the engine or in an open transaction. */
  const run = async (on: PGlite | PgliteTransaction, request: Extract<ThreadRequest, { op: 'query' | 'exec' }>): Promise<unknown[] | undefined> => {
    if (request.op === 'query') return (await on.query(request.sql, request.params)).rows;
    await on.exec(request.sql);
    return undefined;
  };

  // The transaction opens with its first statement and stays open in PGlite (holding its lock) until the owner's
  // `end`; the reply to `end` reports the commit, or its failure. A first statement that fails rolls the transaction
  // back at once, and its reply reports the error: the owner has no transaction to end then.
  const begin = (first: Extract<ThreadRequest, { op: 'query' | 'exec' }>) => {
    const txId = nextTx++;
    let endId = -1;
    db.transaction(async (tx) => {
      const decision = new Promise<Ending>((resolve) => open.set(txId, { tx, end: resolve }));
      let rows: unknown[] | undefined;
      try {
        rows = await run(tx, first);
      } catch (error) {
        open.delete(txId);
        throw error;
      }
      reply({ id: first.id, ok: true, tx: txId, rows });
      const { commit, endId: ending, atCommit } = await decision;
      endId = ending;
      if (!commit) throw ROLLBACK;
      // A failing statement throws here: PGlite rolls back and the `end` request reports the error.
      await runStatements(tx, atCommit ?? []);
    }).then(
      () => reply({ id: endId, ok: true }),
      (error: unknown) => (error === ROLLBACK ? reply({ id: endId, ok: true }) : fail(endId >= 0 ? endId : first.id, error)),
    ).finally(() => open.delete(txId));
  };

  port.on('message', (request: ThreadRequest) => {
    void (async () => {
      try {
        switch (request.op) {
          case 'query':
          case 'exec':
            if (request.begin) {
              begin(request);
              return;
            }
            reply({ id: request.id, ok: true, rows: await run(target(request.tx), request) });
            return;
          case 'end': {
            if (request.tx === undefined) {
              if (request.commit) await db.transaction((tx) => runStatements(tx, request.atCommit ?? []));
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
  });
  port.postMessage({ ready: true });
}

main().catch((error: unknown) => port.postMessage({ ready: false, error: toThreadError(error) }));
