package cn.hrss.zcrd.support;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * Issues extra UKEY client certificates from the dev UKEY CA, for cases the dev PKI does not ship. The CA key is the
 * object "ukey-ca" of the platform token; it signs through SunPKCS11 ({@link DevPki#tokenSigner}).
 */
public final class TestCertificates {

    private static final String UKEY_CA = "ukey-ca";

    private TestCertificates() {}

    /** A valid client certificate of the UKEY CA, in a PKCS#12 store with password {@code password}. */
    public static KeyStore freshUkeyCertificate(String commonName, char[] password) throws Exception {
        X509Certificate caCert = DevPki.certificate("ukey-ca.pem");

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                caCert,
                                new BigInteger(96, new SecureRandom()).setBit(95),
                                Date.from(now.minus(Duration.ofMinutes(5))),
                                Date.from(now.plus(Duration.ofDays(30))),
                                new X500Name("CN=" + commonName + ",O=ZCRD Test"),
                                pair.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(
                                Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                        .build(DevPki.tokenSigner(UKEY_CA)));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("ukey", pair.getPrivate(), password, new Certificate[] {certificate, caCert});
        return store;
    }

    /**
     * Publishes a new UKEY CA CRL in {@code crlFile}: every entry of the CRL there now, plus {@code revoked}, with
     * the next CRL number — as the CA does when a UKEY is revoked.
     */
    public static void revoke(java.nio.file.Path crlFile, X509Certificate... revoked) throws Exception {
        X509Certificate caCert = DevPki.certificate("ukey-ca.pem");
        java.security.cert.X509CRL current;
        try (var in = java.nio.file.Files.newInputStream(crlFile)) {
            current = (java.security.cert.X509CRL)
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCRL(in);
        }
        org.bouncycastle.cert.X509CRLHolder currentHolder =
                new org.bouncycastle.cert.X509CRLHolder(current.getEncoded());
        BigInteger number = currentHolder.getExtension(Extension.cRLNumber) == null
                ? BigInteger.ONE
                : org.bouncycastle.asn1.x509.CRLNumber.getInstance(
                                currentHolder.getExtension(Extension.cRLNumber).getParsedValue())
                        .getCRLNumber()
                        .add(BigInteger.ONE);
        Date now = new Date();
        var builder = new org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder(caCert, now);
        builder.setNextUpdate(Date.from(now.toInstant().plus(Duration.ofDays(30))));
        builder.addCRL(currentHolder);
        for (X509Certificate certificate : revoked) {
            builder.addCRLEntry(certificate.getSerialNumber(), now, org.bouncycastle.asn1.x509.CRLReason.keyCompromise);
        }
        builder.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(number));
        builder.addExtension(
                Extension.authorityKeyIdentifier,
                false,
                new org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCert));
        org.bouncycastle.cert.X509CRLHolder crl = builder.build(DevPki.tokenSigner(UKEY_CA));
        java.nio.file.Path next = crlFile.resolveSibling(crlFile.getFileName() + ".new");
        try (var writer =
                new org.bouncycastle.openssl.jcajce.JcaPEMWriter(java.nio.file.Files.newBufferedWriter(next))) {
            writer.writeObject(crl);
        }
        java.nio.file.Files.move(
                next,
                crlFile,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
