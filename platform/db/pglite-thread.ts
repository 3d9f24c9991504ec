import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { abortedBy, fromThreadError, type ThreadError, type ThreadInit, type ThreadReply, type ThreadRequest } from './pglite-thread-protocol.js';
import type { Statement } from './database.js';
import type { EmbeddedEngine, EmbeddedStatements } from './pglite.js';

/**
 * Starts the worker script next to this module. Run from TypeScript sources, the thread registers the same loader
 * first (a worker does not inherit the loader hooks of its parent thread).
 */
function spawnWorker(init: ThreadInit): Worker {
  const ext = extname(fileURLToPath(import.meta.url));
  const script = new URL(`./pglite-thread-worker${ext}`, import.meta.url);
  if (ext !== '.ts') return new Worker(script, { workerData: init });
  const loader = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(loader)}).then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: init });
}

type Pending = { resolve: (reply: Extract<ThreadReply, { ok: true }>) => void; reject: (error: Error) => void };
type Request = ThreadRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * Runs an embedded database's engine on a worker thread of its own and talks to it by messages: PGlite's WebAssembly
 * is single-threaded and busy most of the time under load, so several databases on the thread that also serves
 * GraphQL would share one core between everything. Semantics are those of PGlite in the same thread: one transaction
 * at a time, other callers queue.
 */
export async function startPgliteThread(dataDir: string | undefined): Promise<EmbeddedEngine> {
  const worker = spawnWorker({ dataDir });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let nextTx = 1;
  let failure: Error | null = null;

  const failAll = (error: Error) => {
    failure = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('message', (m: { ready: boolean; error?: ThreadError }) => (m.ready ? resolve() : reject(fromThreadError(m.error as ThreadError))));
      worker.once('error', reject);
    });
  } catch (error) {
    // An engine that could not start (an unusable data directory…) must not leave its thread holding the process.
    await worker.terminate();
    throw error;
  }
  // The thread keeps the process alive only while a statement is under way: an idle database left open (a script that
  // forgot to close it) must not stop the process from exiting, but an awaited statement must.
  worker.unref();
  worker.on('message', (reply: ThreadReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (reply.ok) p.resolve(reply);
    else p.reject(fromThreadError(reply.error));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`the database thread of ${dataDir ?? 'an in-memory database'} exited (code ${code})`)));

  const send = (request: Request): Promise<Extract<ThreadReply, { ok: true }>> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } as ThreadRequest);
    });
  };
  const statements = (tx?: number): EmbeddedStatements => ({
    query: async <R>(sql: string, params: unknown[]) => (await send({ op: 'query', sql, params, tx })).rows as R[],
    exec: async (sql: string) => {
      await send({ op: 'exec', sql, tx });
    },
  });

  return {
    ...statements(),
    transaction: async (work) => {
      // The transaction opens with its first statement (see `begin` in the protocol), under an id chosen here, so the
      // statements that follow go out at once, not after the first one's reply.
      const tx = nextTx++;
      let opened: Promise<void> | undefined;
      let firstFailure: Error | undefined;
      const inTransaction = (request: Extract<Request, { op: 'query' | 'exec' }>) => {
        if (opened) return send({ ...request, tx });
        const first = send({ ...request, tx, begin: true });
        opened = first.then(() => undefined, (error: Error) => {
          firstFailure = error;
        });
        return first;
      };
      // Every transaction begun is ended, even one the thread rolled back when its first statement failed; one never
      // begun (its work only queued statements for the commit) is ended without an id, and the thread runs them alone.
      const end = (commit: boolean, atCommit?: Statement[]) =>
        send({ op: 'end', ...(opened ? { tx } : {}), commit, ...(atCommit?.length ? { atCommit } : {}) });
      const atCommit: Statement[] = [];
      let value;
      try {
        value = await work({
          query: async <R>(sql: string, params: unknown[]) => (await inTransaction({ op: 'query', sql, params })).rows as R[],
          exec: async (sql: string) => {
            await inTransaction({ op: 'exec', sql });
          },
          atCommit: (sql, params) => atCommit.push({ sql, params }),
        });
      } catch (error) {
        if (opened) {
          await opened;
          await end(false).catch(() => undefined);
        }
        throw error;
      }
      if (opened) await opened;
      // Work that swallowed its first statement's error must not look committed: the thread rolled it back.
      if (firstFailure) {
        await end(false).catch(() => undefined);
        throw abortedBy(firstFailure);
      }
      if (!opened && atCommit.length === 0) return value;
      // The queued statements travel with the commit: one round trip, however many there are.
      await end(true, atCommit);
      return value;
    },
    close: async () => {
      if (failure) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      await send({ op: 'close' });
      // Waiting for the exit is waiting on the thread: it must hold the process until then.
      worker.ref();
      await exited;
    },
  };
}
