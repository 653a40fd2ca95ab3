-- The declaration as submitted: one row per 确定申报, the 认定表 is printed from the newest (issue 17, item 3), so a
-- later change of the applicant's profile (mobile, e-mail) or of a catalog or unit name does not change what was filed.
-- The content is one JSON document (format 1: the applicant's personal and contact data and every module with the
-- catalog and unit names resolved) rather than mirrored columns: it is only ever read whole, to print the form, no
-- query looks inside it, and the form's fields can grow without a migration per field.
CREATE TABLE declaration_snapshot (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    declaration_id BIGINT      NOT NULL,
    taken_at       DATETIME(6) NOT NULL,
    format         INT         NOT NULL,
    content        MEDIUMTEXT  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_declaration_snapshot FOREIGN KEY (declaration_id) REFERENCES declaration (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_declaration_snapshot ON declaration_snapshot (declaration_id, id);
