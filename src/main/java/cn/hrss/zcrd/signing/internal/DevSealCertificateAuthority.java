package cn.hrss.zcrd.signing.internal;

import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.RevocationProperties;
import cn.hrss.zcrd.signing.SigningProperties;
import cn.hrss.zcrd.signing.TokenUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The development seal CA of {@code ops/dev-setup}: its key sits in a PKCS#12 file under {@code var/pki}.
 * Production replaces it by a CA whose key lives in an HSM or by an external CA.
 */
@Component
class DevSealCertificateAuthority implements CertificateAuthority {

    private static final Duration VALIDITY = Duration.ofDays(3 * 365);
    static final String SEAL_CA_CRL_PATH = "/pki/seal-ca.crl";

    private final PrivateKey caKey;
    private final List<X509Certificate> caChain;
    private final SecureRandom random = new SecureRandom();
    private final SealCaRevocations revocations;
    private final RevocationProperties revocationProperties;
    private final Clock clock;
    private volatile IssuedCrl crl;
    /** The last CRL handed out by {@link #revocationListIssuedAfter}, and when its revocations were last compared. */
    private volatile IssuedCrl freshCrl;

    private volatile Instant freshCrlCheckedAt = Instant.EPOCH;

    /** A CRL this node issued, with the revocation-list state it was made from. */
    private record IssuedCrl(byte[] der, long fingerprint, Instant issuedAt) {}

    DevSealCertificateAuthority(
            SigningProperties properties,
            SealCaRevocations revocations,
            RevocationProperties revocationProperties,
            Clock clock) {
        this.revocations = revocations;
        this.revocationProperties = revocationProperties;
        this.clock = clock;
        try (InputStream in = Files.newInputStream(properties.sealCaKeystore())) {
            char[] password = Files.readString(properties.sealCaPasswordFile(), StandardCharsets.UTF_8)
                    .strip()
                    .toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String alias = Collections.list(store.aliases()).stream()
                    .filter(a -> isKeyEntry(store, a))
                    .findFirst()
                    .orElseThrow(() -> new TokenUnavailableException(
                            "No key entry in seal CA keystore " + properties.sealCaKeystore()));
            this.caKey = (PrivateKey) store.getKey(alias, password);
            Certificate[] chain = store.getCertificateChain(alias);
            List<X509Certificate> certificates = new ArrayList<>(
                    Arrays.stream(chain).map(X509Certificate.class::cast).toList());
            X509Certificate root = readCertificate(properties.rootCertificate());
            if (!certificates.get(certificates.size() - 1).equals(root)) {
                certificates.add(root);
            }
            this.caChain = List.copyOf(certificates);
            Arrays.fill(password, '\0');
        } catch (IOException | GeneralSecurityException e) {
            throw new TokenUnavailableException(
                    "Seal CA keystore " + properties.sealCaKeystore()
                            + " cannot be opened; create the dev PKI with ops/dev-setup",
                    e);
        }
    }

    private static X509Certificate readCertificate(java.nio.file.Path pem)
            throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static boolean isKeyEntry(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public List<X509Certificate> issueSealCertificate(PublicKey publicKey, String unitName, String creditCode) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, unitName)
                .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, creditCode)
                .addRDN(BCStyle.CN, unitName + " 电子印章")
                .build();
        return issue(subject, publicKey, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation), null);
    }

    @Override
    public List<X509Certificate> issueTimeStampingCertificate(PublicKey publicKey, String name) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.CN, name)
                .build();
        return issue(
                subject,
                publicKey,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation),
                new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    }

    @Override
    public List<X509Certificate> issueAuditCheckpointCertificate(PublicKey publicKey, String name) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.CN, name)
                .build();
        return issue(
                subject,
                publicKey,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation),
                new ExtendedKeyUsage(KeyPurposeId.getInstance(new ASN1ObjectIdentifier(AUDIT_CHECKPOINT_PURPOSE))));
    }

    private List<X509Certificate> issue(
            X500Name subject, PublicKey publicKey, KeyUsage keyUsage, ExtendedKeyUsage extendedKeyUsage) {
        X509Certificate issuer = caChain.get(0);
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            issuer,
                            new BigInteger(127, random).setBit(126),
                            Date.from(now.minus(Duration.ofMinutes(5))),
                            Date.from(now.plus(VALIDITY)),
                            subject,
                            publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, keyUsage)
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey))
                    .addExtension(
                            Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuer));
            GeneralNames crlAddress = new GeneralNames(new GeneralName(
                    GeneralName.uniformResourceIdentifier,
                    revocationProperties
                            .publicBaseUrl()
                            .resolve(SEAL_CA_CRL_PATH)
                            .toString()));
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(crlAddress), null, null)
            }));
            if (extendedKeyUsage != null) {
                builder.addExtension(Extension.extendedKeyUsage, true, extendedKeyUsage);
            }
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey)));
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            chain.addAll(caChain);
            return List.copyOf(chain);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Seal CA could not issue a certificate for " + subject, e);
        }
    }

    @Override
    @Transactional
    public void revoke(X509Certificate certificate, Instant revokedAt, int reasonCode) {
        if (!certificate.getIssuerX500Principal().equals(caChain.get(0).getSubjectX500Principal())) {
            throw new IllegalArgumentException("Not issued by the seal CA: " + certificate.getSubjectX500Principal());
        }
        revocations.add(
                certificate.getSerialNumber(),
                certificate.getSubjectX500Principal().getName(),
                revokedAt,
                reasonCode);
        crl = null;
    }

    /**
     * The CRL is re-issued when the revocation list changed (also on another node: the table is shared) or when
     * the configured renewal interval has passed; otherwise the cached one is served.
     */
    @Override
    public byte[] revocationList() {
        IssuedCrl current = crl;
        long fingerprint = revocations.fingerprint();
        Instant now = clock.instant();
        if (current == null
                || current.fingerprint() != fingerprint
                || current.issuedAt()
                        .plus(revocationProperties.sealCaCrlRenewal())
                        .isBefore(now)) {
            current = new IssuedCrl(issueCrl(now), fingerprint, now);
            crl = current;
        }
        return current.der().clone();
    }

    /**
     * One CRL per second at most, dated the whole second after {@code instant}: a signature time-stamped at
     * 10:00:00.4 gets the CRL of 10:00:01, and so do all others of that second. The revocation table is compared at
     * most once a second too, so a revocation shows within a second.
     */
    @Override
    public byte[] revocationListIssuedAfter(Instant instant) {
        Instant thisUpdate = instant.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant now = clock.instant();
        IssuedCrl current = freshCrl;
        boolean stale = current == null || current.issuedAt().isBefore(thisUpdate);
        if (!stale && freshCrlCheckedAt.plusSeconds(1).isBefore(now)) {
            freshCrlCheckedAt = now;
            stale = current.fingerprint() != revocations.fingerprint();
        }
        if (stale) {
            synchronized (this) {
                current = freshCrl;
                if (current == null
                        || current.issuedAt().isBefore(thisUpdate)
                        || current.fingerprint() != revocations.fingerprint()) {
                    Instant at = current == null || thisUpdate.isAfter(current.issuedAt())
                            ? thisUpdate
                            : current.issuedAt().plusSeconds(1);
                    current = new IssuedCrl(issueCrl(at), revocations.fingerprint(), at);
                    freshCrl = current;
                    freshCrlCheckedAt = now;
                }
            }
        }
        return current.der().clone();
    }

    private byte[] issueCrl(Instant now) {
        X509Certificate issuer = caChain.get(0);
        try {
            X509v2CRLBuilder builder =
                    new X509v2CRLBuilder(new JcaX509CertificateHolder(issuer).getSubject(), Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(revocationProperties.sealCaCrlValidity())));
            for (SealCaRevocations.Revoked revoked : revocations.all()) {
                builder.addCRLEntry(revoked.serialNumber(), Date.from(revoked.revokedAt()), revoked.reasonCode());
            }
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer));
            // increasing across nodes and restarts without coordination
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey))
                    .getEncoded();
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Seal CA could not issue its CRL", e);
        }
    }

    @Override
    public X509Certificate caCertificate() {
        return caChain.get(0);
    }

    @Override
    public X509Certificate rootCertificate() {
        return caChain.get(caChain.size() - 1);
    }
}
