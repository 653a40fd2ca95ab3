package cn.hrss.zcrd.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
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
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The licensed external CA as configured ({@code zcrd.signing.external-ca.*}, {@link ExternalCaProperties}): its
 * anchors, intermediates and current CRLs, read from their files (CRLs again when a file changes, at the latest
 * every minute). Used by both external-CA modes: seal certificates ({@link ExternalSealCertificates}) and back-office
 * UKEY certificates ({@code zcrd.backoffice.ukey-certificates: external}).
 */
@Component
public class ExternalCa {

    /** The largest certificate file accepted for import. */
    public static final int MAX_UPLOAD = 64 * 1024;

    private static final Duration CRL_REREAD = Duration.ofMinutes(1);

    private final ExternalCaProperties properties;
    private final Clock clock;
    private volatile Read read;

    /** The anchors, intermediates and CRLs as last read from their files. */
    private record Read(
            Set<TrustAnchor> anchors,
            List<X509Certificate> anchorCertificates,
            List<X509Certificate> certificates,
            List<X509CRL> crls,
            Instant readAt) {}

    ExternalCa(ExternalCaProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** The configured anchor certificates (root and/or issuing intermediates), in file order. */
    public List<X509Certificate> anchorCertificates() {
        return current().anchorCertificates();
    }

    /** The configured CRL files (as the TLS listener must also read them). */
    public List<Path> crlFiles() {
        return properties.crls();
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

    /** The CA's current CRLs (DER). */
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
        return current.anchorCertificates().stream()
                        .anyMatch(a -> a.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
                || current.certificates().stream()
                        .anyMatch(c -> c.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()));
    }

    /** The certificates of an uploaded file (PEM or DER, at most 10, at most {@link #MAX_UPLOAD}); else empty. */
    @SuppressWarnings("unchecked")
    public static Optional<List<X509Certificate>> parse(byte[] upload) {
        if (upload == null || upload.length == 0 || upload.length > MAX_UPLOAD) {
            return Optional.empty();
        }
        try {
            Collection<X509Certificate> certificates = (Collection<X509Certificate>)
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(upload));
            if (certificates.isEmpty() || certificates.size() > 10) {
                return Optional.empty();
            }
            return Optional.of(List.copyOf(certificates));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code certificate} is within its validity period at {@code at}. */
    public static boolean within(X509Certificate certificate, Instant at) {
        try {
            certificate.checkValidity(Date.from(at));
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
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
        List<X509Certificate> anchorCertificates = new ArrayList<>();
        for (Path file : properties.anchors()) {
            for (X509Certificate anchor : certificatesIn(file)) {
                anchors.add(new TrustAnchor(anchor, null));
                anchorCertificates.add(anchor);
            }
        }
        List<X509Certificate> intermediates = new ArrayList<>();
        for (Path file : properties.intermediates()) {
            intermediates.addAll(certificatesIn(file));
        }
        List<X509Certificate> all = new ArrayList<>(anchorCertificates);
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
        return new Read(
                Set.copyOf(anchors),
                List.copyOf(anchorCertificates),
                List.copyOf(intermediates),
                List.copyOf(crls),
                now);
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
}
