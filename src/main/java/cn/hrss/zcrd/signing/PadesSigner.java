package cn.hrss.zcrd.signing;

import com.itextpdf.forms.form.element.SignatureFieldAppearance;
import com.itextpdf.io.image.ImageDataFactory;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.signatures.BouncyCastleDigest;
import com.itextpdf.signatures.IExternalSignature;
import com.itextpdf.signatures.ISignatureMechanismParams;
import com.itextpdf.signatures.PdfSigner;
import com.itextpdf.signatures.SignerProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Signs PDFs as PAdES (subfilter ETSI.CAdES.detached, SHA-256) with a key of the {@link SignatureToken}; the seal
 * image is the signature's visible appearance.
 */
@Service
public class PadesSigner {

    /** Room for the CMS container: signature, chain of three certificates and signed attributes. */
    private static final int SIGNATURE_SIZE_ESTIMATE = 12_288;

    private final SignatureToken token;

    PadesSigner(SignatureToken token) {
        this.token = token;
    }

    /** Returns the signed copy of {@code pdf}, signed with the token key {@code keyAlias}. */
    public byte[] sign(byte[] pdf, String keyAlias, SealAppearance appearance) {
        List<X509Certificate> chain = token.certificateChain(keyAlias);
        String keyAlgorithm = chain.get(0).getPublicKey().getAlgorithm();
        IExternalSignature signature =
                new TokenSignature(token, keyAlias, "EC".equals(keyAlgorithm) ? "ECDSA" : keyAlgorithm);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + SIGNATURE_SIZE_ESTIMATE * 2 + 4096);
            PdfSigner signer =
                    new PdfSigner(new PdfReader(new ByteArrayInputStream(pdf)), out, new StampingProperties());
            SignatureFieldAppearance visible = new SignatureFieldAppearance(SignerProperties.IGNORED_ID)
                    .setContent(ImageDataFactory.create(appearance.image()));
            signer.setSignerProperties(new SignerProperties()
                    .setFieldName("seal")
                    .setPageNumber(appearance.page())
                    .setPageRect(new Rectangle(appearance.x(), appearance.y(), appearance.width(), appearance.height()))
                    .setReason(appearance.reason())
                    .setLocation(appearance.location())
                    .setSignatureAppearance(visible));
            signer.signDetached(
                    new BouncyCastleDigest(),
                    signature,
                    chain.toArray(X509Certificate[]::new),
                    null,
                    null,
                    null,
                    SIGNATURE_SIZE_ESTIMATE,
                    PdfSigner.CryptoStandard.CADES);
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("PDF could not be signed with key '" + keyAlias + "'", e);
        }
    }

    /** iText's view of one token key. */
    private record TokenSignature(SignatureToken token, String alias, String keyAlgorithm)
            implements IExternalSignature {

        @Override
        public String getDigestAlgorithmName() {
            return "SHA-256";
        }

        @Override
        public String getSignatureAlgorithmName() {
            return keyAlgorithm;
        }

        @Override
        public ISignatureMechanismParams getSignatureMechanismParameters() {
            return null;
        }

        @Override
        public byte[] sign(byte[] message) {
            return token.sign(alias, "SHA256with" + keyAlgorithm, message);
        }
    }
}
