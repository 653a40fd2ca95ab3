-- Reporting paths (上报路径, SPEC §5) and issuing authority (职称认定证书发放权限, SPEC §6): both belong to the unit
-- module. The review chain reports a declaration along an effective path and ends at a unit holding issuing
-- authority for the declaration's level.

-- A unit's path to its superior for one title level and series; shared by 全日制职称认定 and 外地调入 (the business
-- type only says which business applied for it). PENDING (未生效) until the superior approves (EFFECTIVE, 已生效)
-- or rejects it (REJECTED, with an opinion).
CREATE TABLE reporting_path (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    version               BIGINT        NOT NULL DEFAULT 0,
    unit_id               BIGINT        NOT NULL,
    superior_unit_id      BIGINT        NOT NULL,
    level_code            VARCHAR(32)   NOT NULL,
    series_code           VARCHAR(32)   NOT NULL,
    business_type         VARCHAR(32)   NOT NULL,
    status                VARCHAR(16)   NOT NULL,
    -- TRUE while pending or effective, NULL once rejected: one live path per unit, level and series, also when two
    -- applications race (NULLs never collide)
    active_marker         BOOLEAN       NULL,
    opinion               VARCHAR(500)  NULL,
    applied_by_account_id BIGINT        NOT NULL,
    applied_at            DATETIME(6)   NOT NULL,
    decided_by_account_id BIGINT        NULL,
    decided_by_name       VARCHAR(100)  NULL,
    decided_at            DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_reporting_path_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT fk_reporting_path_superior FOREIGN KEY (superior_unit_id) REFERENCES unit (id),
    CONSTRAINT fk_reporting_path_level FOREIGN KEY (level_code) REFERENCES title_level (code),
    CONSTRAINT fk_reporting_path_series FOREIGN KEY (series_code) REFERENCES title_series (code),
    CONSTRAINT uk_reporting_path_active UNIQUE (unit_id, level_code, series_code, active_marker)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- 上报路径审核: the paths addressed to a superior unit
CREATE INDEX idx_reporting_path_superior ON reporting_path (superior_unit_id, status, applied_at);

-- 职称认定证书发放申请: a unit applies to its bureau (所属机构) for one or more certificate levels. PENDING (待审核)
-- until the bureau grants (GRANTED, 已授权) or rejects it (REJECTED, 已驳回, with an opinion).
CREATE TABLE issuing_authority_application (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    version               BIGINT        NOT NULL DEFAULT 0,
    unit_id               BIGINT        NOT NULL,
    bureau_code           VARCHAR(32)   NOT NULL,
    status                VARCHAR(16)   NOT NULL,
    -- TRUE while pending or granted, NULL once rejected: one live application per unit (the button is greyed)
    active_marker         BOOLEAN       NULL,
    opinion               VARCHAR(500)  NULL,
    applied_by_account_id BIGINT        NOT NULL,
    applied_at            DATETIME(6)   NOT NULL,
    decided_by_account_id BIGINT        NULL,
    decided_by_name       VARCHAR(100)  NULL,
    decided_at            DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_issuing_authority_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT fk_issuing_authority_bureau FOREIGN KEY (bureau_code) REFERENCES bureau (code),
    CONSTRAINT fk_issuing_authority_decider FOREIGN KEY (decided_by_account_id) REFERENCES back_office_account (id),
    CONSTRAINT uk_issuing_authority_active UNIQUE (unit_id, active_marker)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- 职称认定证书发放权限审核: a bureau's applications by status
CREATE INDEX idx_issuing_authority_bureau ON issuing_authority_application (bureau_code, status, applied_at);

-- the certificate levels applied for
CREATE TABLE issuing_authority_level (
    application_id BIGINT      NOT NULL,
    level_code     VARCHAR(32) NOT NULL,
    PRIMARY KEY (application_id, level_code),
    CONSTRAINT fk_issuing_authority_level_application FOREIGN KEY (application_id)
        REFERENCES issuing_authority_application (id),
    CONSTRAINT fk_issuing_authority_level_level FOREIGN KEY (level_code) REFERENCES title_level (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
