import type PgBoss from 'pg-boss';
import type { Database, Transaction } from '../../../platform/db/database.js';
import { insertOutboxEvents, outboxSignal } from '../../../platform/db/unit-of-work.js';
import { newId } from '../../../platform/domain/ids.js';
import type { DomainEvent } from '../../../platform/events/event.js';
import type { Logger } from '../../../platform/server/logger.js';
import type { SubgraphClient } from '../clients/subgraph-client.js';
import { decideMargin, MARGIN_BELOW_THRESHOLD, readingDetails, type MarginReading } from '../domain/margin.js';
import type { AlertRecord } from '../domain/types.js';
import { alerts } from '../repository/tables.js';
import { QUEUES, jobsAtCommit } from './jobs.js';

/** Seconds after which a queued margin check that has not started is taken as lost and queued again. */
export const MARGIN_QUEUE_LEASE_SECONDS = 60;

/** Events after which a project's margin may have moved: cost (approved time and expenses) or recognized revenue. */
export const MARGIN_EVENTS = ['TimeEntriesApproved', 'ExpenseEntriesApproved', 'RevenueRecognized'] as const;

interface MarginJob {
  projectId: string;
  correlationId: string;
  causationId: string;
}

const ACTOR = 'system:orchestrator';

interface ProjectFigures {
  id: string;
  legalEntityId: string;
  currency: string;
  marginThresholdPct: string | null;
  actualCost: { amountMinor: string; currency: string } | null;
}

/**
 * Flow 7 — margin threshold breached → alert. Every event that moves a project's cost or revenue queues a margin check
 * for the project (at most one queued and one running per project, whatever the burst); the check reads the project's
 * cost and threshold from projects and its margin from finance, and raises an alert once per breach episode (recorded,
 * and published as `MarginThresholdBreached`), clearing the episode when the margin recovers.
 */
export class MarginWatch {
  private worker: string | undefined;

  constructor(
    private readonly db: Database,
    private readonly boss: PgBoss,
    private readonly client: SubgraphClient,
    private readonly logger: Logger,
  ) {}

  /**
   * The intake reaction: record the change and queue a check of the event's project, in the transaction that records
   * the event. A check queued and not yet started will see this change too, so none is asked for then; one asked for
   * longer ago than {@link MARGIN_QUEUE_LEASE_SECONDS} that has still not started is asked for again, in case its job
   * was lost.
   */
  readonly react = async (tx: Transaction, event: DomainEvent): Promise<boolean> => {
    const projectId = (event.payload as { projectId?: unknown }).projectId;
    if (typeof projectId !== 'string') return false;
    // `queued_at` is kept while a recent request stands and set to this transaction's now() otherwise: equal to now()
    // afterwards means a check must be asked for.
    const [row] = await tx.query<{ ask: boolean }>(
      `INSERT INTO margin_triggers (project_id, correlation_id, causation_id, occurred_at, queued_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (project_id) DO UPDATE SET
         correlation_id = CASE WHEN margin_triggers.occurred_at <= EXCLUDED.occurred_at THEN EXCLUDED.correlation_id ELSE margin_triggers.correlation_id END,
         causation_id = CASE WHEN margin_triggers.occurred_at <= EXCLUDED.occurred_at THEN EXCLUDED.causation_id ELSE margin_triggers.causation_id END,
         occurred_at = GREATEST(margin_triggers.occurred_at, EXCLUDED.occurred_at),
         queued_at = CASE WHEN margin_triggers.queued_at > now() - interval '${MARGIN_QUEUE_LEASE_SECONDS} seconds' THEN margin_triggers.queued_at ELSE now() END
       RETURNING queued_at = now() AS ask`,
      [projectId, event.correlationId, event.eventId, event.occurredAt],
    );
    if (row && !row.ask) return false;
    const job: MarginJob = { projectId, correlationId: event.correlationId, causationId: event.eventId };
    await this.boss.send(QUEUES.margin, job, { singletonKey: projectId, db: jobsAtCommit(tx) } as PgBoss.SendOptions);
    return true;
  };

  async start(pollingIntervalSeconds = 0.5): Promise<void> {
    this.worker = await this.boss.work<MarginJob>(QUEUES.margin, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
      if (job) await this.check(job.data);
    });
  }

  async stop(): Promise<void> {
    if (this.worker) await this.boss.offWork(QUEUES.margin);
    this.worker = undefined;
  }

  /** Wakes the idle worker (after an intake transaction queued a check). */
  wake(): void {
    if (this.worker) this.boss.notifyWorker(this.worker);
  }

  /** Measures one project's margin and raises or clears its alert episode. */
  async check(job: MarginJob): Promise<void> {
    // From here on a change to the project needs a check of its own: this one may read before the change lands.
    await this.db.query(`UPDATE margin_triggers SET queued_at = NULL WHERE project_id = $1`, [job.projectId]);
    const reading = await this.read(job);
    if (!reading) return;
    let changed = false;
    let cause = { correlationId: job.correlationId, causationId: job.causationId };
    await this.db.transaction(async (tx) => {
      const rows = await tx.query(`SELECT ${alerts.selectList} FROM alerts WHERE project_id = $1 AND kind = $2 AND status = 'OPEN' FOR UPDATE`, [job.projectId, MARGIN_BELOW_THRESHOLD]);
      const open = rows[0] ? alerts.fromRow(rows[0]) : null;
      const decision = decideMargin(reading, open);
      if (decision.action === 'none') return;
      // Checks coalesce: what this one found is due to the newest change to the project's cost or revenue.
      const [latest] = await tx.query<{ correlation_id: string; causation_id: string }>(`SELECT correlation_id, causation_id FROM margin_triggers WHERE project_id = $1`, [job.projectId]);
      if (latest) cause = { correlationId: latest.correlation_id, causationId: latest.causation_id };
      const now = new Date().toISOString();
      const meta = { at: now, ...cause, actor: ACTOR };
      if (decision.action === 'raise') {
        const alert: AlertRecord = {
          id: newId('alert'), kind: MARGIN_BELOW_THRESHOLD, projectId: reading.projectId, legalEntityId: reading.legalEntityId, details: readingDetails(reading),
          status: 'OPEN', raisedAt: now, clearedAt: null, correlationId: cause.correlationId, version: 1,
        };
        // The partial unique index admits one OPEN episode per project and kind; a concurrent raise loses here.
        const inserted = await tx.query(
          `INSERT INTO alerts (${alerts.columnNames().join(', ')}) VALUES (${alerts.columnNames().map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT DO NOTHING RETURNING id`,
          alerts.toValues(alert),
        );
        if (inserted.length === 0) return;
        await insertOutboxEvents(tx, [{ type: 'MarginThresholdBreached', entityType: 'MarginAlert', entityId: alert.id, entityVersion: 1, payload: { alertId: alert.id, ...reading } }], meta);
        changed = true;
      } else if (decision.action === 'clear') {
        const cleared: AlertRecord = { ...decision.alert, status: 'CLEARED', clearedAt: now, details: { ...decision.alert.details, recovered: readingDetails(reading) }, version: decision.alert.version + 1 };
        await tx.query(`UPDATE alerts SET status = $2, cleared_at = $3, details = $4, version = $5 WHERE id = $1`, [cleared.id, cleared.status, cleared.clearedAt, JSON.stringify(cleared.details), cleared.version]);
        await insertOutboxEvents(tx, [{ type: 'MarginAlertCleared', entityType: 'MarginAlert', entityId: cleared.id, entityVersion: cleared.version, payload: { alertId: cleared.id, ...reading } }], meta);
        changed = true;
      }
    });
    if (changed) {
      this.logger.info({ correlationId: cause.correlationId, projectId: job.projectId, percent: reading.percent, threshold: reading.thresholdPct }, 'margin alert episode changed');
      if (this.db.name) outboxSignal.emit('written', this.db.name);
    }
  }

  /** The project's margin reading, or null when it has no threshold (nothing to watch). */
  private async read(job: MarginJob): Promise<MarginReading | null> {
    const scope = { correlationId: job.correlationId, causationId: job.causationId };
    const { project } = await this.client.call<{ project: ProjectFigures | null }>(
      'projects',
      `query($id: ID!) { project(id: $id) { id legalEntityId currency marginThresholdPct actualCost { amountMinor currency } } }`,
      { id: job.projectId },
      scope,
    );
    if (!project || project.marginThresholdPct === null || project.actualCost === null) return null;
    type MarginView = { revenue: { amountMinor: string; currency: string }; cost: { amountMinor: string; currency: string }; percent: string | null; belowThreshold: boolean | null };
    const { _entities } = await this.client.call<{ _entities: Array<{ margin: MarginView | null } | null> }>(
      'finance',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { margin { revenue { amountMinor currency } cost { amountMinor currency } percent belowThreshold } } } }`,
      { r: [{ __typename: 'Project', id: project.id, currency: project.currency, actualCost: project.actualCost, marginThresholdPct: project.marginThresholdPct }] },
      scope,
    );
    const margin = _entities[0]?.margin;
    if (!margin) return null;
    return {
      projectId: project.id, legalEntityId: project.legalEntityId, revenue: margin.revenue, cost: margin.cost, percent: margin.percent,
      thresholdPct: project.marginThresholdPct, belowThreshold: margin.belowThreshold,
    };
  }
}
