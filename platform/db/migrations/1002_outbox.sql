-- Transactional outbox: events are written in the same transaction as the business rows that caused them, and a relay
-- publishes them to the bus afterwards (at least once; consumers deduplicate by event_id).
CREATE TABLE outbox (
  seq bigserial PRIMARY KEY,
  event_id text NOT NULL UNIQUE,
  type text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  entity_version int,
  occurred_at timestamptz NOT NULL,
  correlation_id text NOT NULL,
  causation_id text,
  actor text NOT NULL,
  payload jsonb NOT NULL,
  published_at timestamptz,
  attempts int NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;
