import type PgBoss from 'pg-boss';
import type { Transaction } from '../../../platform/db/database.js';
import { jobsAtCommit } from './jobs.js';

const NO_OUTPUT = undefined as unknown as object;

/** pg-boss's own expiry when a queue sets none (15 minutes). */
const DEFAULT_EXPIRY_SECONDS = 15 * 60;

/** How a handler ends its job. */
export interface JobCompletion {
  /**
   * Completes the job with `tx`'s commit: the completion is queued for the commit, so the job is done exactly when what
   * the handler recorded is, and costs no statement of its own.
   */
  inCommit(tx: Transaction): Promise<void>;
}

/** Runs one job; resolving completes it (unless the handler completed it in a commit), throwing fails it. */
export type JobHandler<T> = (job: PgBoss.JobWithMetadata<T>, completion: JobCompletion) => Promise<void>;

/** Options of a job pool. */
export interface JobPoolOptions {
  /** Jobs run at once. */
  concurrency: number;
  /** Seconds between fetches while the queue is empty (a wake-up skips the wait). */
  pollingIntervalSeconds: number;
  /** A job's completion or failure could not be recorded (its lease then expires and pg-boss redelivers it). */
  onError(error: unknown, job: PgBoss.Job<unknown>): void;
}

/**
 * Runs the jobs of one pg-boss queue with at most `concurrency` at once. Unlike pg-boss's `work`, one fetch takes as
 * many jobs as there are free slots, a freed slot is refilled at once (not after a poll interval), and a handler may
 * complete its job inside its own transaction, saving the completion's statement. A handler that runs past its job's expiry is
 * left behind as with `work`: its job is failed (pg-boss retries it) and its slot goes to the next job.
 */
export class JobPool<T> {
  private stopping = false;
  private pump: Promise<void> | undefined;
  private readonly running = new Set<Promise<void>>();
  private nudged = false;
  private waiter: (() => void) | undefined;

  constructor(
    private readonly boss: PgBoss,
    private readonly queue: string,
    private readonly options: JobPoolOptions,
    private readonly handler: JobHandler<T>,
  ) {}

  start(): void {
    if (this.pump) return;
    this.stopping = false;
    this.pump = this.fill();
  }

  /** Fetches at once instead of at the next poll (jobs were just enqueued). */
  wake(): void {
    this.nudged = true;
    this.waiter?.();
  }

  /** Stops fetching and waits for the jobs under way. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.pump;
    this.pump = undefined;
  }

  private async fill(): Promise<void> {
    while (!this.stopping) {
      const free = this.options.concurrency - this.running.size;
      if (free <= 0) {
        await this.nudge();
        continue;
      }
      // A wake-up that comes while the fetch is under way may announce jobs it did not see: it is kept for the wait.
      this.nudged = false;
      // pg-boss answers a failed fetch (database unreachable) with no jobs: the pool then polls until it is back.
      const jobs = await this.boss.fetch<T>(this.queue, { batchSize: free, includeMetadata: true }).catch(() => []);
      if (jobs.length === 0) {
        await this.nudge(this.options.pollingIntervalSeconds * 1000);
        continue;
      }
      for (const job of jobs) {
        const run = this.run(job).finally(() => {
          this.running.delete(run);
          this.wake();
        });
        this.running.add(run);
      }
    }
    await Promise.all(this.running);
  }

  /** Waits for a wake-up (or a freed slot), at most `ms` when given. */
  private nudge(ms?: number): Promise<void> {
    if (this.nudged || this.stopping) {
      this.nudged = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(() => this.waiter?.(), ms);
      this.waiter = () => {
        clearTimeout(timer);
        this.waiter = undefined;
        this.nudged = false;
        resolve();
      };
    });
  }

  private async run(job: PgBoss.JobWithMetadata<T>): Promise<void> {
    let inCommit = false;
    let abandoned = false;
    const completion: JobCompletion = {
      inCommit: async (tx) => {
        // A handler left behind at its job's expiry must not complete the job's redelivery, now another attempt's.
        if (abandoned) return;
        // pg-boss reads the third argument as the job's output whatever its typings say: none, as `work` records.
        await this.boss.complete(this.queue, job.id, NO_OUTPUT, { db: jobsAtCommit(tx) } as PgBoss.ConnectionOptions);
        inCommit = true;
      },
    };
    let timer: NodeJS.Timeout | undefined;
    // pg-boss reports the expiry as SQL numeric (text on some drivers); a job without a readable one gets pg-boss's default.
    const expiresInSeconds = Number(job.expireInSeconds);
    const expiresInMs = (Number.isFinite(expiresInSeconds) && expiresInSeconds > 0 ? expiresInSeconds : DEFAULT_EXPIRY_SECONDS) * 1000;
    const expiry = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abandoned = true;
        reject(new Error(`job ${job.id} ran past its expiry of ${expiresInMs / 1000} s`));
      }, expiresInMs);
    });
    try {
      await Promise.race([this.handler(job, completion), expiry]);
    } catch (error) {
      await this.boss.fail(this.queue, job.id, error as object).catch((e: unknown) => this.options.onError(e, job));
      return;
    } finally {
      clearTimeout(timer);
    }
    // A completion queued in a commit is done. (Were that transaction rolled back and the error swallowed, the job would
    // stay active until its lease expires, then be redelivered.)
    if (!inCommit) await this.boss.complete(this.queue, job.id).catch((e: unknown) => this.options.onError(e, job));
  }
}
