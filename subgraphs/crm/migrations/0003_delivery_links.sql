-- Orchestration: the correlation id of the win (the set-up flow's id) and the delivery records the flow links back.
ALTER TABLE opportunities ADD COLUMN won_correlation_id text;
ALTER TABLE opportunities ADD COLUMN project_id text;
ALTER TABLE opportunities ADD COLUMN customer_financial_id text;
ALTER TABLE opportunities ADD COLUMN billing_schedule_id text;
ALTER TABLE opportunities ADD COLUMN delivery_linked_at timestamptz;
CREATE INDEX opportunities_won_correlation ON opportunities (won_correlation_id);
