package cn.hrss.zcrd.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.signing.TimeStampSource;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
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
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.Test;

/**
 * The room a certificate PDF reserves for its signature container follows the containers actually made: it shrinks
 * to the largest seen (plus a margin) after the first, and grows when a time-stamp token no longer fits.
 */
class CadesDetachedSignatureTest {

    @Test
    void theReservationShrinksToTheContainersSeenAndGrowsWhenATokenNoLongerFits() throws Exception {
        InMemorySignatureToken seal = OnePassCertificateDocumentsTest.softwareToken();
        SoftwareTimeStamps stamps = new SoftwareTimeStamps();
        CadesDetachedSignature signature = new CadesDetachedSignature(seal, "seal", seal.chain(), stamps);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("证书".getBytes());

        int before = signature.reservedBytes();
        int size = signature.sign(digest, before).cms().length;
        int after = signature.reservedBytes();
        assertThat(after).as("shrunk to the container seen, with room to spare")
                .isLessThan(before).isGreaterThanOrEqualTo(size + CadesDetachedSignature.MARGIN);

        stamps.extraCertificates = 3; // the TSA's tokens grow by three certificates
        assertThatThrownBy(() -> signature.sign(digest, after))
                .isInstanceOf(CadesDetachedSignature.ContainerTooLarge.class);
        int grown = signature.reservedBytes();
        CadesDetachedSignature.Signed signed = signature.sign(digest, grown);
        assertThat(signed.cms().length).isLessThanOrEqualTo(grown);
        assertThat(new CMSSignedData(signed.cms()).getSignerInfos().size()).isEqualTo(1);
    }

    /** An RFC 3161 TSA with an EC key in memory whose tokens carry {@link #extraCertificates} more certificates. */
    static final class SoftwareTimeStamps implements TimeStampSource {

        final KeyPair key;
        final X509Certificate certificate;
        final DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        volatile int extraCertificates;

        SoftwareTimeStamps() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            key = generator.generateKeyPair();
            X500Name name = new X500Name("CN=Test TSA");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                    Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)), name, key.getPublic());
            builder.addExtension(Extension.extendedKeyUsage, true,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
        }

        @Override
        public byte[] timeStampToken(byte[] sha256Imprint) {
            try {
                TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(new JcaSignerInfoGeneratorBuilder(digests)
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()), certificate),
                        digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                        new ASN1ObjectIdentifier("2.5.29.32.0"));
                List<X509Certificate> certificates = new ArrayList<>(List.of(certificate));
                for (int i = 0; i < extraCertificates; i++) {
                    certificates.add(OnePassCertificateDocumentsTest.softwareToken().chain().get(0));
                }
                tokens.addCertificates(new JcaCertStore(certificates));
                TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
                requests.setCertReq(true);
                return tokens.generate(requests.generate(TSPAlgorithms.SHA256, sha256Imprint), BigInteger.ONE,
                        new Date()).getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
