package cn.hrss.zcrd.verification.internal;

import cn.hrss.zcrd.signing.CertificateProfile;
import cn.hrss.zcrd.signing.SigningProperties;
import cn.hrss.zcrd.signing.SoftwareTimeStampAuthority;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A root, a seal CA and seal keys in memory: the platform PKI's shape for unit tests. */
final class SoftwarePki {

    final KeyPair rootKey = rsa();
    final X509Certificate root;
    final KeyPair caKey = rsa();
    final X509Certificate sealCa;

    SoftwarePki(String rootName) throws Exception {
        root = issue(
                "CN=" + rootName,
                rootKey.getPublic(),
                "CN=" + rootName,
                rootKey.getPrivate(),
                true,
                Instant.now().minusSeconds(3600),
                Instant.now().plusSeconds(86_400 * 365));
        sealCa = issue(
                "CN=" + rootName + " Seal CA",
                caKey.getPublic(),
                "CN=" + rootName,
                rootKey.getPrivate(),
                true,
                Instant.now().minusSeconds(3600),
                Instant.now().plusSeconds(86_400 * 365));
    }

    /** A seal key and its chain (seal certificate, seal CA, root), valid in [from, to]. */
    record Seal(PrivateKey key, List<X509Certificate> chain) {
        X509Certificate certificate() {
            return chain.get(0);
        }
    }

    Seal seal(String unit, Instant from, Instant to) throws Exception {
        return key(unit, CertificateProfile.SEAL, from, to);
    }

    /** A key of the platform certified with {@code profile} (seal, TSA, test …) by the seal CA, as the platform does. */
    Seal key(String name, CertificateProfile profile, Instant from, Instant to) throws Exception {
        KeyPair pair = rsa();
        JcaX509v3CertificateBuilder builder = builder(
                "O=" + name + ",CN=" + name,
                pair.getPublic(),
                sealCa.getSubjectX500Principal().getName(),
                from,
                to);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(
                Extension.keyUsage,
                true,
                profile == CertificateProfile.SEAL
                        ? new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)
                        : new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(
                Extension.certificatePolicies,
                false,
                new CertificatePolicies(new PolicyInformation(profile.policy(ARC))));
        if (profile == CertificateProfile.TIME_STAMPING) {
            builder.addExtension(
                    Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        }
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey.getPrivate())));
        return new Seal(pair.getPrivate(), List.of(certificate, sealCa, root));
    }

    /** The seal profile as the platform checks it (the development policy arc). */
    static boolean sealProfile(X509Certificate certificate) {
        return CertificateProfile.SEAL.matches(certificate, ARC);
    }

    static final String ARC = SigningProperties.DEVELOPMENT_POLICY_ARC;

    Seal seal(String unit) throws Exception {
        return seal(unit, Instant.now().minusSeconds(600), Instant.now().plusSeconds(86_400 * 30));
    }

    /** A time-stamp authority certified by the seal CA, as the platform's is, stamping the time of {@code clock}. */
    SoftwareTimeStampAuthority timeStampAuthority(Clock clock) throws Exception {
        return new SoftwareTimeStampAuthority(sealCa.getSubjectX500Principal().getName(), caKey.getPrivate(), clock);
    }

    X509CRL crl(X509Certificate revoked, Instant at) throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                new X500Name(sealCa.getSubjectX500Principal().getName()), Date.from(Instant.now()));
        if (revoked != null) {
            builder.addCRLEntry(revoked.getSerialNumber(), Date.from(at), CRLReason.keyCompromise);
        }
        return new JcaX509CRLConverter()
                .getCRL(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey.getPrivate())));
    }

    private static JcaX509v3CertificateBuilder builder(
            String subject, PublicKey key, String issuer, Instant from, Instant to) {
        return new JcaX509v3CertificateBuilder(
                new X500Name(issuer),
                BigInteger.valueOf(System.nanoTime()),
                Date.from(from),
                Date.from(to),
                new X500Name(subject),
                key);
    }

    static X509Certificate issue(
            String subject, PublicKey key, String issuer, PrivateKey by, boolean ca, Instant from, Instant to)
            throws Exception {
        JcaX509v3CertificateBuilder builder = builder(subject, key, issuer, from, to);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(by)));
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
