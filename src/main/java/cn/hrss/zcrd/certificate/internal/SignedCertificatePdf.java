package cn.hrss.zcrd.certificate.internal;

/** A signed certificate PDF and the lower-case hex SHA-256 of exactly these bytes. */
public record SignedCertificatePdf(byte[] pdf, String sha256) {}
