-- PAdES-BASELINE-LTA renewal because an algorithm weakens (zcrd.certificate.archive.weakening-algorithms): the
-- algorithms of a certificate's newest archive time-stamp, as OIDs between single spaces (" 2.16.840.1.101.3.4.2.1
-- 1.2.840.10045.4.3.2 "): the token's message-imprint and signer digests, its signature algorithm, the TSA
-- certificate's signature algorithm. The job matches them with LIKE '% oid %' instead of parsing every PDF at each
-- run. NULL: no archive time-stamp yet, or one made before this column (treated as due once weakening algorithms
-- are configured; the renewal records them).
ALTER TABLE title_certificate ADD COLUMN archive_algorithms VARCHAR(255) NULL;
