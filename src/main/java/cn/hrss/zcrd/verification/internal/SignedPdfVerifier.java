package cn.hrss.zcrd.verification.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

/**
 * Verifies the signature of a certificate PDF without parsing the PDF: {@link SignatureScan} finds the one
 * signature, the two byte ranges are hashed in place, Bouncy Castle checks the CMS container (message digest and
 * signature value against the signer's certificate), the signer's certificate must be issued by the platform's
 * seal CA (or root), which chain to the platform root, and be valid — not expired, not revoked on the seal CA's CRL
 * — at the time the signature states (its /M inside the signed bytes). Also hashes the whole file for the register.
 * Plain Java, thread-safe; the trust anchors are fixed at construction, the CRL comes from a supplier.
 */
final class SignedPdfVerifier {

    private static final Set<ASN1ObjectIdentifier> DIGESTS = Set.of(NISTObjectIdentifiers.id_sha256,
            NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512);
    private static final int MAX_CACHED_ISSUERS = 10_000;

    private final X509Certificate root;
    private final X509Certificate sealCa;
    private final Supplier<X509CRL> sealCaCrl;
    /** signer certificates already checked against their issuer (by encoding): one RSA verification saved each time */
    private final Map<String, Boolean> issuedByPlatform = new ConcurrentHashMap<>();

    /**
     * @param sealCa    the platform CA that issues electronic-seal certificates (must chain to {@code root})
     * @param sealCaCrl its current revocation list (may return null when unknown)
     */
    SignedPdfVerifier(X509Certificate root, X509Certificate sealCa, Supplier<X509CRL> sealCaCrl) {
        this.root = root;
        this.sealCa = sealCa;
        this.sealCaCrl = sealCaCrl;
        try {
            root.verify(root.getPublicKey());
            if (!sealCa.equals(root)) {
                sealCa.verify(root.getPublicKey());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the seal CA does not chain to the platform root", e);
        }
    }

    /** What was found; {@code problem} null means a signature that verifies (see the other fields for trust). */
    record Findings(String sha256, SignatureScan.Problem problem, boolean intact, X509Certificate signer,
                    boolean platformIssued, boolean validAtSigning, boolean revokedAtSigning, Instant signedAt,
                    boolean signingTimeKnown, boolean coversWholeFile) {

        static Findings failed(String sha256, SignatureScan.Problem problem) {
            return new Findings(sha256, problem, false, null, false, false, false, null, false, false);
        }
    }

    Findings verify(byte[] pdf, Instant now) {
        String sha256 = HexFormat.of().formatHex(sha256().digest(pdf));
        SignatureScan.Found found;
        try {
            found = SignatureScan.scan(pdf);
        } catch (SignatureScan.Failure failure) {
            return Findings.failed(sha256, failure.problem);
        }
        SignerInformation signer;
        X509Certificate certificate;
        try {
            CMSSignedData cms = new CMSSignedData(new SignedRanges(pdf, found.holeStart(), found.holeEnd(), found.signedEnd()),
                    ContentInfo.getInstance(found.cms()));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return Findings.failed(sha256, SignatureScan.Problem.BROKEN_SIGNATURE);
            }
            signer = signers.iterator().next();
            if (!DIGESTS.contains(signer.getDigestAlgorithmID().getAlgorithm())) {
                return Findings.failed(sha256, SignatureScan.Problem.BROKEN_SIGNATURE);
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates()
                    .getMatches((Selector<X509CertificateHolder>) signer.getSID());
            if (matches.size() != 1) {
                return Findings.failed(sha256, SignatureScan.Problem.BROKEN_SIGNATURE);
            }
            certificate = x509(matches.iterator().next().getEncoded());
            boolean intact;
            try {
                intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            } catch (CMSSignerDigestMismatchException e) {
                intact = false;
            }
            if (!intact) {
                // the signed bytes changed since signing, or the value is not the signer's
                return new Findings(sha256, null, false, certificate, false, false, false, null, false, false);
            }
            if (issuedByPlatform(certificate) && !onlyPlatformChain(cms, certificate)) {
                // the platform puts exactly its chain in the container: anything else was changed afterwards
                return Findings.failed(sha256, SignatureScan.Problem.BROKEN_SIGNATURE);
            }
        } catch (CMSException e) {
            // a wrong digest or signature value (or a damaged container) after the structure parsed
            return Findings.failed(sha256, SignatureScan.Problem.BROKEN_SIGNATURE);
        } catch (OperatorCreationException | GeneralSecurityException | IOException | RuntimeException
                 | StackOverflowError e) {
            return Findings.failed(sha256, SignatureScan.Problem.BROKEN_SIGNATURE);
        }
        boolean platform = issuedByPlatform(certificate);
        Instant signedAt = found.claimedTime() != null ? found.claimedTime() : now;
        boolean inValidity = within(certificate, signedAt) && (!platform || within(sealCa, signedAt));
        boolean revoked = platform && revokedBefore(certificate, signedAt);
        return new Findings(sha256, null, true, certificate, platform, inValidity && !revoked, revoked, signedAt,
                found.claimedTime() != null, found.coversWholeFile(pdf.length));
    }

    private boolean onlyPlatformChain(CMSSignedData cms, X509Certificate signer) throws GeneralSecurityException,
            IOException {
        byte[] signerDer = signer.getEncoded();
        byte[] caDer = sealCa.getEncoded();
        byte[] rootDer = root.getEncoded();
        for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
            byte[] der = holder.getEncoded();
            if (!java.util.Arrays.equals(der, signerDer) && !java.util.Arrays.equals(der, caDer)
                    && !java.util.Arrays.equals(der, rootDer)) {
                return false;
            }
        }
        return true;
    }

    private boolean issuedByPlatform(X509Certificate certificate) {
        X509Certificate issuer;
        if (certificate.getIssuerX500Principal().equals(sealCa.getSubjectX500Principal())) {
            issuer = sealCa;
        } else if (certificate.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
            issuer = root;
        } else {
            return false;
        }
        String key;
        try {
            key = HexFormat.of().formatHex(sha256().digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            return false;
        }
        Boolean known = issuedByPlatform.get(key);
        if (known != null) {
            return known;
        }
        boolean verified;
        try {
            certificate.verify(issuer.getPublicKey());
            verified = true;
        } catch (GeneralSecurityException | RuntimeException e) {
            verified = false;
        }
        if (issuedByPlatform.size() >= MAX_CACHED_ISSUERS) {
            issuedByPlatform.clear();
        }
        issuedByPlatform.put(key, verified);
        return verified;
    }

    private boolean revokedBefore(X509Certificate certificate, Instant signedAt) {
        X509CRL crl = sealCaCrl.get();
        if (crl == null || !crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        X509CRLEntry entry = crl.getRevokedCertificate(certificate);
        return entry != null && !entry.getRevocationDate().toInstant().isAfter(signedAt);
    }

    private static boolean within(X509Certificate certificate, Instant at) {
        try {
            certificate.checkValidity(Date.from(at));
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static X509Certificate x509(byte[] der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(der));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signed bytes: the file without the /Contents hex string, written from the buffer without a copy. */
    private record SignedRanges(byte[] pdf, int holeStart, int holeEnd, int signedEnd) implements CMSTypedData {

        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            out.write(pdf, 0, holeStart);
            out.write(pdf, holeEnd, signedEnd - holeEnd);
        }

        @Override
        public Object getContent() {
            return null;
        }
    }
}
