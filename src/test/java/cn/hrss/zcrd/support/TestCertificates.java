package cn.hrss.zcrd.support;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Issues extra UKEY client certificates from the dev UKEY CA, for cases the dev PKI does not ship. */
public final class TestCertificates {

    private TestCertificates() {
    }

    /** A valid client certificate of the UKEY CA, in a PKCS#12 store with password {@code password}. */
    public static KeyStore freshUkeyCertificate(String commonName, char[] password) throws Exception {
        KeyStore ca = DevPki.pkcs12(DevPki.PKI.resolve("ukey-ca.p12"));
        String alias = Collections.list(ca.aliases()).stream().filter(a -> isKey(ca, a)).findFirst().orElseThrow();
        PrivateKey caKey = (PrivateKey) ca.getKey(alias, DevPki.pkiPassword());
        X509Certificate caCert = (X509Certificate) ca.getCertificate(alias);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(caCert, new BigInteger(96, new SecureRandom()).setBit(95),
                        Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(30))),
                        new X500Name("CN=" + commonName + ",O=ZCRD Test"), pair.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(Extension.extendedKeyUsage, false,
                                new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey)));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("ukey", pair.getPrivate(), password, new Certificate[] {certificate, caCert});
        return store;
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (Exception e) {
            return false;
        }
    }
}
