-- Captcha solutions already accepted (shared.internal.AltchaCaptcha): the challenge (SHA-256, hex) of each, until
-- it expires, so a solution counts once on whichever node it arrives.
CREATE TABLE captcha_solution (
    challenge  VARCHAR(64) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    PRIMARY KEY (challenge),
    KEY ix_captcha_solution_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
