-- When a margin check of the project was last queued and has not started yet (NULL once it starts). A burst of changes
-- to one project then queues one check instead of asking the job queue once per change.
ALTER TABLE margin_triggers ADD COLUMN queued_at timestamptz;
