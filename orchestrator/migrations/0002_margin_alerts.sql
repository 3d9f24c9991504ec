-- Margin alerts are raised once per breach episode: an episode is OPEN while the project's margin stays below its
-- threshold and CLEARED when it recovers; a later breach opens a new episode. At most one OPEN episode per project
-- and kind, enforced here so that concurrent checks cannot raise twice.
ALTER TABLE alerts DROP COLUMN dedupe_key;
ALTER TABLE alerts ADD COLUMN status text NOT NULL DEFAULT 'OPEN';
ALTER TABLE alerts ADD COLUMN cleared_at timestamptz;
ALTER TABLE alerts ADD COLUMN version int NOT NULL DEFAULT 1;
CREATE UNIQUE INDEX alerts_one_open_episode ON alerts (project_id, kind) WHERE status = 'OPEN';
CREATE INDEX alerts_project ON alerts (project_id, raised_at);
CREATE INDEX alerts_status ON alerts (status, raised_at);
