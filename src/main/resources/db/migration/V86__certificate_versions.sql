-- Every earlier version of a certificate PDF (before an archive time-stamp was appended, PAdES-BASELINE-LTA): an
-- uploaded older version is still recognised as the same certificate. title_certificate.sha256 is the newest.
CREATE TABLE title_certificate_version (
    sha256         CHAR(64)    NOT NULL,
    certificate_id BIGINT      NOT NULL,
    -- when it stopped being the newest version
    superseded_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (sha256),
    CONSTRAINT fk_title_certificate_version FOREIGN KEY (certificate_id) REFERENCES title_certificate (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_title_certificate_version_certificate ON title_certificate_version (certificate_id);
