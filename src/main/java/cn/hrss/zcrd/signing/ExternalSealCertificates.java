package cn.hrss.zcrd.signing;

import cn.hrss.zcrd.shared.RefusedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.springframework.stereotype.Service;

/**
 * External-CA mode of the electronic seals ({@code zcrd.signing.seal-certificates: external}): the seal key is
 * generated in the platform token as always, but a licensed CA (电子认证服务机构) certifies it. This class makes the
 * key's PKCS#10 request (signed through the token), checks a certificate the CA returned — for exactly that key,
 * chaining to the configured anchors ({@link ExternalCaProperties}), valid now, with the seal profile, not on the
 * CA's CRL — and installs it beside the key. The verifier and the long-term validation data use its anchors and
 * CRLs. A key waiting for its certificate holds a placeholder certificate signed by a throw-away key, which chains
 * to nothing and so counts for nothing.
 */
@Service
public class ExternalSealCertificates {

    /** The largest certificate file accepted for import. */
    public static final int MAX_UPLOAD = 64 * 1024;

    private static final Duration CRL_REREAD = Duration.ofMinutes(1);

    private final SigningProperties signing;
    private final ExternalCaProperties properties;
    private final SignatureToken token;
    private final Clock clock;
    private volatile Read read;

    /** The anchors, intermediates and CRLs as last read from their files. */
    private record Read(
            Set<TrustAnchor> anchors, List<X509Certificate> certificates, List<X509CRL> crls, Instant readAt) {}

    ExternalSealCertificates(
            SigningProperties signing, ExternalCaProperties properties, SignatureToken token, Clock clock) {
        this.signing = signing;
        this.properties = properties;
        this.token = token;
        this.clock = clock;
    }

    /** Whether seal certificates come from the external CA ({@code zcrd.signing.seal-certificates: external}). */
    public boolean enabled() {
        return signing.sealCertificates() == SigningProperties.SealCertificates.EXTERNAL;
    }

    /** The subject a seal certificate names (also the subject of the request): unit name and credit code. */
    public static X500Name sealSubject(String unitName, String creditCode) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, unitName)
                .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, creditCode)
                .addRDN(BCStyle.CN, unitName + " 电子印章")
                .build();
    }

    /**
     * The placeholder chain a seal key holds in the token until its certificate is imported: one certificate for
     * {@code publicKey}, signed by a key thrown away at once (it verifies against nothing).
     */
    public static List<X509Certificate> placeholder(PublicKey publicKey, String alias) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair throwAway = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, alias + " awaiting external CA certificate")
                    .build();
            var builder = new JcaX509v3CertificateBuilder(
                    name, BigInteger.ONE, Date.from(now), Date.from(now.plus(Duration.ofDays(1))), name, publicKey);
            return List.of(new JcaX509CertificateConverter()
                    .getCertificate(builder.build(
                            new JcaContentSignerBuilder("SHA256withECDSA").build(throwAway.getPrivate()))));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("placeholder certificate for " + alias, e);
        }
    }

    /** The PKCS#10 request (PEM) for the seal key {@code alias} of the token, signed by that key in the token. */
    public String certificationRequest(String alias, String unitName, String creditCode) {
        PublicKey key = token.certificateChain(alias).get(0).getPublicKey();
        PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(
                        sealSubject(unitName, creditCode), key)
                .build(new TokenContentSigner(token, alias, SignatureToken.sha256With(key)));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(request);
        } catch (IOException e) {
            throw new IllegalStateException("PKCS#10 request of " + alias, e);
        }
        return pem.toString();
    }

    /**
     * Checks an uploaded certificate file (PEM or DER; it may carry the CA's intermediates too) for the seal key
     * {@code alias} of the token.
     *
     * @return the chain to store, seal certificate first, up to and including the anchor
     * @throws RefusedException with a message key {@code eseal.external.*}: not a certificate, for another key, not
     *     valid now, not from the configured CA, not a seal certificate, revoked
     */
    public List<X509Certificate> check(String alias, byte[] upload) {
        List<X509Certificate> uploaded = parse(upload);
        PublicKey key = token.certificateChain(alias).get(0).getPublicKey();
        X509Certificate certificate = uploaded.stream()
                .filter(c -> c.getPublicKey().equals(key))
                .findFirst()
                .orElseThrow(() -> new RefusedException("eseal.external.other-key"));
        Instant now = clock.instant();
        if (!within(certificate, now)) {
            throw new RefusedException("eseal.external.not-valid");
        }
        List<X509Certificate> chain = trustedChain(certificate, uploaded, now);
        if (chain.isEmpty()) {
            throw new RefusedException("eseal.external.foreign-ca");
        }
        if (!isSeal(certificate)) {
            throw new RefusedException(
                    "eseal.external.not-seal-profile", sealPolicy().getId());
        }
        if (revokedBefore(certificate, now)) {
            throw new RefusedException("eseal.external.revoked");
        }
        return chain;
    }

    /** Stores {@code chain} (from {@link #check}) with the seal key {@code alias} in the token. */
    public void install(String alias, List<X509Certificate> chain) {
        token.replaceCertificateChain(alias, chain);
    }

    /**
     * The chain from {@code certificate} to a configured anchor, valid at {@code at} (the anchor certificate last);
     * empty when there is none. {@code carried}: further certificates to build it with (e.g. from a signature).
     */
    public List<X509Certificate> trustedChain(
            X509Certificate certificate, Collection<X509Certificate> carried, Instant at) {
        Read current = current();
        if (current.anchors().isEmpty()) {
            return List.of();
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(current.anchors(), target);
            Set<X509Certificate> pool = new LinkedHashSet<>(current.certificates());
            pool.addAll(carried);
            pool.add(certificate);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            // revocation from the CA's configured CRLs, checked by the callers (no network here)
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult)
                    CertPathBuilder.getInstance("PKIX").build(parameters);
            List<X509Certificate> chain = new ArrayList<>();
            result.getCertPath().getCertificates().forEach(c -> chain.add((X509Certificate) c));
            X509Certificate anchor = result.getTrustAnchor().getTrustedCert();
            if (anchor != null && !chain.contains(anchor)) {
                chain.add(anchor);
            }
            return List.copyOf(chain);
        } catch (GeneralSecurityException | RuntimeException e) {
            return List.of();
        }
    }

    /** Whether {@code certificate} has the seal profile with the external CA's seal policy. */
    public boolean isSeal(X509Certificate certificate) {
        return CertificateProfile.SEAL.matchesPolicy(certificate, sealPolicy());
    }

    private ASN1ObjectIdentifier sealPolicy() {
        return properties.sealPolicy().isBlank()
                ? CertificateProfile.SEAL.policy(signing.policyArc())
                : new ASN1ObjectIdentifier(properties.sealPolicy().strip());
    }

    /** Whether a configured CRL of the certificate's issuer lists it as revoked at or before {@code at}. */
    public boolean revokedBefore(X509Certificate certificate, Instant at) {
        for (X509CRL crl : current().crls()) {
            if (crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
                X509CRLEntry entry = crl.getRevokedCertificate(certificate);
                if (entry != null && !entry.getRevocationDate().toInstant().isAfter(at)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The external CA's current CRLs (DER), for the long-term validation data of a signature. */
    public List<byte[]> crls() {
        List<byte[]> der = new ArrayList<>();
        for (X509CRL crl : current().crls()) {
            try {
                der.add(crl.getEncoded());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return der;
    }

    /** Whether {@code certificate} was issued by the external CA (its issuer is an anchor or intermediate). */
    public boolean isIssuedHere(X509Certificate certificate) {
        Read current = current();
        return current.anchors().stream()
                        .anyMatch(a -> a.getTrustedCert()
                                .getSubjectX500Principal()
                                .equals(certificate.getIssuerX500Principal()))
                || current.certificates().stream()
                        .anyMatch(c -> c.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()));
    }

    private Read current() {
        Read known = read;
        Instant now = clock.instant();
        if (known == null || known.readAt().plus(CRL_REREAD).isBefore(now) || crlsChanged(known)) {
            known = readFiles(now);
            read = known;
        }
        return known;
    }

    /** Whether a CRL file was replaced since {@code known} was read (a new CRL counts at once). */
    private boolean crlsChanged(Read known) {
        for (Path file : properties.crls()) {
            try {
                if (Files.getLastModifiedTime(file).toInstant().isAfter(known.readAt())) {
                    return true;
                }
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    private Read readFiles(Instant now) {
        Set<TrustAnchor> anchors = new HashSet<>();
        List<X509Certificate> all = new ArrayList<>();
        for (Path file : properties.anchors()) {
            for (X509Certificate anchor : certificatesIn(file)) {
                anchors.add(new TrustAnchor(anchor, null));
                all.add(anchor);
            }
        }
        List<X509Certificate> intermediates = new ArrayList<>();
        for (Path file : properties.intermediates()) {
            intermediates.addAll(certificatesIn(file));
        }
        all.addAll(intermediates);
        List<X509CRL> crls = new ArrayList<>();
        for (Path file : properties.crls()) {
            X509CRL crl = crlIn(file);
            // only a CRL its CA signed counts
            if (all.stream().anyMatch(ca -> signedBy(crl, ca))) {
                crls.add(crl);
            } else {
                throw new TokenUnavailableException(
                        "The CRL " + file + " is not signed by a configured external CA certificate");
            }
        }
        return new Read(Set.copyOf(anchors), List.copyOf(intermediates), List.copyOf(crls), now);
    }

    private static boolean signedBy(X509CRL crl, X509Certificate ca) {
        if (!crl.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            return false;
        }
        try {
            crl.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<X509Certificate> certificatesIn(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return List.copyOf((Collection<X509Certificate>)
                    CertificateFactory.getInstance("X.509").generateCertificates(in));
        } catch (IOException | GeneralSecurityException e) {
            throw new TokenUnavailableException("External CA certificate file " + file + " cannot be read", e);
        }
    }

    private static X509CRL crlIn(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new TokenUnavailableException("External CA CRL " + file + " cannot be read", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<X509Certificate> parse(byte[] upload) {
        if (upload == null || upload.length == 0 || upload.length > MAX_UPLOAD) {
            throw new RefusedException("eseal.external.not-certificate");
        }
        try {
            Collection<X509Certificate> certificates = (Collection<X509Certificate>)
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(upload));
            if (certificates.isEmpty() || certificates.size() > 10) {
                throw new RefusedException("eseal.external.not-certificate");
            }
            return List.copyOf(certificates);
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof RefusedException refused) {
                throw refused;
            }
            throw new RefusedException("eseal.external.not-certificate");
        }
    }

    private static boolean within(X509Certificate certificate, Instant at) {
        try {
            certificate.checkValidity(Date.from(at));
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
