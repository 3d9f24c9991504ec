import { DomainError, ErrorCode, invalidInput } from '../../../../platform/domain/index.js';
import { money } from '../../../../platform/money/money.js';
import {
  createBillableItem, OPEN_ITEM_STATUSES, replayRecording, requireBillingSchedule, validateRecording, type NewBillableItem, type ValidRecording,
} from './billable-item.js';
import type { BillableItem, BillingSchedule } from './types.js';

/** Largest number of items one recording may carry (one transaction, a few statements whatever the count). */
export const MAX_RECORDING_BATCH = 5000;

/** Hold reason of a new source version whose older version is already on an invoice: billing it too could bill twice. */
export const PRIOR_VERSION_INVOICED_HOLD = 'PRIOR_VERSION_INVOICED';

/** How a recording's fields are named in errors: `items[3].quantity` in a batch, `quantity` for a single item. */
export type FieldNamer = (index: number, field: string) => string;
export const batchField: FieldNamer = (index, field) => `items[${index}].${field}`;
export const singleField: FieldNamer = (_index, field) => field;

/** Re-issues a validation error of one input under its name in the request (other errors pass unchanged). */
function renamed(error: unknown, index: number, name: FieldNamer): unknown {
  if (!(error instanceof DomainError) || error.code !== ErrorCode.BAD_USER_INPUT || typeof error.details.field !== 'string') return error;
  const field = error.details.field;
  const message = error.message.startsWith(`${field}: `) ? error.message.slice(field.length + 2) : error.message;
  return invalidInput(name(index, field), message, { ...error.details, field: name(index, field) });
}

/** Validates every input of a recording (1 to MAX_RECORDING_BATCH items); errors name the offending item. */
export function validateRecordings(inputs: readonly NewBillableItem[], name: FieldNamer): ValidRecording[] {
  if (!Array.isArray(inputs) || inputs.length === 0) throw invalidInput('items', 'must list at least one item');
  if (inputs.length > MAX_RECORDING_BATCH) throw invalidInput('items', `must list at most ${MAX_RECORDING_BATCH} items, not ${inputs.length}`);
  return inputs.map((input, index) => {
    try {
      return validateRecording(input);
    } catch (error) {
      throw renamed(error, index, name);
    }
  });
}

/** Billed to date and open WIP of a project in one currency, in minor units. */
export interface ExposureMinor {
  billedMinor: bigint;
  openWipMinor: bigint;
}

/** Key of a project's exposure in a currency. */
export const exposureKey = (projectId: string, currency: string): string => `${projectId}|${currency}`;

/** What a recording is planned against: everything read (and locked) by the caller beforehand. */
export interface RecordingContext {
  /** Every stored item of the recordings' sources, whatever its version and status. */
  existing: readonly BillableItem[];
  /** The live schedule of each project that has one. */
  schedules: ReadonlyMap<string, BillingSchedule>;
  /** Exposure per `exposureKey(project, currency)`; absent means nothing billed or open. */
  exposures: ReadonlyMap<string, ExposureMinor>;
}

/** An older item cancelled because a newer version of its source was recorded. */
export interface Supersession {
  before: BillableItem;
  item: BillableItem;
}

/** What a recording writes and answers. */
export interface RecordingPlan {
  /** The item answering each input, in input order. */
  itemIds: string[];
  /** Items to insert. */
  created: BillableItem[];
  /** Stored items to cancel. */
  superseded: Supersession[];
  /** Stored items answering inputs whose natural key was taken (distinct). */
  replayed: BillableItem[];
  counts: { recorded: number; replayed: number; superseded: number; onHold: number };
}

const sourceKey = (i: { sourceType: string; sourceId: string }): string => `${i.sourceType}:${i.sourceId}`;

/** Same business content under one natural key (the rule `replayRecording` applies to stored items). */
function sameContent(a: ValidRecording, b: ValidRecording): boolean {
  return a.projectId === b.projectId && a.serviceDate === b.serviceDate && a.quantity.equals(b.quantity) && a.unitPrice.equals(b.unitPrice);
}

/**
 * Plans the recording of many items at once, with the rules of recording one item after the other in input order:
 * - a natural key already stored answers with its item (different content is a CONFLICT); a key repeated in the
 *   request answers with the same item;
 * - a new item needs its project's ACTIVE live schedule, and is READY, or ON_HOLD (NOT_TO_EXCEED) when the project's
 *   billed to date, open WIP and the items recorded before it in the request would pass the cap;
 * - a new version of a source cancels the open items (PENDING, READY, ON_HOLD) of its older versions that are on no
 *   invoice (their amounts leave the open WIP first); when an older version is on an invoice, the new item is
 *   ON_HOLD (PRIOR_VERSION_INVOICED) for a person to decide, because billing it would bill the work twice;
 * - a version older than one already known for its source arrives stale: it is recorded (its key answers retries)
 *   but CANCELLED at once.
 */
export function planRecording(
  recordings: readonly ValidRecording[],
  ctx: RecordingContext,
  now: string,
  newItemId: () => string,
  name: FieldNamer,
): RecordingPlan {
  const stored = new Map(ctx.existing.map((i) => [i.idempotencyKey, i]));
  const storedBySource = new Map<string, BillableItem[]>();
  for (const item of ctx.existing) {
    const list = storedBySource.get(sourceKey(item));
    if (list) list.push(item);
    else storedBySource.set(sourceKey(item), [item]);
  }

  // Distinct keys in input order; a key given twice must mean the same thing.
  const firstOfKey = new Map<string, { recording: ValidRecording; index: number }>();
  recordings.forEach((recording, index) => {
    const seen = firstOfKey.get(recording.idempotencyKey);
    if (!seen) firstOfKey.set(recording.idempotencyKey, { recording, index });
    else if (!sameContent(seen.recording, recording)) {
      throw new DomainError(ErrorCode.CONFLICT, `${recording.idempotencyKey} is given twice with different content (${name(seen.index, 'sourceId')} and ${name(index, 'sourceId')})`, {
        entity: 'BillableItem', idempotencyKey: recording.idempotencyKey,
      });
    }
  });

  // The newest version known of each source, stored or requested.
  const latest = new Map<string, number>();
  const raise = (key: string, version: number) => latest.set(key, Math.max(latest.get(key) ?? 0, version));
  for (const item of ctx.existing) raise(sourceKey(item), item.sourceVersion);
  for (const { recording } of firstOfKey.values()) raise(sourceKey(recording), recording.sourceVersion);

  const exposures = new Map(ctx.exposures);
  const shift = (projectId: string, currency: string, deltaMinor: bigint) => {
    const key = exposureKey(projectId, currency);
    const e = exposures.get(key) ?? { billedMinor: 0n, openWipMinor: 0n };
    exposures.set(key, { billedMinor: e.billedMinor, openWipMinor: e.openWipMinor + deltaMinor });
  };

  const idOfKey = new Map<string, string>();
  const replayed: BillableItem[] = [];
  const created: BillableItem[] = [];
  const superseded: Supersession[] = [];
  const cancelled = new Set<string>();
  for (const { recording, index } of firstOfKey.values()) {
    const existing = stored.get(recording.idempotencyKey);
    if (existing) {
      try {
        replayed.push(replayRecording(existing, recording));
      } catch (error) {
        throw renamed(error, index, name);
      }
      idOfKey.set(recording.idempotencyKey, existing.id);
      continue;
    }
    let schedule: BillingSchedule;
    try {
      schedule = requireBillingSchedule(recording, ctx.schedules.get(recording.projectId) ?? null);
    } catch (error) {
      throw renamed(error, index, name);
    }
    const stale = (latest.get(sourceKey(recording)) ?? 0) > recording.sourceVersion;
    let priorInvoiced = false;
    if (!stale) {
      for (const older of storedBySource.get(sourceKey(recording)) ?? []) {
        if (older.sourceVersion >= recording.sourceVersion) continue;
        if (older.invoiceId === null && OPEN_ITEM_STATUSES.includes(older.status)) {
          if (cancelled.has(older.id)) continue;
          cancelled.add(older.id);
          superseded.push({ before: older, item: { ...older, version: older.version + 1, status: 'CANCELLED', updatedAt: now } });
          shift(older.projectId, older.amount.currency, -older.amount.amountMinor);
        } else if (older.invoiceId !== null || older.status === 'INVOICED') {
          priorInvoiced = true;
        }
      }
    }
    const exposure = exposures.get(exposureKey(schedule.projectId, schedule.currency)) ?? { billedMinor: 0n, openWipMinor: 0n };
    let item = createBillableItem(
      newItemId(),
      recording,
      schedule,
      { billedToDate: money(exposure.billedMinor, schedule.currency), openWip: money(exposure.openWipMinor, schedule.currency) },
      now,
    );
    if (stale) item = { ...item, status: 'CANCELLED', holdReason: null, readyAt: null };
    else if (priorInvoiced) item = { ...item, status: 'ON_HOLD', holdReason: PRIOR_VERSION_INVOICED_HOLD, readyAt: null };
    // Held items are open WIP too: the cap counts them, as recording one by one does.
    if (item.status !== 'CANCELLED') shift(schedule.projectId, schedule.currency, item.amount.amountMinor);
    created.push(item);
    idOfKey.set(recording.idempotencyKey, item.id);
  }

  const staleCount = created.filter((i) => i.status === 'CANCELLED').length;
  return {
    itemIds: recordings.map((r) => idOfKey.get(r.idempotencyKey) as string),
    created,
    superseded,
    replayed,
    counts: {
      recorded: created.length,
      replayed: recordings.length - created.length,
      superseded: superseded.length + staleCount,
      onHold: created.filter((i) => i.status === 'ON_HOLD').length,
    },
  };
}

/**
 * The invoice text of time items: the role in words and the month of service, e.g. `SENIOR_CONSULTANT` on 2026-05-12
 * → "Senior consultant services 2026-05". Time of one role, month and rate then prints as one invoice line.
 */
export function describeTimeItem(roleCode: string, serviceDate: string): string {
  const words = roleCode.trim().replace(/[_\-\s]+/g, ' ').toLowerCase();
  const role = words.length > 0 ? words.charAt(0).toUpperCase() + words.slice(1) : 'Professional';
  return `${role} services ${serviceDate.slice(0, 7)}`;
}
