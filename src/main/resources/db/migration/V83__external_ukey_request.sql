-- External-CA mode for UKEY certificates (zcrd.backoffice.ukey-certificates: external): a UKEY's PKCS#10 request
-- waiting for the licensed CA's certificate. PENDING until a system admin imports a certificate for exactly the
-- request's key (IMPORTED, with the binding it made) or withdraws it (WITHDRAWN).
CREATE TABLE external_ukey_request (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    account_id            BIGINT       NOT NULL,
    csr_pem               MEDIUMTEXT   NOT NULL,
    -- SHA-256 (hex) of the request's SubjectPublicKeyInfo: the key the imported certificate must certify
    key_sha256            VARCHAR(64)  NOT NULL,
    state                 VARCHAR(16)  NOT NULL,
    requested_at          DATETIME(6)  NOT NULL,
    requested_by          VARCHAR(64)  NULL,
    binding_id            BIGINT       NULL,
    done_at               DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_external_ukey_request_account FOREIGN KEY (account_id) REFERENCES back_office_account (id),
    CONSTRAINT fk_external_ukey_request_binding FOREIGN KEY (binding_id) REFERENCES ukey_binding (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_external_ukey_request_account ON external_ukey_request (account_id, state);
