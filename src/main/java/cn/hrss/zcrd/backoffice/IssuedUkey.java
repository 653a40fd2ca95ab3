package cn.hrss.zcrd.backoffice;

import cn.hrss.zcrd.account.UkeyBinding;
import java.security.cert.X509Certificate;

/**
 * A UKEY certificate just issued and bound.
 *
 * @param binding the new binding
 * @param certificate the certificate (to be written into the UKEY when it came from a request)
 * @param certificatePem the same, PEM-encoded
 * @param devToken the dev SoftHSM2 token holding key and certificate, or null when issued from a request
 */
public record IssuedUkey(
        UkeyBinding binding, X509Certificate certificate, String certificatePem, DevUkeyToken devToken) {}
