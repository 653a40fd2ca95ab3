-- Back-office (sdmanager) accounts and the UKEY client certificates bound to them.
CREATE TABLE back_office_account (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    password_hash VARCHAR(200) NULL,
    role          VARCHAR(32)  NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_back_office_account_username UNIQUE (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE ukey_binding (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    account_id  BIGINT       NOT NULL,
    cert_sha256 VARCHAR(64)  NOT NULL,
    issuer_dn   VARCHAR(500) NOT NULL,
    serial_hex  VARCHAR(64)  NOT NULL,
    subject_dn  VARCHAR(500) NOT NULL,
    not_after   DATETIME(6)  NOT NULL,
    bound_at    DATETIME(6)  NOT NULL,
    revoked_at  DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_ukey_binding_fingerprint UNIQUE (cert_sha256),
    CONSTRAINT uk_ukey_binding_issuer_serial UNIQUE (issuer_dn, serial_hex),
    CONSTRAINT fk_ukey_binding_account FOREIGN KEY (account_id) REFERENCES back_office_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
