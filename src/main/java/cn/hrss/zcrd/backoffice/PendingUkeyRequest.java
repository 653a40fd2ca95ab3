package cn.hrss.zcrd.backoffice;

import java.io.Serializable;
import java.time.Instant;

/**
 * A UKEY's PKCS#10 request waiting for the licensed CA's certificate (external-CA mode).
 *
 * @param id the request's id (for its download and the certificate's import)
 * @param accountId the account the certificate will be bound to
 * @param requestedAt when a system admin recorded it
 * @param requestedBy that admin's login name
 */
public record PendingUkeyRequest(long id, long accountId, Instant requestedAt, String requestedBy)
        implements Serializable {}
