package cn.hrss.zcrd.signing.internal;

import cn.hrss.zcrd.signing.CaKeys;
import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.CertificateProfile;
import cn.hrss.zcrd.signing.RevocationProperties;
import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.signing.SigningProperties;
import cn.hrss.zcrd.signing.TokenContentSigner;
import cn.hrss.zcrd.signing.TokenUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seal CA, its key a non-extractable object of the platform token ({@code zcrd.signing.seal-ca-key}), its
 * certificate stored beside it there (issued by the offline root, see {@code ops/platform-ca}). Certificates and CRLs
 * are signed through the {@link SignatureToken}; the application never holds the key. At start it checks that the
 * token's certificate is a CA certificate issued by the configured root and that the key signs for it.
 */
@Component
class TokenSealCertificateAuthority implements CertificateAuthority {

    private static final Duration VALIDITY = Duration.ofDays(3 * 365);

    private final SignatureToken token;
    private final String caKey;
    private final String caAlgorithm;
    private final String policyArc;
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

    TokenSealCertificateAuthority(
            SignatureToken token,
            SigningProperties properties,
            SealCaRevocations revocations,
            RevocationProperties revocationProperties,
            Clock clock) {
        this.token = token;
        this.caKey = properties.sealCaKey();
        this.policyArc = properties.policyArc();
        this.revocations = revocations;
        this.revocationProperties = revocationProperties;
        this.clock = clock;
        X509Certificate root = readRoot(properties.rootCertificate());
        if (!token.containsKey(caKey)) {
            throw new TokenUnavailableException(
                    "The seal CA key '" + caKey + "' (with its certificate) is not in the"
                            + " platform token; run ops/dev-setup (development) or ops/platform-ca request/import (production)");
        }
        X509Certificate ca = token.certificateChain(caKey).get(0);
        CaKeys.requireCa(ca, root, "seal CA '" + caKey + "'");
        this.caAlgorithm = SignatureToken.sha256With(ca.getPublicKey());
        CaKeys.requireKeyOf(token, caKey, ca, caAlgorithm);
        this.caChain = ca.equals(root) ? List.of(ca) : List.of(ca, root);
    }

    private static X509Certificate readRoot(java.nio.file.Path pem) {
        if (pem == null) {
            throw new TokenUnavailableException("zcrd.signing.root-certificate is not set");
        }
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new TokenUnavailableException(
                    "The root certificate " + pem + " cannot be read; create the dev PKI with ops/dev-setup", e);
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
        return issue(CertificateProfile.SEAL, subject, publicKey);
    }

    @Override
    public List<X509Certificate> issueCertificate(CertificateProfile profile, PublicKey publicKey, String commonName) {
        if (profile == CertificateProfile.SEAL) {
            throw new IllegalArgumentException("seal certificates name their unit: use issueSealCertificate");
        }
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.CN, commonName)
                .build();
        return issue(profile, subject, publicKey);
    }

    @Override
    public boolean isSealCertificate(X509Certificate certificate) {
        return CertificateProfile.SEAL.matches(certificate, policyArc);
    }

    private List<X509Certificate> issue(CertificateProfile profile, X500Name subject, PublicKey publicKey) {
        X509Certificate issuer = caChain.get(0);
        Instant now = clock.instant();
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
                    .addExtension(Extension.keyUsage, true, keyUsage(profile))
                    .addExtension(
                            Extension.certificatePolicies,
                            false,
                            new CertificatePolicies(new PolicyInformation(profile.policy(policyArc))))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey))
                    .addExtension(
                            Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuer))
                    .addExtension(
                            Extension.authorityInfoAccess,
                            false,
                            new AuthorityInformationAccess(
                                    AccessDescription.id_ad_caIssuers, uri(CertificateAuthority.CERTIFICATE_PATH)))
                    .addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(
                                new DistributionPointName(new GeneralNames(uri(CertificateAuthority.CRL_PATH))),
                                null,
                                null)
                    }));
            if (profile == CertificateProfile.TIME_STAMPING) {
                builder.addExtension(
                        Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            } else if (profile == CertificateProfile.AUDIT) {
                // a fixed purpose the offline audit verifier checks without knowing the bureau's policy arc
                builder.addExtension(
                        Extension.extendedKeyUsage,
                        true,
                        new ExtendedKeyUsage(KeyPurposeId.getInstance(
                                new ASN1ObjectIdentifier(CertificateAuthority.AUDIT_CHECKPOINT_PURPOSE))));
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer()));
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            chain.addAll(caChain);
            return List.copyOf(chain);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Seal CA could not issue a certificate for " + subject, e);
        }
    }

    private static KeyUsage keyUsage(CertificateProfile profile) {
        return profile == CertificateProfile.SEAL || profile == CertificateProfile.AUDIT
                ? new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)
                : new KeyUsage(KeyUsage.digitalSignature);
    }

    private GeneralName uri(String path) {
        return new GeneralName(
                GeneralName.uniformResourceIdentifier,
                revocationProperties.publicBaseUrl().resolve(path).toString());
    }

    private TokenContentSigner signer() {
        return new TokenContentSigner(token, caKey, caAlgorithm);
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
            return builder.build(signer()).getEncoded();
        } catch (IOException | GeneralSecurityException e) {
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
