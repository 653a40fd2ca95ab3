package cn.hrss.zcrd.certificate;

/** A signed certificate PDF to send: file name (the number), bytes, and their SHA-256 as stored at issuance. */
public record CertificateFile(String fileName, byte[] content, String sha256) {

    public static final String CONTENT_TYPE = "application/pdf";
}
