-- 审计日志: append-only audit trail of logins and back-office actions. The application only inserts and reads
-- (no update or delete exists in the code); in production the application's database account may be granted
-- INSERT and SELECT only on this table.
CREATE TABLE audit_record (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at      DATETIME(6)  NOT NULL,
    actor_kind       VARCHAR(16)  NOT NULL,
    actor_account_id BIGINT       NULL,
    actor_login      VARCHAR(64)  NULL,
    authenticated_by VARCHAR(16)  NOT NULL,
    client_address   VARCHAR(64)  NULL,
    action_code      VARCHAR(64)  NOT NULL,
    target_type      VARCHAR(32)  NULL,
    target_id        VARCHAR(64)  NULL,
    outcome          VARCHAR(16)  NOT NULL,
    detail           VARCHAR(500) NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The admin's filters, each with time as the second column for the newest-first order.
CREATE INDEX idx_audit_record_time ON audit_record (occurred_at);
CREATE INDEX idx_audit_record_action ON audit_record (action_code, occurred_at);
CREATE INDEX idx_audit_record_actor ON audit_record (actor_login, occurred_at);
CREATE INDEX idx_audit_record_account ON audit_record (actor_kind, actor_account_id, occurred_at);
CREATE INDEX idx_audit_record_address ON audit_record (client_address, occurred_at);
CREATE INDEX idx_audit_record_target ON audit_record (target_type, target_id);
