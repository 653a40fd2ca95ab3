-- Certificate library, issuance batches, gapless numbering and issued title certificates (SPEC §6–§7, issue 7).
-- The library holds one row per final-approved declaration (written in the final approval's transaction). A batch
-- lists its items; numbers are reserved for a chunk of items under the unit/year counter's row lock, then the
-- signed PDFs of that chunk are stored in one transaction. A certificate's id is the id of the batch item that
-- issued it, so an item is stored at most once (primary key) besides the unique number and declaration.

CREATE TABLE certificate_library_entry (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    declaration_id       BIGINT        NOT NULL,
    applicant_account_id BIGINT        NOT NULL,
    -- the final approving unit (an issuing unit): the only one that may issue for it
    unit_id              BIGINT        NOT NULL,
    holder_name          VARCHAR(50)   NOT NULL,
    id_number            VARCHAR(18)   NOT NULL,
    declaration_year     INT           NOT NULL,
    level_code           VARCHAR(32)   NOT NULL,
    level_name           VARCHAR(50)   NOT NULL,
    series_code          VARCHAR(32)   NOT NULL,
    series_name          VARCHAR(50)   NOT NULL,
    title_name           VARCHAR(100)  NOT NULL,
    specialty_name       VARCHAR(100)  NOT NULL,
    final_approved_at    DATETIME(6)   NOT NULL,
    -- set when taken into a batch; certificate_id when issued
    batch_id             BIGINT        NULL,
    certificate_id       BIGINT        NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_certificate_library_declaration UNIQUE (declaration_id),
    CONSTRAINT fk_certificate_library_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- the library page: a unit's awaiting people, newest approvals first (index-only count)
CREATE INDEX idx_certificate_library_awaiting ON certificate_library_entry (unit_id, certificate_id, batch_id,
    final_approved_at, id);
CREATE INDEX idx_certificate_library_id_number ON certificate_library_entry (unit_id, id_number);

-- one row per issuing unit and year: the last sequence handed out, taken with SELECT … FOR UPDATE
CREATE TABLE certificate_number_counter (
    unit_id       BIGINT NOT NULL,
    number_year   INT    NOT NULL,
    last_sequence INT    NOT NULL,
    PRIMARY KEY (unit_id, number_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE certificate_batch (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    unit_id           BIGINT       NOT NULL,
    -- QUEUED, RUNNING, INTERRUPTED, COMPLETED
    state             VARCHAR(16)  NOT NULL,
    total             INT          NOT NULL,
    issued            INT          NOT NULL DEFAULT 0,
    publish_date      DATE         NOT NULL,
    number_year       INT          NOT NULL,
    started_by        BIGINT       NOT NULL,
    started_by_login  VARCHAR(64)  NOT NULL,
    started_by_name   VARCHAR(100) NOT NULL,
    started_with_ukey BOOLEAN      NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    finished_at       DATETIME(6)  NULL,
    problem_key       VARCHAR(64)  NULL,
    -- the node running it and until when its lease holds (renewed at every chunk)
    lease_owner       VARCHAR(64)  NULL,
    lease_until       DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_certificate_batch_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_certificate_batch_unit ON certificate_batch (unit_id, created_at);
CREATE INDEX idx_certificate_batch_state ON certificate_batch (state, lease_until);

CREATE TABLE certificate_batch_item (
    id               BIGINT      NOT NULL AUTO_INCREMENT,
    batch_id         BIGINT      NOT NULL,
    entry_id         BIGINT      NOT NULL,
    position         INT         NOT NULL,
    -- reserved with the counter: never changes once set
    number_sequence  INT         NULL,
    number           VARCHAR(18) NULL,
    verification_key VARCHAR(32) NULL,
    issued           BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    CONSTRAINT uk_certificate_batch_item_entry UNIQUE (entry_id),
    CONSTRAINT uk_certificate_batch_item_number UNIQUE (number),
    CONSTRAINT fk_certificate_batch_item_batch FOREIGN KEY (batch_id) REFERENCES certificate_batch (id),
    CONSTRAINT fk_certificate_batch_item_entry FOREIGN KEY (entry_id) REFERENCES certificate_library_entry (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_certificate_batch_item_work ON certificate_batch_item (batch_id, issued, number_sequence, position);

CREATE TABLE title_certificate (
    -- the certificate_batch_item that issued it
    id                   BIGINT       NOT NULL,
    number               VARCHAR(18)  NOT NULL,
    unit_id              BIGINT       NOT NULL,
    number_year          INT          NOT NULL,
    number_sequence      INT          NOT NULL,
    batch_id             BIGINT       NOT NULL,
    entry_id             BIGINT       NOT NULL,
    declaration_id       BIGINT       NOT NULL,
    applicant_account_id BIGINT       NOT NULL,
    holder_name          VARCHAR(50)  NOT NULL,
    id_number            VARCHAR(18)  NOT NULL,
    title_name           VARCHAR(100) NOT NULL,
    series_name          VARCHAR(50)  NOT NULL,
    specialty_name       VARCHAR(100) NOT NULL,
    level_name           VARCHAR(50)  NOT NULL,
    publish_date         DATE         NOT NULL,
    unit_name            VARCHAR(100) NOT NULL,
    electronic_seal_id   BIGINT       NOT NULL,
    verification_key     VARCHAR(32)  NOT NULL,
    sha256               CHAR(64)     NOT NULL,
    pdf_size             INT          NOT NULL,
    issued_at            DATETIME(6)  NOT NULL,
    -- VALID, REVOKED
    status               VARCHAR(16)  NOT NULL,
    revoked_at           DATETIME(6)  NULL,
    revoked_by           BIGINT       NULL,
    revoked_by_name      VARCHAR(100) NULL,
    revocation_reason    VARCHAR(500) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_title_certificate_number UNIQUE (number),
    CONSTRAINT uk_title_certificate_sequence UNIQUE (unit_id, number_year, number_sequence),
    CONSTRAINT uk_title_certificate_declaration UNIQUE (declaration_id),
    CONSTRAINT fk_title_certificate_item FOREIGN KEY (id) REFERENCES certificate_batch_item (id),
    CONSTRAINT fk_title_certificate_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_title_certificate_unit ON title_certificate (unit_id, issued_at, id);
CREATE INDEX idx_title_certificate_id_number ON title_certificate (unit_id, id_number);
CREATE INDEX idx_title_certificate_applicant ON title_certificate (applicant_account_id, issued_at);

-- the signed PDF, read only for a download
CREATE TABLE title_certificate_pdf (
    certificate_id BIGINT   NOT NULL,
    pdf            LONGBLOB NOT NULL,
    PRIMARY KEY (certificate_id),
    CONSTRAINT fk_title_certificate_pdf FOREIGN KEY (certificate_id) REFERENCES title_certificate (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
