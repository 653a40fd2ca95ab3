-- Four-eyes approvals (issue 15 item 5): an action configured to need a second person is stored as a request and
-- takes effect only when another back-office user approves it in a UKEY session. The state changes once, from
-- PENDING to APPROVED, REJECTED or EXPIRED; version guards concurrent decisions.
CREATE TABLE approval_request (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    kind              VARCHAR(32)   NOT NULL,
    target_type       VARCHAR(32)   NOT NULL,
    target_id         BIGINT        NOT NULL,
    region_code       VARCHAR(12)   NULL,
    unit_id           BIGINT        NULL,
    summary           VARCHAR(500)  NOT NULL,
    parameters        VARCHAR(1000) NULL,
    reason            VARCHAR(500)  NOT NULL,
    state             VARCHAR(16)   NOT NULL,
    requested_by      BIGINT        NOT NULL,
    requested_by_name VARCHAR(100)  NOT NULL,
    requested_at      DATETIME(6)   NOT NULL,
    expires_at        DATETIME(6)   NOT NULL,
    decided_by        BIGINT        NULL,
    decided_by_name   VARCHAR(100)  NULL,
    decided_at        DATETIME(6)   NULL,
    decision_reason   VARCHAR(500)  NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_approval_request_state ON approval_request (state, expires_at);
CREATE INDEX idx_approval_request_target ON approval_request (target_type, target_id);
