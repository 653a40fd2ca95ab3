package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.signing.TimeStampSource;
import com.itextpdf.signatures.BouncyCastleDigest;
import com.itextpdf.signatures.ITSAClient;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.PdfSigner;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The CMS container of a PAdES signature (ETSI.CAdES.detached, SHA-256, signing-certificate-v2 attribute, no
 * signing-time attribute) over the document digest, built with iText's {@link PdfPKCS7} — the same code its
 * {@code PdfSigner} runs — with the signature value made by the token key. One instance per electronic seal,
 * shared by threads: it keeps only immutable data and makes a fresh {@link PdfPKCS7} per signature.
 *
 * <p>With a {@link TimeStampSource} the container carries an RFC 3161 signature time-stamp over the signature value
 * (unsigned attribute, through iText's {@link ITSAClient}); the time and the TSA's chain are handed back for the
 * long-term validation data appended after the signed revision.
 */
final class CadesDetachedSignature {

    private static final BouncyCastleDigest DIGEST = new BouncyCastleDigest();
    /**
     * Room for a time-stamp token before one has come back: a token with a TSA chain of three RSA-2048 certificates
     * is ≈ 4.5 KB. Afterwards the reservation follows the largest container seen ({@link #MARGIN} more).
     */
    static final int TIME_STAMP_ESTIMATE = 6144;
    /** Above the largest container seen: what varies between two containers (DER lengths of serial, time, ECDSA). */
    static final int MARGIN = 512;

    private final SignatureToken token;
    private final String keyAlias;
    private final Certificate[] chain;
    private final String keyAlgorithm;
    private final TimeStampSource timeStamps;
    /** Room before any container has been made: the chain, the rest of the CMS and a time-stamp estimate. */
    private final int initialReserve;

    private final AtomicInteger largestSeen = new AtomicInteger();

    /** A signed container, with the signature time-stamp's time and TSA chain (null and empty without one). */
    record Signed(byte[] cms, Instant timeStamped, List<X509Certificate> timeStampChain) {}

    /**
     * The container came out larger than the room reserved for it in the document (a time-stamp authority whose
     * tokens grew, e.g. after a certificate renewal). The reservation has been enlarged to fit; the document has to
     * be made again, since its byte ranges depend on the room.
     */
    static final class ContainerTooLarge extends RuntimeException {
        ContainerTooLarge(int size, int reserved) {
            super(
                    "Signature container of " + size + " bytes exceeds the " + reserved + " reserved",
                    null,
                    false,
                    false);
        }
    }

    CadesDetachedSignature(
            SignatureToken token, String keyAlias, List<X509Certificate> chain, TimeStampSource timeStamps) {
        this.token = token;
        this.timeStamps = timeStamps;
        this.keyAlias = keyAlias;
        this.chain = chain.toArray(Certificate[]::new);
        String algorithm = chain.get(0).getPublicKey().getAlgorithm();
        this.keyAlgorithm = "EC".equals(algorithm) ? "ECDSA" : algorithm;
        int certificates = 0;
        for (X509Certificate c : chain) {
            try {
                certificates += c.getEncoded().length;
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException(e);
            }
        }
        // certificates + signed attributes (~250 B) + signature value (≤ 512 B for RSA-4096) + DER framing
        int timeStamp = timeStamps == null ? 0 : TIME_STAMP_ESTIMATE;
        this.initialReserve = rounded(certificates + 1536 + timeStamp);
    }

    /** Bytes reserved for the container in the PDF's /Contents (twice as many hex digits). */
    int reservedBytes() {
        int largest = largestSeen.get();
        return largest == 0 ? initialReserve : rounded(largest + MARGIN);
    }

    /**
     * The DER-encoded CMS SignedData over a document whose signed byte ranges have {@code documentDigest} and whose
     * /Contents has room for {@code reserved} bytes.
     *
     * @throws ContainerTooLarge when it does not fit (the next {@link #reservedBytes()} will)
     */
    Signed sign(byte[] documentDigest, int reserved) {
        try {
            PdfPKCS7 cms = new PdfPKCS7(null, chain, "SHA-256", null, DIGEST, false);
            byte[] attributes =
                    cms.getAuthenticatedAttributeBytes(documentDigest, PdfSigner.CryptoStandard.CADES, null, null);
            byte[] value = token.sign(keyAlias, "SHA256with" + keyAlgorithm, attributes);
            cms.setExternalSignatureValue(value, null, keyAlgorithm);
            TimeStampClient stamps = timeStamps == null ? null : new TimeStampClient(timeStamps);
            byte[] encoded = cms.getEncodedPKCS7(documentDigest, PdfSigner.CryptoStandard.CADES, stamps, null, null);
            largestSeen.accumulateAndGet(encoded.length, Math::max);
            if (encoded.length > reserved) {
                throw new ContainerTooLarge(encoded.length, reserved);
            }
            return stamps == null
                    ? new Signed(encoded, null, List.of())
                    : new Signed(encoded, stamps.genTime, stamps.chain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Certificate could not be signed with key '" + keyAlias + "'", e);
        }
    }

    private static int rounded(int bytes) {
        return (bytes + 255) & ~255;
    }

    /** iText's view of the time-stamp source for one signature; keeps what the token says for the DSS. */
    private static final class TimeStampClient implements ITSAClient {

        private final TimeStampSource source;
        private Instant genTime;
        private List<X509Certificate> chain = List.of();

        TimeStampClient(TimeStampSource source) {
            this.source = source;
        }

        @Override
        public int getTokenSizeEstimate() {
            return TIME_STAMP_ESTIMATE;
        }

        @Override
        public MessageDigest getMessageDigest() throws GeneralSecurityException {
            return DIGEST.getMessageDigest("SHA-256");
        }

        @Override
        public byte[] getTimeStampToken(byte[] imprint) throws Exception {
            byte[] der = source.timeStampToken(imprint);
            TimeStampToken token = new TimeStampToken(new CMSSignedData(der));
            genTime = token.getTimeStampInfo().getGenTime().toInstant();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            List<X509Certificate> certificates = new ArrayList<>();
            for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
                certificates.add(converter.getCertificate(holder));
            }
            chain = List.copyOf(certificates);
            return der;
        }
    }
}
