package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.certificate.internal.CertificateDocuments;
import cn.hrss.zcrd.certificate.internal.SignedCertificatePdf;
import cn.hrss.zcrd.seal.ElectronicSeal;
import cn.hrss.zcrd.signing.PadesSigner;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * The straightforward certificate pipeline (layout with iText's layout engine, then a second pass that signs); it
 * has no QR code yet and is to be replaced by the one-pass pipeline.
 */
@Component
class PlainCertificateDocuments implements CertificateDocuments {

    private final CertificatePdfRenderer renderer;
    private final PadesSigner signer;

    PlainCertificateDocuments(CertificatePdfRenderer renderer, PadesSigner signer) {
        this.renderer = renderer;
        this.signer = signer;
    }

    @Override
    public SignedCertificatePdf make(CertificateContent content, URI verificationAddress, ElectronicSeal seal) {
        byte[] signed = signer.sign(renderer.render(content), seal.keyAlias(), renderer.sealAppearance(seal.sealPng()));
        try {
            return new SignedCertificatePdf(signed,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signed)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
