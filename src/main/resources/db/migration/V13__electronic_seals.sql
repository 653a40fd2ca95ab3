-- Electronic seals (电子印章, SPEC §6): for every approved seal impression version a signing key is generated inside
-- the platform token and the seal CA issues its certificate. The row is claimed (GENERATING) before the key is made,
-- so two application nodes never make two keys for one version; a claim left by a node that died is taken over
-- after a while. The certificate chain is kept here too, so verification needs no token.

CREATE TABLE electronic_seal (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    lock_version   BIGINT        NOT NULL DEFAULT 0,
    impression_id  BIGINT        NOT NULL,
    unit_id        BIGINT        NOT NULL,
    seal_version   INT           NOT NULL,
    -- the token key's label: unit, seal version and a random part (a token outlives a re-created database)
    key_alias      VARCHAR(64)   NOT NULL,
    -- GENERATING (claimed, key being made) or ACTIVE
    state          VARCHAR(16)   NOT NULL,
    claimed_at     DATETIME(6)   NOT NULL,
    -- PEM, the seal certificate first, up to and including the platform root; NULL while GENERATING
    chain_pem      MEDIUMTEXT    NULL,
    serial_hex     VARCHAR(64)   NULL,
    not_after      DATETIME(6)   NULL,
    activated_at   DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_electronic_seal_impression UNIQUE (impression_id),
    CONSTRAINT uk_electronic_seal_alias UNIQUE (key_alias),
    CONSTRAINT fk_electronic_seal_impression FOREIGN KEY (impression_id) REFERENCES seal_impression (id),
    CONSTRAINT fk_electronic_seal_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_electronic_seal_unit ON electronic_seal (unit_id, seal_version);
