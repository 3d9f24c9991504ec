-- Cross-system flows: versions of one source, and the kept outcomes of the system mutations the process layer calls.

-- A new version of a source supersedes the items of its older versions: recording looks them up by source.
CREATE INDEX billable_items_source ON billable_items (source_type, source_id, source_version);

-- Outcome of one `recordBillableItems` call (the item ids in input order), kept so that a retry with the same
-- idempotency key answers with it. A batch may span legal entities: it is visible to callers who may see all of them.
CREATE TABLE billable_item_batches (
  id text PRIMARY KEY,
  legal_entity_ids jsonb NOT NULL,
  recorded int NOT NULL,
  replayed int NOT NULL,
  superseded int NOT NULL,
  on_hold int NOT NULL,
  item_ids jsonb NOT NULL,
  recorded_at timestamptz NOT NULL
);

-- Outcome of one `runBilling` call: what fell due, what was invoiced, what was held back.
CREATE TABLE billing_runs (
  id text PRIMARY KEY,
  billing_schedule_id text NOT NULL REFERENCES billing_schedules(id),
  project_id text NOT NULL,
  legal_entity_id text NOT NULL,
  through_date date NOT NULL,
  auto_issue boolean NOT NULL,
  invoice_ids jsonb NOT NULL,
  items_invoiced int NOT NULL,
  items_held int NOT NULL,
  lines_released int NOT NULL,
  ran_at timestamptz NOT NULL
);
CREATE INDEX billing_runs_schedule ON billing_runs (billing_schedule_id, ran_at);
CREATE INDEX billing_runs_legal_entity ON billing_runs (legal_entity_id);
