package cn.hrss.zcrd.account;

import java.security.cert.X509Certificate;

/**
 * A UKEY session was presented over a connection with another client certificate than the one it was opened with
 * (another UKEY in the same browser, or a session cookie carried to another computer). The session has been ended;
 * the new certificate logs in afresh. Published for the audit trail.
 *
 * @param user the session's account as it was
 * @param sessionCertificate the certificate the session was opened with
 * @param presentedCertificate the certificate of the connection now, or null for none
 * @param clientAddress the TCP peer of the request
 */
public record UkeyCertificateChanged(
        BackOfficeUser user,
        X509Certificate sessionCertificate,
        X509Certificate presentedCertificate,
        String clientAddress) {}
