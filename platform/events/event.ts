/**
 * A domain event as it travels from a system of record to the process layer and to subscribers. It names the entity
 * by type and key (subscribers resolve whatever they need through the graph), carries its version so consumers can drop
 * stale updates, and the correlation and causation ids of the flow it belongs to.
 */
export interface DomainEvent<P = Record<string, unknown>> {
  /** Stable across retries and redeliveries; consumers deduplicate on it. */
  eventId: string;
  /** For example `OpportunityClosedWon`, `TimeEntriesApproved`, `InvoiceIssued`. */
  type: string;
  /** The subgraph (system of record) that emitted it. */
  source: string;
  /** `__typename` and key of the entity the event is about. */
  entity: { typename: string; id: string };
  /** The entity's version after the change (null for events about batches). */
  entityVersion: number | null;
  occurredAt: string;
  correlationId: string;
  /** The event or request that caused this one. */
  causationId: string | null;
  /** Who caused it. */
  actor: string;
  /** What changed, enough for consumers that act on it; never the whole entity. */
  payload: P;
}

/** What a unit of work records to emit an event (ids, time, correlation and actor are filled in). */
export interface EventDraft<P = Record<string, unknown>> {
  type: string;
  entityType: string;
  entityId: string;
  entityVersion?: number | null;
  payload: P;
}
