import { newId, requireLegalEntityAccess, type Invocation } from '../../../../platform/domain/index.js';
import type { ValidRecording } from '../domain/billable-item.js';
import { LINE_SOURCES, settleLines } from '../domain/billing-run.js';
import { billableItemsRecorded } from '../domain/events.js';
import { planRecording, type FieldNamer, type RecordingPlan } from '../domain/recording.js';
import type { BillableItem, BillingSchedule, ScheduleLineStatus } from '../domain/types.js';
import type { BillingWriter } from '../repository/port.js';

/**
 * Records billable items inside the caller's transaction, set-based: a handful of statements whatever the number of
 * items (lock the projects' live schedules, lock every stored item of the sources, read the projects' exposure, cancel
 * superseded items, insert the new ones; audit and events go out with the commit). Schedules the caller already
 * locked are passed in `locked` and not read again.
 *
 * Lock order is schedule, then items, as everywhere else in billing, so concurrent recordings, drafts and billing
 * runs of a project queue instead of deadlocking; and a recording that waited for another sees what it committed
 * (natural-key replays instead of duplicates).
 */
export async function recordItems(
  tx: BillingWriter,
  inv: Invocation,
  recordings: readonly ValidRecording[],
  name: FieldNamer,
  locked: readonly BillingSchedule[] = [],
): Promise<RecordingPlan> {
  const projectIds = [...new Set(recordings.map((r) => r.projectId))];
  const schedules = new Map(locked.map((s) => [s.projectId, s]));
  const toLock = projectIds.filter((p) => !schedules.has(p));
  // Sent together and run in this order (schedules, items, exposure): one round trip's wait instead of three. The
  // exposure is read after the locks, so it counts what a recording that held them before us committed.
  const [lockedNow, existing, exposures] = await Promise.all([tx.lockLiveSchedulesOfProjects(toLock), tx.lockItemsOfSources(recordings), tx.projectExposures(projectIds)]);
  for (const s of lockedNow) schedules.set(s.projectId, s);
  const plan = planRecording(recordings, { existing, schedules, exposures }, inv.now(), () => newId('bi'), name);
  // Every item written or answered belongs to its schedule's legal entity, which the caller must be allowed to act in.
  for (const le of new Set([...plan.created, ...plan.replayed].map((i) => i.legalEntityId))) requireLegalEntityAccess(inv, le);
  if (plan.superseded.length > 0) await tx.saveItemInvoicing(plan.superseded);
  if (plan.created.length > 0) await tx.insertItems(plan.created);
  tx.emit(...billableItemsRecorded(plan.created));
  return plan;
}

/** Every item a plan answers with, by id. */
export function itemsOfPlan(plan: RecordingPlan): Map<string, BillableItem> {
  return new Map([...plan.created, ...plan.replayed].map((i) => [i.id, i]));
}

/**
 * Moves the schedule lines billed by some of `items` (fixed fee, retainer and milestone items) from one of `from`
 * to `to`, writing the schedule only when a line changes. `schedule` must be locked by the caller.
 */
export async function settleScheduleLines(
  tx: BillingWriter,
  schedule: BillingSchedule | null,
  items: readonly BillableItem[],
  from: readonly ScheduleLineStatus[],
  to: ScheduleLineStatus,
  now: string,
): Promise<void> {
  if (!schedule) return;
  const ids = new Set(items.filter((i) => LINE_SOURCES.includes(i.sourceType)).map((i) => i.id));
  if (ids.size === 0) return;
  const next = settleLines(schedule, ids, from, to, now);
  if (next) await tx.saveSchedule(next, schedule);
}
