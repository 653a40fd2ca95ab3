-- Verification of an uploaded certificate PDF (issue 8) finds the registered certificate by the SHA-256 of the
-- whole file: one indexed query per verification.
CREATE INDEX idx_title_certificate_sha256 ON title_certificate (sha256);
