-- Portal (门户) accounts: individuals log in with their ID number, units with their credit code.
CREATE TABLE portal_account (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    kind                VARCHAR(16)  NOT NULL,
    login_name          VARCHAR(32)  NOT NULL,
    display_name        VARCHAR(100) NOT NULL,
    password_hash       VARCHAR(200) NOT NULL,
    enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at          DATETIME(6)  NOT NULL,
    password_changed_at DATETIME(6)  NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_portal_account_login UNIQUE (kind, login_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Failed logins per login name, kept whether or not an account exists, so a lockout reveals nothing.
CREATE TABLE login_attempt (
    kind            VARCHAR(16) NOT NULL,
    login_name      VARCHAR(64) NOT NULL,
    failures        INT         NOT NULL,
    last_failure_at DATETIME(6) NOT NULL,
    locked_until    DATETIME(6) NULL,
    PRIMARY KEY (kind, login_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- 个人 (applicant): name and ID number never change after registration.
CREATE TABLE applicant (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    account_id  BIGINT       NOT NULL,
    id_number   VARCHAR(18)  NOT NULL,
    name        VARCHAR(30)  NOT NULL,
    birth_date  DATE         NOT NULL,
    sex         VARCHAR(8)   NOT NULL,
    mobile      VARCHAR(11)  NOT NULL,
    email       VARCHAR(100) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_applicant_account UNIQUE (account_id),
    CONSTRAINT uk_applicant_id_number UNIQUE (id_number),
    CONSTRAINT fk_applicant_account FOREIGN KEY (account_id) REFERENCES portal_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- 单位 (employer / declaring / superior / issuing unit): the unit directory. The name never changes.
CREATE TABLE unit (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    account_id        BIGINT       NOT NULL,
    credit_code       VARCHAR(18)  NOT NULL,
    name              VARCHAR(100) NOT NULL,
    region_code       VARCHAR(12)  NOT NULL,
    unit_type         VARCHAR(32)  NOT NULL,
    competent_unit_id BIGINT       NULL,
    contact_person    VARCHAR(30)  NOT NULL,
    phone             VARCHAR(20)  NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_unit_account UNIQUE (account_id),
    CONSTRAINT uk_unit_credit_code UNIQUE (credit_code),
    CONSTRAINT fk_unit_account FOREIGN KEY (account_id) REFERENCES portal_account (id),
    CONSTRAINT fk_unit_competent FOREIGN KEY (competent_unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Fuzzy search reads names only: the scan of '%part%' runs over this narrow index, not the table.
CREATE INDEX idx_unit_name ON unit (name);
