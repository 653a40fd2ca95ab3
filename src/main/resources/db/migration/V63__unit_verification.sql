-- Units verified by the bureau of their region (docs/business-units.md): a new registration is PENDING until a
-- bureau reviewer approves it (VERIFIED) or rejects it with a reason (REJECTED; the unit may correct and resubmit).
-- Every unit registered before this version (and the development data) counts as verified.
ALTER TABLE unit ADD COLUMN verification VARCHAR(16) NOT NULL DEFAULT 'VERIFIED';
ALTER TABLE unit ADD COLUMN verification_reason VARCHAR(500) NULL;
ALTER TABLE unit ADD COLUMN verification_decided_by BIGINT NULL;
ALTER TABLE unit ADD COLUMN verification_decided_by_name VARCHAR(100) NULL;
ALTER TABLE unit ADD COLUMN verification_decided_at DATETIME(6) NULL;
ALTER TABLE unit ADD COLUMN verification_submitted_at DATETIME(6) NULL;
-- the pickers list verified units by name; the bureau's queue lists a status
CREATE INDEX ix_unit_verification_name ON unit (verification, name, id);
