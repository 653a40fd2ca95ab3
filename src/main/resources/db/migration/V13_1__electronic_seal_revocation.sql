-- Revoking an electronic seal (bureau, UKEY session, SPEC §8): the seal CA puts its certificate on the CRL and no
-- new signature is made with its key; what it signed before stays valid through its time stamps.
ALTER TABLE electronic_seal ADD COLUMN revoked_at DATETIME(6) NULL;
ALTER TABLE electronic_seal ADD COLUMN revoked_by BIGINT NULL;
ALTER TABLE electronic_seal ADD COLUMN revoked_by_name VARCHAR(100) NULL;
-- RFC 5280 CRLReason as put on the CRL, and the reviewer's words
ALTER TABLE electronic_seal ADD COLUMN revocation_code INT NULL;
ALTER TABLE electronic_seal ADD COLUMN revocation_reason VARCHAR(500) NULL;
