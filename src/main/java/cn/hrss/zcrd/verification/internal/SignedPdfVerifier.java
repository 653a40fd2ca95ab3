package cn.hrss.zcrd.verification.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Signature;
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
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.bouncycastle.util.Selector;

/**
 * Verifies the signature of a certificate PDF without parsing the PDF: {@link SignatureScan} finds the one
 * signature, the two byte ranges (and the whole file, for the register) are hashed in place in one pass, the CMS
 * container is parsed by Bouncy Castle and checked as RFC 5652 §5.4 says (message digest and signature value
 * against the signer's certificate), the signer's certificate must be issued by the platform's
 * seal CA (or root), which chain to the platform root, and be valid — not expired, not revoked on the seal CA's CRL
 * — at the time of signing. That time is the one a time-stamp authority of the platform attests: the RFC 3161
 * signature time-stamp in the container (over this signature value, signed by a time-stamping certificate the
 * platform issued and had not revoked then). Without one the time is unknown — the /M the signer wrote is only its
 * claim, and a stolen seal key could date a signature before its revocation — so the signer must be valid now.
 * Also hashes the whole file for the register.
 * Plain Java, thread-safe; the trust anchors are fixed at construction, the CRL comes from a supplier.
 */
final class SignedPdfVerifier {

    private static final Map<ASN1ObjectIdentifier, String> DIGESTS = Map.of(
            NISTObjectIdentifiers.id_sha256,
            "SHA-256",
            NISTObjectIdentifiers.id_sha384,
            "SHA-384",
            NISTObjectIdentifiers.id_sha512,
            "SHA-512");
    private static final Set<String> RSA =
            Set.of("1.2.840.113549.1.1.1", "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13");
    private static final Set<String> ECDSA =
            Set.of("1.2.840.10045.2.1", "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4");
    private static final int MAX_CACHED_ISSUERS = 10_000;
    /**
     * For the time-stamp's ECDSA signature: Bouncy Castle's P-256 verifies in ≈ 0.2 ms where JDK 17's SunEC takes
     * ≈ 1.3 ms (pure Java field arithmetic), which had made the time-stamp nine tenths of a verification.
     */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private final X509Certificate root;
    private final X509Certificate sealCa;
    private final Supplier<X509CRL> sealCaCrl;
    private final Predicate<X509Certificate> sealProfile;
    private final ExternalSealAnchors external;
    /** signer certificates already checked against their issuer (by encoding): one RSA verification saved each time */
    private final Map<X509Certificate, Boolean> issuedByPlatform = new ConcurrentHashMap<>();
    /** signer certificates already parsed (by encoding) */
    private final Map<java.nio.ByteBuffer, X509Certificate> parsed = new ConcurrentHashMap<>();

    /**
     * @param sealCa    the platform CA that issues electronic-seal certificates (must chain to {@code root})
     * @param sealCaCrl its current revocation list (may return null when unknown)
     * @param sealProfile whether a platform certificate is an electronic seal's ({@code CertificateProfile.SEAL}):
     *     the platform's other keys (TSA, health check, specimen, audit) never count as a seal
     */
    SignedPdfVerifier(
            X509Certificate root,
            X509Certificate sealCa,
            Supplier<X509CRL> sealCaCrl,
            Predicate<X509Certificate> sealProfile) {
        this(root, sealCa, sealCaCrl, sealProfile, ExternalSealAnchors.NONE);
    }

    /**
     * Seal certificates of a licensed external CA ({@code zcrd.signing.seal-certificates: external}): a signer
     * certificate the platform did not issue counts when it chains to the configured external anchors at the time of
     * signing, has the seal profile with the external CA's seal policy and is not on its CRL then.
     */
    interface ExternalSealAnchors {
        ExternalSealAnchors NONE = new ExternalSealAnchors() {
            @Override
            public boolean chains(X509Certificate signer, Collection<X509Certificate> carried, Instant at) {
                return false;
            }

            @Override
            public boolean isSeal(X509Certificate signer) {
                return false;
            }

            @Override
            public boolean revokedBefore(X509Certificate signer, Instant at) {
                return false;
            }
        };

        /** Whether {@code signer} chains to an external anchor, every certificate valid at {@code at}. */
        boolean chains(X509Certificate signer, Collection<X509Certificate> carried, Instant at);

        /** Whether {@code signer} has the seal profile with the external CA's seal policy. */
        boolean isSeal(X509Certificate signer);

        /** Whether the external CA's CRL lists {@code signer} as revoked at or before {@code at}. */
        boolean revokedBefore(X509Certificate signer, Instant at);
    }

    SignedPdfVerifier(
            X509Certificate root,
            X509Certificate sealCa,
            Supplier<X509CRL> sealCaCrl,
            Predicate<X509Certificate> sealProfile,
            ExternalSealAnchors external) {
        this.external = external;
        this.root = root;
        this.sealCa = sealCa;
        this.sealCaCrl = sealCaCrl;
        this.sealProfile = sealProfile;
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
    record Findings(
            String sha256,
            SignatureScan.Problem problem,
            boolean intact,
            X509Certificate signer,
            boolean platformIssued,
            boolean sealProfile,
            boolean validAtSigning,
            boolean revokedAtSigning,
            Instant signedAt,
            boolean signingTimeKnown,
            boolean coversWholeFile,
            java.util.List<Instant> archiveTimeStamps,
            Instant evidenceUntil) {

        static Findings failed(String sha256, SignatureScan.Problem problem) {
            return notIntact(sha256, problem, null);
        }

        /** Not intact (or not readable, {@code problem}): nothing else is known but the signer, when found. */
        static Findings notIntact(String sha256, SignatureScan.Problem problem, X509Certificate signer) {
            return new Findings(
                    sha256,
                    problem,
                    false,
                    signer,
                    false,
                    false,
                    false,
                    false,
                    null,
                    false,
                    false,
                    java.util.List.of(),
                    null);
        }
    }

    /** The archive time-stamps of the document, oldest first, and the newest one's TSA certificate's notAfter. */
    record Archive(java.util.List<Instant> times, Instant evidenceUntil) {
        static final Archive NONE = new Archive(java.util.List.of(), null);
    }

    Findings verify(byte[] pdf, Instant now) {
        SignatureScan.Found found;
        try {
            found = SignatureScan.scan(pdf);
        } catch (SignatureScan.Failure failure) {
            return Findings.failed(hex(sha256().digest(pdf)), failure.problem);
        }
        String sha256 = null;
        X509Certificate certificate;
        Instant attested;
        java.util.List<X509Certificate> carried = new java.util.ArrayList<>();
        try {
            CMSSignedData cms = new CMSSignedData(ContentInfo.getInstance(found.cms()));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return Findings.failed(hex(sha256().digest(pdf)), SignatureScan.Problem.BROKEN_SIGNATURE);
            }
            SignerInformation signer = signers.iterator().next();
            ASN1ObjectIdentifier digestAlgorithm = signer.getDigestAlgorithmID().getAlgorithm();
            String digestName = DIGESTS.get(digestAlgorithm);
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches =
                    cms.getCertificates().getMatches((Selector<X509CertificateHolder>) signer.getSID());
            if (digestName == null || matches.size() != 1) {
                return Findings.failed(hex(sha256().digest(pdf)), SignatureScan.Problem.BROKEN_SIGNATURE);
            }
            certificate = certificate(matches.iterator().next().getEncoded());
            // the signed ranges and the whole file in one pass over the part before the hole (most of the file)
            MessageDigest ranges = MessageDigest.getInstance(digestName);
            ranges.update(pdf, 0, found.holeStart());
            MessageDigest whole = "SHA-256".equals(digestName) ? (MessageDigest) ranges.clone() : null;
            ranges.update(pdf, found.holeEnd(), found.signedEnd() - found.holeEnd());
            if (whole != null) {
                whole.update(pdf, found.holeStart(), pdf.length - found.holeStart());
                sha256 = hex(whole.digest());
            } else {
                sha256 = hex(sha256().digest(pdf));
            }
            boolean intact = intact(cms, signer, certificate, ranges.digest(), pdf, found);
            if (!intact) {
                // the signed bytes changed since signing, or the value is not the signer's
                return Findings.notIntact(sha256, null, certificate);
            }
            if (issuedByPlatform(certificate) && !onlyPlatformChain(cms, certificate)) {
                // the platform puts exactly its chain in the container: anything else was changed afterwards
                return Findings.failed(sha256, SignatureScan.Problem.BROKEN_SIGNATURE);
            }
            attested = attestedTime(signer);
            if (external != ExternalSealAnchors.NONE && !issuedByPlatform(certificate)) {
                for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
                    carried.add(x509(holder.getEncoded()));
                }
            }
        } catch (CMSException
                | OperatorCreationException
                | GeneralSecurityException
                | IOException
                | CloneNotSupportedException
                | RuntimeException
                | StackOverflowError e) {
            // a damaged container (or a wrong digest or signature value caught by Bouncy Castle's own check)
            return Findings.failed(
                    sha256 != null ? sha256 : hex(sha256().digest(pdf)), SignatureScan.Problem.BROKEN_SIGNATURE);
        }
        Instant at = attested != null ? attested : now;
        Archive archive = archive(pdf, found);
        if (!issuedByPlatform(certificate) && external.chains(certificate, carried, at)) {
            boolean revoked = external.revokedBefore(certificate, at);
            return new Findings(
                    sha256,
                    null,
                    true,
                    certificate,
                    true,
                    external.isSeal(certificate),
                    !revoked,
                    revoked,
                    attested,
                    attested != null,
                    archive != null,
                    archive == null ? java.util.List.of() : archive.times(),
                    archive == null ? null : archive.evidenceUntil());
        }
        boolean platform = issuedByPlatform(certificate);
        boolean inValidity = within(certificate, at) && (!platform || within(sealCa, at));
        boolean revoked = platform && revokedBefore(certificate, at);
        return new Findings(
                sha256,
                null,
                true,
                certificate,
                platform,
                platform && sealProfile.test(certificate),
                inValidity && !revoked,
                revoked,
                attested,
                attested != null,
                archive != null,
                archive == null ? java.util.List.of() : archive.times(),
                archive == null ? null : archive.evidenceUntil());
    }

    /**
     * What follows the signed revision, when it is only what the platform appends: validation-data (DSS) updates
     * and document time-stamp revisions whose RFC 3161 token covers the whole file up to its revision's end and was
     * made by a time-stamping certificate of the platform (valid, not revoked then); null for anything else.
     */
    private Archive archive(byte[] pdf, SignatureScan.Found found) {
        if (found.documentTimeStamps().isEmpty()) {
            return found.coversWholeFile(pdf.length) || ValidationDataUpdate.onlyValidationData(pdf, found.signedEnd())
                    ? Archive.NONE
                    : null;
        }
        java.util.List<Instant> times = new java.util.ArrayList<>();
        Instant until = null;
        int previousEnd = found.signedEnd();
        for (SignatureScan.Found stamp : found.documentTimeStamps()) {
            int revisionStart = lastRevisionStart(pdf, previousEnd, stamp.signedEnd());
            if (revisionStart < 0
                    || !onlyValidationDataUpdates(pdf, previousEnd, revisionStart)
                    || !DocumentTimeStampRevision.isPlatformTimeStampRevision(pdf, revisionStart, stamp.signedEnd())) {
                return null;
            }
            Stamp verified = documentTimeStamp(pdf, stamp);
            if (verified == null || !times.isEmpty() && verified.time().isBefore(times.get(times.size() - 1))) {
                return null;
            }
            times.add(verified.time());
            until = verified.authority().getNotAfter().toInstant();
            previousEnd = stamp.signedEnd();
        }
        return onlyValidationDataUpdates(pdf, previousEnd, pdf.length)
                ? new Archive(java.util.List.copyOf(times), until)
                : null;
    }

    /** Where the last revision in {@code pdf[from, to)} starts (after the one %%EOF before it); -1 when none. */
    private static int lastRevisionStart(byte[] pdf, int from, int to) {
        byte[] eof = "%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int start = from;
        for (int at = SignatureScan.indexOf(pdf, eof, from, to - 1);
                at >= 0;
                at = SignatureScan.indexOf(pdf, eof, at + 1, to - 1)) {
            start = at + eof.length;
        }
        return start < to ? start : -1;
    }

    /** {@code pdf[from, to)} is empty or a sequence of DSS updates (each ending in %%EOF). */
    private static boolean onlyValidationDataUpdates(byte[] pdf, int from, int to) {
        byte[] eof = "%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int start = from;
        while (start < to) {
            int at = SignatureScan.indexOf(pdf, eof, start, to);
            int end = at < 0 ? to : at + eof.length;
            if (!ValidationDataUpdate.onlyValidationData(pdf, start, end)) {
                return false;
            }
            start = end;
        }
        return true;
    }

    private record Stamp(Instant time, X509Certificate authority) {}

    /** The document time-stamp's token over its byte ranges, from a platform TSA; null when it does not verify. */
    private Stamp documentTimeStamp(byte[] pdf, SignatureScan.Found stamp) {
        try {
            TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(stamp.cms()));
            return platformStamp(token, digest -> {
                MessageDigest ranges = MessageDigest.getInstance(digest);
                ranges.update(pdf, 0, stamp.holeStart());
                ranges.update(pdf, stamp.holeEnd(), stamp.signedEnd() - stamp.holeEnd());
                return ranges.digest();
            });
        } catch (TSPException | IOException | RuntimeException e) {
            return null;
        }
    }

    private interface Imprint {
        byte[] of(String digest) throws GeneralSecurityException;
    }

    /**
     * The token's time and TSA certificate when its imprint is {@code expected}'s and a time-stamping certificate
     * the platform issued signed it, valid (critical timeStamping EKU) and not revoked at that time; null otherwise.
     */
    private Stamp platformStamp(TimeStampToken token, Imprint expected) {
        try {
            TimeStampTokenInfo info = token.getTimeStampInfo();
            String digest = DIGESTS.get(info.getMessageImprintAlgOID());
            if (digest == null || !MessageDigest.isEqual(info.getMessageImprintDigest(), expected.of(digest))) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches =
                    token.getCertificates().getMatches((Selector<X509CertificateHolder>) token.getSID());
            if (matches.size() != 1) {
                return null;
            }
            X509Certificate authority = certificate(matches.iterator().next().getEncoded());
            if (!issuedByPlatform(authority)) {
                return null;
            }
            // the token's signature, its binding to the certificate, the critical time-stamping EKU and the
            // certificate's validity at the time stamped
            token.validate(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(BOUNCY_CASTLE)
                    .build(authority));
            Instant time = info.getGenTime().toInstant();
            return revokedBefore(authority, time) ? null : new Stamp(time, authority);
        } catch (TSPException
                | OperatorCreationException
                | GeneralSecurityException
                | IOException
                | RuntimeException e) {
            return null;
        }
    }

    /**
     * The time of the signature's time-stamp (unsigned attribute id-aa-signatureTimeStampToken) when it covers this
     * signature value and a time-stamping certificate of the platform signed it, valid and not revoked at that
     * time; null otherwise (none, several, damaged, foreign).
     */
    private Instant attestedTime(SignerInformation signer) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        if (unsigned == null) {
            return null;
        }
        ASN1EncodableVector stamps = unsigned.getAll(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (stamps.size() != 1
                || Attribute.getInstance(stamps.get(0)).getAttrValues().size() != 1) {
            return null;
        }
        try {
            TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(
                    Attribute.getInstance(stamps.get(0)).getAttrValues().getObjectAt(0)));
            Stamp stamp = platformStamp(
                    token, digest -> MessageDigest.getInstance(digest).digest(signer.getSignature()));
            return stamp == null ? null : stamp.time();
        } catch (TSPException | IOException | RuntimeException e) {
            return null;
        }
    }

    private boolean onlyPlatformChain(CMSSignedData cms, X509Certificate signer)
            throws GeneralSecurityException, IOException {
        byte[] signerDer = signer.getEncoded();
        byte[] caDer = sealCa.getEncoded();
        byte[] rootDer = root.getEncoded();
        for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
            byte[] der = holder.getEncoded();
            if (!java.util.Arrays.equals(der, signerDer)
                    && !java.util.Arrays.equals(der, caDer)
                    && !java.util.Arrays.equals(der, rootDer)) {
                return false;
            }
        }
        return true;
    }

    /**
     * RFC 5652 §5.4 for what the platform signs (RSA or ECDSA, SHA-2, signed attributes): the message-digest
     * attribute equals the digest of the signed ranges, the content type is data, and the signature value verifies
     * over the DER of the signed attributes with the signer's public key. Other algorithms go through Bouncy
     * Castle's own verification over the ranges.
     */
    private static boolean intact(
            CMSSignedData cms,
            SignerInformation signer,
            X509Certificate certificate,
            byte[] rangesDigest,
            byte[] pdf,
            SignatureScan.Found found)
            throws GeneralSecurityException, IOException, CMSException, OperatorCreationException {
        AttributeTable attributes = signer.getSignedAttributes();
        if (attributes == null) {
            return false; // PAdES requires signed attributes
        }
        ASN1EncodableVector digests = attributes.getAll(CMSAttributes.messageDigest);
        ASN1EncodableVector types = attributes.getAll(CMSAttributes.contentType);
        if (digests.size() != 1 || types.size() != 1) {
            return false;
        }
        Attribute digest = Attribute.getInstance(digests.get(0));
        Attribute type = Attribute.getInstance(types.get(0));
        if (digest.getAttrValues().size() != 1
                || type.getAttrValues().size() != 1
                || !CMSObjectIdentifiers.data.equals(type.getAttrValues().getObjectAt(0))) {
            return false;
        }
        byte[] claimed = ASN1OctetString.getInstance(digest.getAttrValues().getObjectAt(0))
                .getOctets();
        if (!MessageDigest.isEqual(claimed, rangesDigest)) {
            return false;
        }
        String algorithm = signer.getEncryptionAlgOID();
        String hash = DIGESTS.get(signer.getDigestAlgorithmID().getAlgorithm()).replace("-", "");
        String name =
                RSA.contains(algorithm) ? hash + "withRSA" : ECDSA.contains(algorithm) ? hash + "withECDSA" : null;
        if (name == null) {
            try {
                CMSSignedData withContent = new CMSSignedData(
                        new SignedRanges(pdf, found.holeStart(), found.holeEnd(), found.signedEnd()),
                        cms.toASN1Structure());
                SignerInformation again =
                        withContent.getSignerInfos().getSigners().iterator().next();
                return again.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            } catch (CMSSignerDigestMismatchException e) {
                return false;
            }
        }
        Signature verifier = Signature.getInstance(name);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(signer.getEncodedSignedAttributes());
        return verifier.verify(signer.getSignature());
    }

    /** The certificate for this DER, parsed once. */
    private X509Certificate certificate(byte[] der) throws GeneralSecurityException {
        java.nio.ByteBuffer key = java.nio.ByteBuffer.wrap(der);
        X509Certificate known = parsed.get(key);
        if (known != null) {
            return known;
        }
        X509Certificate certificate = x509(der);
        if (parsed.size() >= MAX_CACHED_ISSUERS) {
            parsed.clear();
        }
        parsed.put(key, certificate);
        return certificate;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
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
        Boolean known = issuedByPlatform.get(certificate);
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
        issuedByPlatform.put(certificate, verified);
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
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(der));
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
