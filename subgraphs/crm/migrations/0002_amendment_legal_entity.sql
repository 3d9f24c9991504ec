-- Amendments carry their contract's legal entity so that every row can be scoped by legal entity on its own.
ALTER TABLE contract_amendments ADD COLUMN legal_entity_id text;
UPDATE contract_amendments a SET legal_entity_id = c.legal_entity_id FROM contracts c WHERE c.id = a.contract_id;
ALTER TABLE contract_amendments ALTER COLUMN legal_entity_id SET NOT NULL;
CREATE INDEX contract_amendments_contract ON contract_amendments (contract_id);
CREATE INDEX opportunities_legal_entity ON opportunities (legal_entity_id);
CREATE INDEX contracts_legal_entity ON contracts (legal_entity_id);
