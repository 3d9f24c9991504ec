-- Contract amendments applied to billing schedules (amendBillingSchedule, flow F4): the terms of each amendment and what
-- it changed. The crm amendment is the natural key within a schedule: applying it twice must not change the schedule twice.
CREATE TABLE schedule_amendments (
  id text PRIMARY KEY,
  billing_schedule_id text NOT NULL REFERENCES billing_schedules(id),
  amendment_id text NOT NULL,
  effective_date date NOT NULL,
  contract_value_delta_minor bigint NOT NULL,
  contract_value_delta_currency text NOT NULL,
  not_to_exceed_minor bigint,
  not_to_exceed_currency text,
  end_date date,
  schedule_version int NOT NULL,
  lines_cancelled int NOT NULL,
  lines_created int NOT NULL,
  applied_at timestamptz NOT NULL,
  CONSTRAINT schedule_amendments_natural_key UNIQUE (billing_schedule_id, amendment_id)
);
