package cn.hrss.zcrd.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CertificateIdentityTest {

    @Test
    void fingerprintIsTheSha256OfTheDerEncoding() throws Exception {
        X509Certificate certificate = selfSigned();

        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));

        assertThat(CertificateIdentity.fingerprint(certificate))
                .isEqualTo(expected)
                .hasSize(64);
        assertThat(CertificateIdentity.of(certificate).serialHex())
                .isEqualTo(certificate.getSerialNumber().toString(16));
    }

    private static X509Certificate selfSigned() throws Exception {
        return cn.hrss.zcrd.support.SelfSigned.certificate("CN=identity-test");
    }
}
