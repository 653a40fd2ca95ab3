-- 补发 (re-issue: same data, a new number) and 更正 (correction: corrected data, a new number) of a title
-- certificate (SPEC §7, issue 16 item 3). A successor is issued by an ordinary batch of one item: the item names
-- its predecessor and carries the values to print; the numbering is the unit/year counter's as for any item.
-- When the successor is stored, the predecessor becomes REISSUED / CORRECTED and points to it.

-- an item names the certificate it replaces (0: a first issuance). One first issuance per library entry and one
-- successor per certificate: the unique key (entry, predecessor_key) replaces the key on the entry alone.
ALTER TABLE certificate_batch_item ADD COLUMN predecessor_key BIGINT NOT NULL DEFAULT 0;
-- REISSUE or CORRECT; null for a first issuance
ALTER TABLE certificate_batch_item ADD COLUMN succession VARCHAR(16) NULL;
ALTER TABLE certificate_batch_item ADD COLUMN succession_reason VARCHAR(500) NULL;
-- a successor's title and specialty: its predecessor's (补发) or the corrected ones (更正), so a 补发 of a corrected
-- certificate keeps the correction; null for a first issuance (the library entry's)
ALTER TABLE certificate_batch_item ADD COLUMN title_name VARCHAR(100) NULL;
ALTER TABLE certificate_batch_item ADD COLUMN specialty_name VARCHAR(100) NULL;
CREATE UNIQUE INDEX uk_certificate_batch_item_succession ON certificate_batch_item (entry_id, predecessor_key);
ALTER TABLE certificate_batch_item DROP INDEX uk_certificate_batch_item_entry;

-- a declaration now has a chain of certificates; the item keys above keep it a chain
ALTER TABLE title_certificate DROP INDEX uk_title_certificate_declaration;
CREATE INDEX idx_title_certificate_declaration ON title_certificate (declaration_id);
-- status: VALID, REVOKED, REISSUED, CORRECTED
ALTER TABLE title_certificate ADD COLUMN predecessor_id BIGINT NULL;
ALTER TABLE title_certificate ADD COLUMN predecessor_number VARCHAR(18) NULL;
ALTER TABLE title_certificate ADD COLUMN successor_id BIGINT NULL;
ALTER TABLE title_certificate ADD COLUMN successor_number VARCHAR(18) NULL;
ALTER TABLE title_certificate ADD COLUMN succession_reason VARCHAR(500) NULL;

-- the certificate a history step concerns (issued, revoked, re-issued or corrected)
ALTER TABLE declaration_history ADD COLUMN certificate_number VARCHAR(18) NULL;
