-- Back-office administration: data scope of an account (a bureau's region or an issuing unit), the non-UKEY
-- fallback (one-time initial password, TOTP secret sealed with the application's key, last TOTP time step used
-- so that a code is never accepted twice), a session stamp that ends open sessions when it changes, and the
-- life cycle of UKEY bindings (how the certificate was issued, which dev token holds it, why it was revoked).
-- Failed fallback logins are counted in login_attempt (kind BACK_OFFICE) like the portal's: also for names
-- without an account, so a lockout tells nothing about which accounts exist.
ALTER TABLE back_office_account ADD COLUMN region_code VARCHAR(12) NULL;
ALTER TABLE back_office_account ADD COLUMN unit_id BIGINT NULL;
ALTER TABLE back_office_account ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE back_office_account ADD COLUMN password_expires_at DATETIME(6) NULL;
ALTER TABLE back_office_account ADD COLUMN totp_secret VARCHAR(200) NULL;
ALTER TABLE back_office_account ADD COLUMN totp_last_step BIGINT NULL;
ALTER TABLE back_office_account ADD COLUMN session_stamp BIGINT NOT NULL DEFAULT 0;
ALTER TABLE back_office_account ADD COLUMN updated_at DATETIME(6) NULL;

-- accounts made before scopes existed belong to the province (the root of the region tree)
UPDATE back_office_account SET region_code = (SELECT code FROM region WHERE parent_code IS NULL)
    WHERE region_code IS NULL;

CREATE INDEX idx_back_office_account_region ON back_office_account (region_code);
CREATE INDEX idx_back_office_account_unit ON back_office_account (unit_id);

ALTER TABLE ukey_binding ADD COLUMN issued_via VARCHAR(16) NULL;
ALTER TABLE ukey_binding ADD COLUMN token_label VARCHAR(64) NULL;
ALTER TABLE ukey_binding ADD COLUMN revocation_reason VARCHAR(32) NULL;
CREATE INDEX idx_ukey_binding_account ON ukey_binding (account_id, bound_at);
