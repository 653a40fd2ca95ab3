-- 撤销职称认定证书发放权限: the bureau withdraws a granted authority with a reason (status WITHDRAWN, active_marker
-- NULL so the unit may apply anew); issuing stops at once, certificates issued before stay valid
ALTER TABLE issuing_authority_application ADD COLUMN withdrawn_reason VARCHAR(500) NULL;
ALTER TABLE issuing_authority_application ADD COLUMN withdrawn_by_account_id BIGINT NULL;
ALTER TABLE issuing_authority_application ADD COLUMN withdrawn_by_name VARCHAR(100) NULL;
ALTER TABLE issuing_authority_application ADD COLUMN withdrawn_at DATETIME(6) NULL;
ALTER TABLE issuing_authority_application ADD CONSTRAINT fk_issuing_authority_withdrawer
    FOREIGN KEY (withdrawn_by_account_id) REFERENCES back_office_account (id);
