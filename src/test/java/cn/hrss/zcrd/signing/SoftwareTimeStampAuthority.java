package cn.hrss.zcrd.signing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 time-stamp authority with an EC P-256 key in memory, for unit tests without Spring or the token: its
 * certificate (critical id-kp-timeStamping) is issued by the CA key given, or self-signed; the time comes from a
 * clock. Its tokens may be made to grow by extra certificates.
 */
public final class SoftwareTimeStampAuthority implements TimeStampSource {

    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime());

    private final KeyPair key;
    private final X509Certificate certificate;
    private final Clock clock;
    private final DigestCalculatorProvider digests;
    private volatile List<X509Certificate> extra = List.of();

    /** A TSA certified by {@code issuerKey} under {@code issuerName}, or self-signed when the key is null. */
    public SoftwareTimeStampAuthority(String issuerName, PrivateKey issuerKey, Clock clock) throws Exception {
        this.key = ecKey();
        this.clock = clock;
        this.digests = new JcaDigestCalculatorProviderBuilder().build();
        String subject = "CN=Test Time-Stamp Authority";
        this.certificate = certificate(
                subject,
                issuerKey == null ? subject : issuerName,
                issuerKey == null ? key.getPrivate() : issuerKey,
                true,
                key);
    }

    /** A self-signed TSA on the system clock. */
    public static SoftwareTimeStampAuthority selfSigned() throws Exception {
        return new SoftwareTimeStampAuthority(null, null, Clock.systemUTC());
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** From now on every token carries {@code count} more certificates (unrelated ones). */
    public void growTokensBy(int count) throws Exception {
        List<X509Certificate> more = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            KeyPair other = ecKey();
            more.add(certificate("CN=Unrelated " + i, "CN=Unrelated " + i, other.getPrivate(), false, other));
        }
        extra = List.copyOf(more);
    }

    @Override
    public byte[] timeStampToken(byte[] sha256Imprint) {
        try {
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSignerInfoGeneratorBuilder(digests)
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()), certificate),
                    digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier("2.5.29.32.0"));
            List<X509Certificate> certificates = new ArrayList<>(List.of(certificate));
            certificates.addAll(extra);
            tokens.addCertificates(new JcaCertStore(certificates));
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true);
            return tokens.generate(
                            requests.generate(TSPAlgorithms.SHA256, sha256Imprint),
                            BigInteger.valueOf(SERIALS.incrementAndGet()),
                            Date.from(clock.instant()))
                    .getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(
            String subject, String issuer, PrivateKey by, boolean timeStamping, KeyPair subjectKey) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name(issuer),
                BigInteger.valueOf(SERIALS.incrementAndGet()),
                Date.from(now.minusSeconds(3600)),
                Date.from(now.plusSeconds(86_400 * 365)),
                new X500Name(subject),
                subjectKey.getPublic());
        if (timeStamping) {
            builder.addExtension(
                    Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        }
        String algorithm = "EC".equals(by.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(by)));
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
