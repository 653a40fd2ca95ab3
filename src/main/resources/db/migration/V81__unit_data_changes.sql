-- 单位所在地区 / 主管部门更正 by the bureau (issue 16 item 3): the unit row holds the current values; each correction
-- keeps the old and the new values here, with who, when and why (shown on the unit's back-office detail page).
CREATE TABLE unit_data_change (
    id                        BIGINT        NOT NULL AUTO_INCREMENT,
    unit_id                   BIGINT        NOT NULL,
    old_region_code           VARCHAR(12)   NOT NULL,
    new_region_code           VARCHAR(12)   NOT NULL,
    old_competent_unit_id     BIGINT        NULL,
    new_competent_unit_id     BIGINT        NULL,
    reason                    VARCHAR(500)  NOT NULL,
    changed_by_account_id     BIGINT        NOT NULL,
    changed_by_name           VARCHAR(100)  NOT NULL,
    changed_at                DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_unit_data_change_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT fk_unit_data_change_account FOREIGN KEY (changed_by_account_id) REFERENCES back_office_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_unit_data_change_unit ON unit_data_change (unit_id, changed_at);
