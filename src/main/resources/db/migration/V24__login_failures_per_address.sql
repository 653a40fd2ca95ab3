-- Failed password logins (portal and back office) counted per login name and client address, and per name for all
-- addresses together (address '*'). A try is claimed here before its password is compared: one UPDATE checks the
-- lock and counts the try (see account.internal.LoginAttempts). Five in a row from one address lock that address
-- out of the name; the name's count for all addresses asks for a captcha and, high enough, locks the name for
-- everyone. Rows are kept whether or not an account exists, so nothing tells which names exist.
CREATE TABLE login_failure (
    kind            VARCHAR(16) NOT NULL,
    login_name      VARCHAR(64) NOT NULL,
    address         VARCHAR(64) NOT NULL,
    failures        INT         NOT NULL,
    last_failure_at DATETIME(6) NOT NULL,
    locked_until    DATETIME(6) NULL,
    PRIMARY KEY (kind, login_name, address),
    KEY ix_login_failure_last (last_failure_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- its predecessor counted per name only (a failure recorded after the password check, so parallel tries raced it)
DROP TABLE login_attempt;
