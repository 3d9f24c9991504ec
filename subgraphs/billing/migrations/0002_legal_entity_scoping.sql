-- Row scoping by legal entity: every schedule, item, invoice and credit memo already carries the legal entity that
-- bills it; these indexes serve the scoped lists and aggregates (`legal_entity_id = ANY($n)`). Credit memos are
-- served by their UNIQUE (legal_entity_id, number) index, rate cards by a partial one (cards without a legal entity
-- are shared).
CREATE INDEX billing_schedules_legal_entity ON billing_schedules (legal_entity_id);
CREATE INDEX billable_items_legal_entity ON billable_items (legal_entity_id);
CREATE INDEX invoices_legal_entity ON invoices (legal_entity_id, status);
CREATE INDEX rate_cards_legal_entity ON rate_cards (legal_entity_id) WHERE legal_entity_id IS NOT NULL;
