-- Tamper-evident audit trail (docs/security-audit.md). Each row carries its place in one hash chain: its sequence
-- number, the hash of its predecessor and its own hash over a canonical encoding (cn.hrss.zcrd.audit.AuditChain).
-- The sequence and previous hash are assigned under the lock of the one chain-head row, in the transaction that
-- inserts the row, so the chain follows the commit order on every node. Rows of earlier versions are chained by
-- V40_1 in id order. A NULL seq is a row that did not come through the application (the verifier says so).
ALTER TABLE audit_record ADD COLUMN seq BIGINT NULL;
ALTER TABLE audit_record ADD COLUMN prev_hash VARCHAR(64) NULL;
ALTER TABLE audit_record ADD COLUMN row_hash VARCHAR(64) NULL;
CREATE UNIQUE INDEX uk_audit_record_seq ON audit_record (seq);

-- The chain head: one row, locked (SELECT … FOR UPDATE) by every transaction that appends to the chain. In
-- production the application needs SELECT and UPDATE here, and only INSERT and SELECT on audit_record.
CREATE TABLE audit_chain_head (
    id        INT         NOT NULL,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64)    NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Signed checkpoints over the chain head: ECDSA P-256 by the platform key audit-checkpoint-1 in the token, its
-- certificate chain (PEM, signer first) and an RFC 3161 time-stamp token over the signature.
CREATE TABLE audit_checkpoint (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    seq           BIGINT       NOT NULL,
    head_hash     VARCHAR(64)     NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    key_alias     VARCHAR(64)  NOT NULL,
    signature     VARBINARY(256) NOT NULL,
    signer_chain  TEXT         NOT NULL,
    time_stamp    BLOB         NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_audit_checkpoint_seq UNIQUE (seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
