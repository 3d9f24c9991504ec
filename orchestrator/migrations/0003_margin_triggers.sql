-- The latest change that moved each project's margin (cost or revenue). Margin checks are coalesced per project (one
-- queued, one running), so a check must attribute what it finds to the newest change it saw, not to whichever event
-- happened to queue it.
CREATE TABLE margin_triggers (
  project_id text PRIMARY KEY,
  correlation_id text NOT NULL,
  causation_id text NOT NULL,
  occurred_at timestamptz NOT NULL
);
