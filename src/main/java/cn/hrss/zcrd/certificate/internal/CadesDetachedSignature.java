package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.signing.SignatureToken;
import com.itextpdf.signatures.BouncyCastleDigest;
import com.itextpdf.signatures.ITSAClient;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.PdfSigner;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The CMS container of a PAdES signature (ETSI.CAdES.detached, SHA-256, signing-certificate-v2 attribute, no
 * signing-time attribute) over the document digest, built with iText's {@link PdfPKCS7} — the same code its
 * {@code PdfSigner} runs — with the signature value made by the token key. One instance per electronic seal,
 * shared by threads: it keeps only immutable data and makes a fresh {@link PdfPKCS7} per signature.
 *
 * <p>PAdES-LT later: pass an {@link ITSAClient} to embed the signature time-stamp (and grow
 * {@link #reservedBytes}); the DSS with the CRLs is appended as an incremental update after the signed revision,
 * leaving this part untouched.
 */
final class CadesDetachedSignature {

    private static final BouncyCastleDigest DIGEST = new BouncyCastleDigest();

    private final SignatureToken token;
    private final String keyAlias;
    private final Certificate[] chain;
    private final String keyAlgorithm;
    private final int reservedBytes;

    CadesDetachedSignature(SignatureToken token, String keyAlias, List<X509Certificate> chain) {
        this.token = token;
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
        this.reservedBytes = (certificates + 1536 + 255) & ~255;
    }

    /** Bytes reserved for the container in the PDF's /Contents (twice as many hex digits). */
    int reservedBytes() {
        return reservedBytes;
    }

    /** The DER-encoded CMS SignedData over a document whose signed byte ranges have {@code documentDigest}. */
    byte[] sign(byte[] documentDigest) {
        try {
            PdfPKCS7 cms = new PdfPKCS7(null, chain, "SHA-256", null, DIGEST, false);
            byte[] attributes = cms.getAuthenticatedAttributeBytes(documentDigest, PdfSigner.CryptoStandard.CADES,
                    null, null);
            byte[] value = token.sign(keyAlias, "SHA256with" + keyAlgorithm, attributes);
            cms.setExternalSignatureValue(value, null, keyAlgorithm);
            byte[] encoded = cms.getEncodedPKCS7(documentDigest, PdfSigner.CryptoStandard.CADES, null, null, null);
            if (encoded.length > reservedBytes) {
                throw new IllegalStateException("Signature container of " + encoded.length + " bytes exceeds the "
                        + reservedBytes + " reserved");
            }
            return encoded;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Certificate could not be signed with key '" + keyAlias + "'", e);
        }
    }
}
