-- Contract modifications applied to revenue schedules (adjustRevenueSchedule): the history of each schedule's
-- allocated amount, and the natural key that makes applying the same contract amendment twice a no-op.
CREATE TABLE revenue_schedule_modifications (
  id text PRIMARY KEY,
  revenue_schedule_id text NOT NULL REFERENCES revenue_schedules(id),
  project_id text NOT NULL,
  amendment_id text,
  delta_minor bigint NOT NULL,
  delta_currency text NOT NULL,
  effective_date date NOT NULL,
  schedule_version int NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX revenue_schedule_modifications_schedule ON revenue_schedule_modifications (revenue_schedule_id);
-- One application per amendment and project.
CREATE UNIQUE INDEX revenue_schedule_modifications_amendment ON revenue_schedule_modifications (project_id, amendment_id) WHERE amendment_id IS NOT NULL;
