package cn.hrss.zcrd.signing;

/**
 * RFC 3161 time stamps for signatures: from the platform's own time-stamp authority (key in the platform token) or,
 * when {@code zcrd.signing.tsa.url} is set, from an external TSA.
 */
public interface TimeStampSource {

    /**
     * A time-stamp token over a SHA-256 message imprint.
     *
     * @return the DER-encoded {@code TimeStampToken} (a CMS SignedData)
     * @throws TimeStampUnavailableException when no token could be obtained (after the configured retries)
     */
    byte[] timeStampToken(byte[] sha256Imprint);
}
