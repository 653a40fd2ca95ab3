-- Full-time title recognition declarations (全日制职称认定申报, SPEC §4/§5): the declaration with its basic form and
-- state, its information modules (education and work entries, module review marks), attachments (description and,
-- in a table of their own, the bytes) and the history of every transition.

CREATE TABLE declaration (
    id                           BIGINT        NOT NULL AUTO_INCREMENT,
    version                      BIGINT        NOT NULL DEFAULT 0,
    applicant_account_id         BIGINT        NOT NULL,
    -- copied from the applicant (never change after registration) so the review queue searches without a join
    applicant_name               VARCHAR(30)   NOT NULL,
    applicant_id_number          VARCHAR(18)   NOT NULL,
    declaration_year             INT           NOT NULL,
    level_code                   VARCHAR(32)   NOT NULL,
    series_code                  VARCHAR(32)   NOT NULL,
    title_id                     BIGINT        NOT NULL,
    specialty_id                 BIGINT        NOT NULL,
    declaration_method_id        BIGINT        NOT NULL,
    declaring_unit_id            BIGINT        NOT NULL,
    declaring_unit_is_work_unit  BOOLEAN       NOT NULL,
    work_unit_id                 BIGINT        NULL,
    work_start_date              DATE          NOT NULL,
    professional_work_start_date DATE          NOT NULL,
    graduation_school            VARCHAR(100)  NOT NULL,
    graduation_date              DATE          NOT NULL,
    education                    VARCHAR(32)   NOT NULL,
    major_studied                VARCHAR(100)  NOT NULL,
    current_position             VARCHAR(100)  NULL,
    achievements                 VARCHAR(4000) NULL,
    probation_result             VARCHAR(16)   NULL,
    state                        VARCHAR(20)   NOT NULL,
    -- the unit the declaration is with; NULL while with the applicant or closed
    current_unit_id              BIGINT        NULL,
    -- TRUE while open (submitted, neither certified nor withdrawn), else NULL: see uk_declaration_open
    open_marker                  BOOLEAN       NULL,
    created_at                   DATETIME(6)   NOT NULL,
    updated_at                   DATETIME(6)   NOT NULL,
    first_submitted_at           DATETIME(6)   NULL,
    submitted_at                 DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_declaration_applicant FOREIGN KEY (applicant_account_id) REFERENCES portal_account (id),
    CONSTRAINT fk_declaration_level FOREIGN KEY (level_code) REFERENCES title_level (code),
    CONSTRAINT fk_declaration_series FOREIGN KEY (series_code) REFERENCES title_series (code),
    CONSTRAINT fk_declaration_title FOREIGN KEY (title_id) REFERENCES title (id),
    CONSTRAINT fk_declaration_specialty FOREIGN KEY (specialty_id) REFERENCES specialty (id),
    CONSTRAINT fk_declaration_method FOREIGN KEY (declaration_method_id) REFERENCES declaration_method (id),
    CONSTRAINT fk_declaration_declaring_unit FOREIGN KEY (declaring_unit_id) REFERENCES unit (id),
    CONSTRAINT fk_declaration_work_unit FOREIGN KEY (work_unit_id) REFERENCES unit (id),
    CONSTRAINT fk_declaration_current_unit FOREIGN KEY (current_unit_id) REFERENCES unit (id),
    -- one open declaration per person, year and level, also when two submissions race (NULLs never collide)
    CONSTRAINT uk_declaration_open UNIQUE (applicant_account_id, declaration_year, level_code, open_marker)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- 我的申报信息: an applicant's declarations, newest first
CREATE INDEX idx_declaration_applicant ON declaration (applicant_account_id, created_at);
-- the review queue (later): a unit's declarations in a state, paged by submission date
CREATE INDEX idx_declaration_queue ON declaration (current_unit_id, state, submitted_at);

-- 学历学位 entries, in the applicant's order
CREATE TABLE declaration_education (
    declaration_id  BIGINT       NOT NULL,
    sort_index      INT          NOT NULL,
    school          VARCHAR(100) NOT NULL,
    major           VARCHAR(100) NOT NULL,
    education_level VARCHAR(32)  NOT NULL,
    degree          VARCHAR(16)  NOT NULL,
    start_date      DATE         NOT NULL,
    end_date        DATE         NOT NULL,
    diploma_number  VARCHAR(50)  NOT NULL,
    PRIMARY KEY (declaration_id, sort_index),
    CONSTRAINT fk_declaration_education FOREIGN KEY (declaration_id) REFERENCES declaration (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- 工作经历 entries; end_date NULL = 至今
CREATE TABLE declaration_work (
    declaration_id BIGINT       NOT NULL,
    sort_index     INT          NOT NULL,
    start_date     DATE         NOT NULL,
    end_date       DATE         NULL,
    unit_name      VARCHAR(100) NOT NULL,
    duty           VARCHAR(100) NOT NULL,
    PRIMARY KEY (declaration_id, sort_index),
    CONSTRAINT fk_declaration_work FOREIGN KEY (declaration_id) REFERENCES declaration (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- review mark per information module: NORMAL (正常), REJECTED (被退回, with opinion), MODIFIED (已修改)
CREATE TABLE declaration_module (
    declaration_id BIGINT        NOT NULL,
    module         VARCHAR(20)   NOT NULL,
    state          VARCHAR(16)   NOT NULL,
    opinion        VARCHAR(1000) NULL,
    PRIMARY KEY (declaration_id, module),
    CONSTRAINT fk_declaration_module FOREIGN KEY (declaration_id) REFERENCES declaration (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- 附件材料: what was uploaded (type decided by content; original name only as sanitised data)
CREATE TABLE declaration_attachment (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    declaration_id BIGINT       NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    original_name  VARCHAR(100) NOT NULL,
    stored_name    VARCHAR(64)  NOT NULL,
    content_type   VARCHAR(32)  NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    sha256         VARCHAR(64)  NOT NULL,
    uploaded_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_declaration_attachment_stored UNIQUE (stored_name),
    CONSTRAINT fk_declaration_attachment FOREIGN KEY (declaration_id) REFERENCES declaration (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_declaration_attachment ON declaration_attachment (declaration_id);

-- The bytes of each attachment: in the database so every application node serves them, read only on download.
CREATE TABLE attachment_content (
    attachment_id BIGINT   NOT NULL,
    content       LONGBLOB NOT NULL,
    PRIMARY KEY (attachment_id),
    CONSTRAINT fk_attachment_content FOREIGN KEY (attachment_id) REFERENCES declaration_attachment (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Every transition: who (account, name), for which unit, to which unit, when, what, opinion.
CREATE TABLE declaration_history (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    declaration_id   BIGINT        NOT NULL,
    action           VARCHAR(20)   NOT NULL,
    from_state       VARCHAR(20)   NOT NULL,
    to_state         VARCHAR(20)   NOT NULL,
    actor_account_id BIGINT        NOT NULL,
    actor_name       VARCHAR(100)  NOT NULL,
    unit_id          BIGINT        NULL,
    to_unit_id       BIGINT        NULL,
    opinion          VARCHAR(1000) NULL,
    occurred_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_declaration_history FOREIGN KEY (declaration_id) REFERENCES declaration (id),
    CONSTRAINT fk_declaration_history_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT fk_declaration_history_to_unit FOREIGN KEY (to_unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_declaration_history ON declaration_history (declaration_id, occurred_at);
-- "declarations this unit has seen" (the review feature's history and access checks)
CREATE INDEX idx_declaration_history_unit ON declaration_history (unit_id, declaration_id);
CREATE INDEX idx_declaration_history_to_unit ON declaration_history (to_unit_id, declaration_id);

-- a return's opinion per rejected module
CREATE TABLE declaration_history_opinion (
    history_id BIGINT        NOT NULL,
    module     VARCHAR(20)   NOT NULL,
    opinion    VARCHAR(1000) NOT NULL,
    PRIMARY KEY (history_id, module),
    CONSTRAINT fk_declaration_history_opinion FOREIGN KEY (history_id) REFERENCES declaration_history (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
