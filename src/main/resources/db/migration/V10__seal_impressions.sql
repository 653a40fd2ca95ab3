-- Seal impressions (印章印模, SPEC §6): a unit uploads its seal image on the portal, the bureau approves or rejects
-- it. Every upload is a new version; the newest approved version is the one in force, earlier approved versions stay
-- (certificates already issued keep theirs). The PNG bytes live in a table of their own, read only when shown.

CREATE TABLE seal_impression (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    lock_version   BIGINT        NOT NULL DEFAULT 0,
    unit_id        BIGINT        NOT NULL,
    -- 1, 2, 3 … per unit, in upload order
    seal_version   INT           NOT NULL,
    -- PENDING, APPROVED, REJECTED, WITHDRAWN (a pending version replaced by a newer upload)
    state          VARCHAR(16)   NOT NULL,
    -- copied from the unit (fixed at registration): the review queue and the approval event need no join
    unit_name      VARCHAR(100)  NOT NULL,
    credit_code    VARCHAR(18)   NOT NULL,
    region_code    VARCHAR(12)   NOT NULL,
    width          INT           NOT NULL,
    height         INT           NOT NULL,
    size_bytes     INT           NOT NULL,
    sha256         VARCHAR(64)   NOT NULL,
    uploaded_by    BIGINT        NOT NULL,
    uploaded_at    DATETIME(6)   NOT NULL,
    decided_by     BIGINT        NULL,
    decider_name   VARCHAR(100)  NULL,
    decided_at     DATETIME(6)   NULL,
    opinion        VARCHAR(500)  NULL,
    PRIMARY KEY (id),
    -- two uploads of one unit racing for the same version number: one of them fails
    CONSTRAINT uk_seal_impression_version UNIQUE (unit_id, seal_version),
    CONSTRAINT fk_seal_impression_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT fk_seal_impression_uploader FOREIGN KEY (uploaded_by) REFERENCES portal_account (id),
    CONSTRAINT fk_seal_impression_decider FOREIGN KEY (decided_by) REFERENCES back_office_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- the bureau's queue: pending impressions, oldest first
CREATE INDEX idx_seal_impression_state ON seal_impression (state, uploaded_at);

CREATE TABLE seal_impression_image (
    impression_id BIGINT   NOT NULL,
    png           LONGBLOB NOT NULL,
    PRIMARY KEY (impression_id),
    CONSTRAINT fk_seal_impression_image FOREIGN KEY (impression_id) REFERENCES seal_impression (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
