-- Reference data (字典, SPEC §3): title levels, series, tracks, titles, specialties, declaration methods,
-- administrative regions and their HR bureaus. A system admin edits these rows later: every table has a surrogate
-- id, a unique stable code, a sort order and an enabled flag, so a row is renamed or disabled (hidden from the
-- dropdowns) instead of deleted, and declarations and certificates that refer to it keep working.

-- 申报级别. Full-time recognition (全日制职称认定) covers only 员级, 助理级 and 中级.
CREATE TABLE title_level (
    id                    BIGINT      NOT NULL AUTO_INCREMENT,
    code                  VARCHAR(32) NOT NULL,
    name                  VARCHAR(32) NOT NULL,
    full_time_recognition BOOLEAN     NOT NULL DEFAULT FALSE,
    sort_order            INT         NOT NULL DEFAULT 0,
    enabled               BOOLEAN     NOT NULL DEFAULT TRUE,
    PRIMARY KEY (id),
    CONSTRAINT uk_title_level_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- 职称系列 (工程, 卫生, 教育 …).
CREATE TABLE title_series (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    code       VARCHAR(32) NOT NULL,
    name       VARCHAR(64) NOT NULL,
    sort_order INT         NOT NULL DEFAULT 0,
    enabled    BOOLEAN     NOT NULL DEFAULT TRUE,
    PRIMARY KEY (id),
    CONSTRAINT uk_title_series_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A track inside a series whose titles and specialties come in parallel lines (卫生: 医疗/药学/护理/技术;
-- 教育: 中小学/高等学校; 农业: 农艺/畜牧/兽医). Series without tracks have no rows here.
CREATE TABLE title_track (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    code       VARCHAR(32) NOT NULL,
    series_id  BIGINT      NOT NULL,
    name       VARCHAR(64) NOT NULL,
    sort_order INT         NOT NULL DEFAULT 0,
    enabled    BOOLEAN     NOT NULL DEFAULT TRUE,
    PRIMARY KEY (id),
    CONSTRAINT uk_title_track_code UNIQUE (code),
    CONSTRAINT fk_title_track_series FOREIGN KEY (series_id) REFERENCES title_series (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- 申报职称: one row per (series, level[, track]); a series may have no title at some level (经济 has no 员级).
CREATE TABLE title (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    code       VARCHAR(64) NOT NULL,
    series_id  BIGINT      NOT NULL,
    level_id   BIGINT      NOT NULL,
    track_id   BIGINT      NULL,
    name       VARCHAR(64) NOT NULL,
    sort_order INT         NOT NULL DEFAULT 0,
    enabled    BOOLEAN     NOT NULL DEFAULT TRUE,
    PRIMARY KEY (id),
    CONSTRAINT uk_title_code UNIQUE (code),
    CONSTRAINT fk_title_series FOREIGN KEY (series_id) REFERENCES title_series (id),
    CONSTRAINT fk_title_level FOREIGN KEY (level_id) REFERENCES title_level (id),
    CONSTRAINT fk_title_track FOREIGN KEY (track_id) REFERENCES title_track (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- 现从事专业: belongs to a series and, optionally, to one of its tracks. A title offers the specialties of its
-- series that have no track or share its track; a title without a track (农业 技术员) offers all of them.
CREATE TABLE specialty (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    code       VARCHAR(64) NOT NULL,
    series_id  BIGINT      NOT NULL,
    track_id   BIGINT      NULL,
    name       VARCHAR(64) NOT NULL,
    sort_order INT         NOT NULL DEFAULT 0,
    enabled    BOOLEAN     NOT NULL DEFAULT TRUE,
    PRIMARY KEY (id),
    CONSTRAINT uk_specialty_code UNIQUE (code),
    CONSTRAINT fk_specialty_series FOREIGN KEY (series_id) REFERENCES title_series (id),
    CONSTRAINT fk_specialty_track FOREIGN KEY (track_id) REFERENCES title_track (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- 申报方式: the level a graduate may be recognised at, the education it presumes and the whole years of
-- professional work required after graduation (0 = at graduation). required_education holds an Education name.
CREATE TABLE declaration_method (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    code               VARCHAR(32)  NOT NULL,
    name               VARCHAR(100) NOT NULL,
    level_id           BIGINT       NOT NULL,
    required_education VARCHAR(32)  NOT NULL,
    required_years     INT          NOT NULL,
    sort_order         INT          NOT NULL DEFAULT 0,
    enabled            BOOLEAN      NOT NULL DEFAULT TRUE,
    PRIMARY KEY (id),
    CONSTRAINT uk_declaration_method_code UNIQUE (code),
    CONSTRAINT fk_declaration_method_level FOREIGN KEY (level_id) REFERENCES title_level (id),
    CONSTRAINT ck_declaration_method_years CHECK (required_years >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- 行政区划 (GB/T 2260 six-digit codes). Rows refer to each other by that national code rather than by id: the
-- code is what units and accounts store, and it never changes for a region (a re-division makes a new code).
CREATE TABLE region (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    code        VARCHAR(12) NOT NULL,
    name        VARCHAR(64) NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    parent_code VARCHAR(12) NULL,
    sort_order  INT         NOT NULL DEFAULT 0,
    enabled     BOOLEAN     NOT NULL DEFAULT TRUE,
    PRIMARY KEY (id),
    CONSTRAINT uk_region_code UNIQUE (code),
    CONSTRAINT fk_region_parent FOREIGN KEY (parent_code) REFERENCES region (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- 人社局: at most one per region; a region without one is served by the nearest bureau above it.
CREATE TABLE bureau (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    code        VARCHAR(32)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    region_code VARCHAR(12)  NOT NULL,
    sort_order  INT          NOT NULL DEFAULT 0,
    enabled     BOOLEAN      NOT NULL DEFAULT TRUE,
    PRIMARY KEY (id),
    CONSTRAINT uk_bureau_code UNIQUE (code),
    CONSTRAINT uk_bureau_region UNIQUE (region_code),
    CONSTRAINT fk_bureau_region FOREIGN KEY (region_code) REFERENCES region (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
