package cn.hrss.zcrd.verification.internal;

import cn.hrss.zcrd.certificate.CertificateRegister;
import cn.hrss.zcrd.certificate.CertificateStatus;
import cn.hrss.zcrd.certificate.RegisteredCertificate;
import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.ExternalSealCertificates;
import cn.hrss.zcrd.signing.RevocationLists;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the page and the API ask: look-ups in the register and the verdict on an uploaded PDF. The verifier and
 * its trust anchors are built once (on first use: the CA is read from the token at start); the seal CA's CRL is
 * fetched at most every {@link #CRL_TTL}. Each answer is counted ({@value #VERIFICATIONS}, tags {@code method}:
 * lookup (number + name), qr (number + key), file (uploaded PDF); {@code outcome}: found / not-found for a look-up,
 * the verdict (genuine, revoked, tampered, …) or refused (not a PDF, too large, …) for a file).
 */
@Service
public class VerificationService {

    static final Duration CRL_TTL = Duration.ofSeconds(30);
    static final String VERIFICATIONS = "zcrd.verifications";
    private static final Logger log = LoggerFactory.getLogger(VerificationService.class);

    private final CertificateRegister register;
    private final CertificateAuthority authority;
    private final RevocationLists revocationLists;
    private final ExternalSealCertificates external;
    private final VerificationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile SignedPdfVerifier verifier;
    private volatile CachedCrl crl;

    VerificationService(
            CertificateRegister register,
            CertificateAuthority authority,
            RevocationLists revocationLists,
            ExternalSealCertificates external,
            VerificationProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.meters = meters;
        this.external = external;
        this.register = register;
        this.authority = authority;
        this.revocationLists = revocationLists;
        this.properties = properties;
        this.clock = clock;
    }

    public long maxUploadBytes() {
        return properties.maxUploadBytes();
    }

    /** By number and the holder's name; empty for a malformed number, a wrong name or an unknown number alike. */
    public Optional<RegisteredCertificate> byNumberAndHolder(String number, String holderName) {
        return counted("lookup", register.byNumberAndHolder(number, holderName));
    }

    /** By the QR code's number and key. */
    public Optional<RegisteredCertificate> byNumberAndKey(String number, String key) {
        return counted("qr", register.byNumberAndKey(number, key));
    }

    private Optional<RegisteredCertificate> counted(String method, Optional<RegisteredCertificate> found) {
        count(method, found.isPresent() ? "found" : "not-found");
        return found;
    }

    private void count(String method, String outcome) {
        Counter.builder(VERIFICATIONS)
                .description("answers of the public verification (page and API)")
                .tag("method", method)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    /**
     * The verdict on an uploaded PDF.
     *
     * @throws UploadRefusedException when empty, larger than allowed, not a PDF or cut off
     */
    public PdfVerification verify(byte[] pdf) {
        try {
            PdfVerification verification = verdictOn(pdf);
            count("file", verification.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            return verification;
        } catch (UploadRefusedException e) {
            count("file", "refused");
            throw e;
        }
    }

    /**
     * {@link #verify(byte[])} of an uploaded file; one that is empty or larger than allowed is refused before it is
     * read (and not counted).
     */
    public PdfVerification verify(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new UploadRefusedException(UploadRefusedException.Problem.EMPTY);
        }
        if (file.getSize() > properties.maxUploadBytes()) {
            throw new UploadRefusedException(UploadRefusedException.Problem.TOO_LARGE);
        }
        return verify(file.getBytes());
    }

    private PdfVerification verdictOn(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            throw new UploadRefusedException(UploadRefusedException.Problem.EMPTY);
        }
        if (pdf.length > properties.maxUploadBytes()) {
            throw new UploadRefusedException(UploadRefusedException.Problem.TOO_LARGE);
        }
        SignedPdfVerifier.Findings f = verifier().verify(pdf, clock.instant());
        if (f.problem() != null) {
            return switch (f.problem()) {
                case NOT_PDF -> throw new UploadRefusedException(UploadRefusedException.Problem.NOT_PDF);
                case TRUNCATED -> throw new UploadRefusedException(UploadRefusedException.Problem.TRUNCATED);
                case UNSIGNED -> result(Verdict.UNSIGNED, "verify.detail.unsigned", f, false, null);
                case MULTIPLE_SIGNATURES ->
                    result(Verdict.TAMPERED, "verify.detail.multiple-signatures", f, true, null);
                case BROKEN_SIGNATURE -> result(Verdict.TAMPERED, "verify.detail.broken-signature", f, true, null);
            };
        }
        if (!f.intact()) {
            return result(Verdict.TAMPERED, "verify.detail.changed", f, true, null);
        }
        if (!f.platformIssued()) {
            return result(Verdict.FOREIGN, "verify.detail.foreign", f, true, null);
        }
        if (!f.sealProfile()) {
            // a platform key of another purpose (TSA, health check, specimen, audit): never a seal
            return result(Verdict.SIGNER_INVALID, "verify.detail.not-a-seal", f, true, null);
        }
        // the exact file issued: one indexed query
        RegisteredCertificate registered = register.bySha256(f.sha256()).orElse(null);
        if (!f.coversWholeFile() && registered == null) {
            // appended after signing, and not by the platform (whose stored file would be this one)
            return result(Verdict.TAMPERED, "verify.detail.appended", f, true, null);
        }
        if (!f.validAtSigning()) {
            return result(
                    Verdict.SIGNER_INVALID,
                    f.revokedAtSigning() ? "verify.detail.signer-revoked" : "verify.detail.signer-expired",
                    f,
                    true,
                    registered);
        }
        if (registered == null) {
            return result(Verdict.UNREGISTERED, "verify.detail.unregistered", f, true, null);
        }
        if (registered.revoked()) {
            return result(Verdict.REVOKED, "verify.detail.revoked", f, true, registered);
        }
        if (registered.status() == CertificateStatus.REISSUED) {
            return result(Verdict.REISSUED, "verify.detail.reissued", f, true, registered);
        }
        if (registered.status() == CertificateStatus.CORRECTED) {
            return result(Verdict.CORRECTED, "verify.detail.corrected", f, true, registered);
        }
        return result(Verdict.GENUINE, "verify.detail.genuine", f, true, registered);
    }

    private static PdfVerification result(
            Verdict verdict,
            String detail,
            SignedPdfVerifier.Findings f,
            boolean signed,
            RegisteredCertificate certificate) {
        X509Certificate signer = f.signer();
        boolean unchanged = f.intact() && (f.coversWholeFile() || certificate != null);
        return new PdfVerification(
                verdict,
                detail,
                f.sha256(),
                signed,
                unchanged,
                signer == null ? null : attribute(signer, BCStyle.O),
                signer == null
                        ? null
                        : X500Name.getInstance(signer.getSubjectX500Principal().getEncoded())
                                .toString(),
                f.platformIssued(),
                f.intact() && f.sealProfile() && f.validAtSigning(),
                f.signedAt(),
                f.archiveTimeStamps(),
                f.evidenceUntil(),
                certificate);
    }

    private static String attribute(X509Certificate certificate, ASN1ObjectIdentifier type) {
        RDN[] rdns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                .getRDNs(type);
        if (rdns.length == 0) {
            rdns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                    .getRDNs(BCStyle.CN);
        }
        if (rdns.length == 0) {
            return null;
        }
        var value = rdns[0].getFirst().getValue();
        return value instanceof ASN1String text ? text.getString() : IETFUtils.valueToString(value);
    }

    private SignedPdfVerifier verifier() {
        SignedPdfVerifier v = verifier;
        if (v == null) {
            synchronized (this) {
                if (verifier == null) {
                    verifier = new SignedPdfVerifier(
                            authority.rootCertificate(),
                            authority.caCertificate(),
                            this::sealCaCrl,
                            authority::isSealCertificate,
                            externalAnchors());
                }
                v = verifier;
            }
        }
        return v;
    }

    /** The licensed CA's anchors in external-CA mode; none otherwise (then only the platform's seals count). */
    private SignedPdfVerifier.ExternalSealAnchors externalAnchors() {
        if (!external.enabled()) {
            return SignedPdfVerifier.ExternalSealAnchors.NONE;
        }
        return new SignedPdfVerifier.ExternalSealAnchors() {
            @Override
            public boolean chains(X509Certificate signer, Collection<X509Certificate> carried, Instant at) {
                return !external.trustedChain(signer, carried, at).isEmpty();
            }

            @Override
            public boolean isSeal(X509Certificate signer) {
                return external.isSeal(signer);
            }

            @Override
            public boolean revokedBefore(X509Certificate signer, Instant at) {
                return external.revokedBefore(signer, at);
            }
        };
    }

    private X509CRL sealCaCrl() {
        CachedCrl current = crl;
        Instant now = clock.instant();
        if (current == null || current.fetchedAt().plus(CRL_TTL).isBefore(now)) {
            try {
                current = new CachedCrl(RevocationLists.parse(revocationLists.sealCaCrl()), now);
                crl = current;
            } catch (RuntimeException e) {
                log.warn("seal CA CRL unavailable for verification: {}", e.toString());
                return current == null ? null : current.crl();
            }
        }
        return current.crl();
    }

    private record CachedCrl(X509CRL crl, Instant fetchedAt) {}
}
