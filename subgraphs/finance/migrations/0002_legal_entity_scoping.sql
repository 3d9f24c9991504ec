-- Row scoping by legal entity: every scoped table already carries legal_entity_id (customer financials, receivables,
-- payments, journal entries, revenue schedules; child rows are reached through their parent). These indexes keep
-- the scoped, id-ordered pages of receivables and payments, and schedule lookups per legal entity, index-driven.
CREATE INDEX receivables_legal_entity ON receivables (legal_entity_id, id);
CREATE INDEX payments_legal_entity ON payments (legal_entity_id, id);
CREATE INDEX revenue_schedules_legal_entity ON revenue_schedules (legal_entity_id);
