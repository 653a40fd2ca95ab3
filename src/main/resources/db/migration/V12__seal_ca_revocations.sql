-- Certificates the platform's seal CA has revoked (an electronic seal withdrawn by the bureau). The seal CA's CRL
-- (published at /pki/seal-ca.crl and embedded in signed certificates) is made from this table, so every
-- application node publishes the same list.
CREATE TABLE seal_ca_revocation (
    serial_number VARCHAR(64)  NOT NULL,
    subject       VARCHAR(500) NOT NULL,
    revoked_at    DATETIME(6)  NOT NULL,
    reason_code   INT          NOT NULL,
    PRIMARY KEY (serial_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
