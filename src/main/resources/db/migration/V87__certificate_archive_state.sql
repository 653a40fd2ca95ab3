-- PAdES-BASELINE-LTA: until when a certificate's evidence holds (notAfter of its newest archive time-stamp's TSA
-- certificate; NULL: no archive time-stamp yet) and the archive job's claim on it (lease, as issuance batches).
-- One column per statement: H2 (dev) does not take several ADD COLUMN clauses in one ALTER TABLE.
ALTER TABLE title_certificate ADD COLUMN evidence_until DATETIME(6) NULL;
ALTER TABLE title_certificate ADD COLUMN archive_lease_owner VARCHAR(100) NULL;
ALTER TABLE title_certificate ADD COLUMN archive_lease_until DATETIME(6) NULL;
ALTER TABLE title_certificate ADD COLUMN archive_failures INT NOT NULL DEFAULT 0;

CREATE INDEX idx_title_certificate_evidence ON title_certificate (evidence_until);
