-- Row scoping by legal entity: tasks, milestones, assignments, time and expense entries carry their project's legal
-- entity, so every scoped row can be filtered on its own (one indexed predicate, no join to projects). A project's
-- legal entity never changes, so the copy cannot drift. An assignment of a resource employed elsewhere still takes
-- the project's legal entity: the work is delivered, and billed, by the project's entity.
ALTER TABLE tasks ADD COLUMN legal_entity_id text;
UPDATE tasks t SET legal_entity_id = p.legal_entity_id FROM projects p WHERE p.id = t.project_id;
ALTER TABLE tasks ALTER COLUMN legal_entity_id SET NOT NULL;
CREATE INDEX tasks_legal_entity ON tasks (legal_entity_id);

ALTER TABLE milestones ADD COLUMN legal_entity_id text;
UPDATE milestones m SET legal_entity_id = p.legal_entity_id FROM projects p WHERE p.id = m.project_id;
ALTER TABLE milestones ALTER COLUMN legal_entity_id SET NOT NULL;
CREATE INDEX milestones_legal_entity ON milestones (legal_entity_id);

ALTER TABLE assignments ADD COLUMN legal_entity_id text;
UPDATE assignments a SET legal_entity_id = p.legal_entity_id FROM projects p WHERE p.id = a.project_id;
ALTER TABLE assignments ALTER COLUMN legal_entity_id SET NOT NULL;
CREATE INDEX assignments_legal_entity ON assignments (legal_entity_id);

ALTER TABLE time_entries ADD COLUMN legal_entity_id text;
UPDATE time_entries e SET legal_entity_id = p.legal_entity_id FROM projects p WHERE p.id = e.project_id;
ALTER TABLE time_entries ALTER COLUMN legal_entity_id SET NOT NULL;
CREATE INDEX time_entries_legal_entity ON time_entries (legal_entity_id);

ALTER TABLE expense_entries ADD COLUMN legal_entity_id text;
UPDATE expense_entries e SET legal_entity_id = p.legal_entity_id FROM projects p WHERE p.id = e.project_id;
ALTER TABLE expense_entries ALTER COLUMN legal_entity_id SET NOT NULL;
CREATE INDEX expense_entries_legal_entity ON expense_entries (legal_entity_id);
