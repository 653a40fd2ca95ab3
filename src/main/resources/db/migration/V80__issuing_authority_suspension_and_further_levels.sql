-- 暂停 / 恢复职称认定证书发放权限 (issue 16 item 5): the bureau suspends a granted authority with a reason (status
-- SUSPENDED: issuing stops at once, certificates issued before stay valid) and resumes it (status GRANTED again);
-- the last suspension and the last resumption are kept beside the application (every step is on the audit trail).
ALTER TABLE issuing_authority_application ADD COLUMN suspended_reason VARCHAR(500) NULL;
ALTER TABLE issuing_authority_application ADD COLUMN suspended_by_account_id BIGINT NULL;
ALTER TABLE issuing_authority_application ADD COLUMN suspended_by_name VARCHAR(100) NULL;
ALTER TABLE issuing_authority_application ADD COLUMN suspended_at DATETIME(6) NULL;
ALTER TABLE issuing_authority_application ADD COLUMN resumed_reason VARCHAR(500) NULL;
ALTER TABLE issuing_authority_application ADD COLUMN resumed_by_name VARCHAR(100) NULL;
ALTER TABLE issuing_authority_application ADD COLUMN resumed_at DATETIME(6) NULL;
ALTER TABLE issuing_authority_application ADD CONSTRAINT fk_issuing_authority_suspender
    FOREIGN KEY (suspended_by_account_id) REFERENCES back_office_account (id);

-- Further levels after a grant: a unit holding authority may apply for levels it does not hold yet, so a unit has
-- any number of granted applications (with disjoint levels) and at most one pending one. active_marker (unique per
-- unit through uk_issuing_authority_active) now marks the pending application only.
UPDATE issuing_authority_application SET active_marker = NULL WHERE status <> 'PENDING';
