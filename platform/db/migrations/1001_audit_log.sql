-- Audit trail of every change a mutation makes in this system of record: who, when, what, under which correlation id.
CREATE TABLE audit_log (
  id text PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  roles jsonb NOT NULL,
  correlation_id text NOT NULL,
  operation text,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  action text NOT NULL,
  from_version int,
  to_version int,
  from_status text,
  to_status text
);
CREATE INDEX audit_log_correlation ON audit_log (correlation_id, at);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, at);
