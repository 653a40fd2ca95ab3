package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.certificate.CertificateContent;
import cn.hrss.zcrd.seal.ElectronicSeal;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.CjkFont;
import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.signing.TimeStampSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The certificate PDF in one pass: the page, the signature field with the seal as its appearance and the signature
 * dictionary are written into one buffer by a small PDF serializer ({@link PdfOut}); the /Contents placeholder is
 * reserved, the two byte ranges are hashed in place and the CMS container from the token is written into it. No
 * PDF is parsed, nothing is laid out twice.
 *
 * <p>Work done once: the font file is memory-mapped and its cmap read; the fixed artwork (frame, title, labels,
 * statement) with its own font subset is serialized and deflated at start ({@link CertificatePage}); each
 * electronic seal's image is decoded, compressed and serialized once ({@link SealArtwork}, cached by seal).
 * Per certificate: a font subset of the characters of its values (a few KB), the content stream with the QR code
 * as vector squares (deflated at the fastest level), SHA-256 over ~70 KB, one token signature, one RFC 3161
 * signature time-stamp, and — appended as an incremental update after the signed revision — the DSS with the
 * chains and CRLs dated after the time-stamp ({@link LongTermValidationData}): PAdES-BASELINE-LT.
 *
 * <p>Thread-safe: everything shared is immutable; each call has its own buffer, glyph set and CMS builder.
 */
@Component
public class OnePassCertificateDocuments implements CertificateDocuments {

    private static final Locale CERTIFICATE_LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final String HEADER = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n";
    private static final String BYTE_RANGE_PLACEHOLDER = "[0 0000000000 0000000000 0000000000]";
    private static final int MAX_CACHED_SEALS = 512;

    private final CertificatePage page;
    /** 职称确认 (transfer-in confirmation): the same page with its own wording and the original certificate's rows */
    private final CertificatePage confirmationPage;

    private final SignatureToken token;
    private final Clock clock;
    private final String reason;
    private final String location;
    private final Map<SealKey, PreparedSeal> seals = new ConcurrentHashMap<>();
    private final TimeStampSource timeStamps;
    private final LongTermValidationData longTerm;

    OnePassCertificateDocuments(
            CjkFont fonts,
            CertificateLayouts layouts,
            MessageSource messages,
            SignatureToken token,
            TimeStampSource timeStamps,
            LongTermValidationData longTerm,
            Clock clock) {
        this.timeStamps = timeStamps;
        this.longTerm = longTerm;
        CertificateFaces faces = new CertificateFaces(fonts);
        java.util.function.Function<String, String> wording = key -> messages.getMessage(key, null, CERTIFICATE_LOCALE);
        this.page = new CertificatePage(faces, layouts.current(), wording);
        this.confirmationPage = new CertificatePage(faces, layouts.current(), wording, true);
        this.token = token;
        this.clock = clock;
        this.reason = PdfOut.textString(page.text("certificate.pdf.signature-reason"));
        this.location = PdfOut.textString(page.text("certificate.pdf.signature-location"));
    }

    @Override
    public SignedCertificatePdf make(CertificateContent content, URI verificationAddress, ElectronicSeal seal) {
        PreparedSeal prepared = prepared(seal);
        try {
            return make(content, verificationAddress, seal, prepared);
        } catch (CadesDetachedSignature.ContainerTooLarge e) {
            // the room for the signature has grown to fit: once more, with new byte ranges
            return make(content, verificationAddress, seal, prepared);
        }
    }

    private SignedCertificatePdf make(
            CertificateContent content, URI verificationAddress, ElectronicSeal seal, PreparedSeal prepared) {
        int reserved = prepared.signature().reservedBytes();
        CertificatePage page = content.confirmation() ? confirmationPage : this.page;
        PdfOut.Chunk fixed = page.fixedPart();
        CertificatePage.Values values = page.layOut(content, verificationAddress, null);
        // fallback fonts (rare characters) after the fixed objects; the signed revision ends with them
        int firstExtra = CertificatePage.SIGNATURE + 1;
        int last = CertificatePage.SIGNATURE + values.extraObjects();
        PdfOut out = new PdfOut(
                fixed.bytes().length + prepared.artwork().chunk().bytes().length + 2 * reserved + 32_768, last);
        String now = BusinessTime.pdfDate(clock.instant());

        out.ascii(HEADER);
        out.begin(CertificatePage.CATALOG).ascii(catalog("")).end();
        writePageTree(
                out, page.resources(false, values, firstExtra), "/Annots[" + CertificatePage.SIGNATURE_FIELD + " 0 R]");
        page.writeValues(out, values, firstExtra);
        writeInfo(out, content, now);
        out.chunk(fixed);
        out.chunk(prepared.artwork().chunk());
        out.begin(CertificatePage.SIGNATURE_FIELD)
                .ascii("<</Type/Annot/Subtype/Widget/FT/Sig/T(seal)/V ")
                .ascii(CertificatePage.SIGNATURE)
                .ascii(" 0 R/F 132/P ")
                .ascii(CertificatePage.PAGE)
                .ascii(" 0 R/Rect")
                .ascii(page.sealRectangle())
                .ascii("/AP<</N ")
                .ascii(CertificatePage.SEAL_APPEARANCE)
                .ascii(" 0 R>>>>")
                .end();
        out.begin(CertificatePage.SIGNATURE)
                .ascii("<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/M(")
                .ascii(now)
                .ascii(")/Reason")
                .ascii(reason)
                .ascii("/Location")
                .ascii(location)
                .ascii("/ByteRange");
        int byteRangeAt = out.size();
        out.ascii(BYTE_RANGE_PLACEHOLDER).ascii("/Contents");
        int contentsStart = out.size();
        out.ascii("<");
        out.bytes(new byte[2 * reserved]);
        int zeros = contentsStart + 1;
        out.ascii(">");
        int contentsEnd = out.size();
        out.ascii(">>").end();
        String documentId = documentId();
        out.finish(CertificatePage.CATALOG, CertificatePage.INFO, documentId);

        byte[] buffer = out.buffer();
        java.util.Arrays.fill(buffer, zeros, zeros + 2 * reserved, (byte) '0');
        int total = out.size();
        out.patch(
                byteRangeAt,
                String.format(Locale.ROOT, "[0 %-10d %-10d %-10d]", contentsStart, contentsEnd, total - contentsEnd)
                        .getBytes(StandardCharsets.US_ASCII));
        MessageDigest sha256 = sha256();
        sha256.update(buffer, 0, contentsStart);
        sha256.update(buffer, contentsEnd, total - contentsEnd);
        CadesDetachedSignature.Signed signed = prepared.signature().sign(sha256.digest(), reserved);
        out.patch(zeros, HexFormat.of().formatHex(signed.cms()).getBytes(StandardCharsets.US_ASCII));
        if (signed.timeStamped() != null && longTerm != null) {
            appendLongTermData(out, last + 1, seal, signed, documentId);
        }

        byte[] pdf = out.toByteArray();
        return new SignedCertificatePdf(pdf, HexFormat.of().formatHex(sha256().digest(pdf)));
    }

    /** PAdES-BASELINE-LT: the DSS with the chains and fresh CRLs, in an update after the signed revision. */
    private void appendLongTermData(
            PdfOut out, int first, ElectronicSeal seal, CadesDetachedSignature.Signed signed, String documentId) {
        LongTermValidationData.Dss dss = longTerm.dssFor(seal.chain(), signed.timeStampChain(), signed.timeStamped());
        StringBuilder entry = new StringBuilder("/DSS<</Certs[");
        int number = first;
        for (int i = 0; i < dss.certificates().size(); i++) {
            entry.append(i == 0 ? "" : " ").append(number++).append(" 0 R");
        }
        entry.append("]/CRLs[");
        for (int i = 0; i < dss.crls().size(); i++) {
            entry.append(i == 0 ? "" : " ").append(number++).append(" 0 R");
        }
        entry.append("]>>");
        List<byte[]> streams = new ArrayList<>(dss.certificates());
        streams.addAll(dss.crls());
        out.appendUpdate(
                CertificatePage.CATALOG, catalog(entry.toString()), first, streams, CertificatePage.INFO, documentId);
    }

    private static String catalog(String more) {
        return "<</Type/Catalog/Pages " + CertificatePage.PAGES + " 0 R/AcroForm<</Fields["
                + CertificatePage.SIGNATURE_FIELD + " 0 R]/SigFlags 3>>" + more + ">>";
    }

    /**
     * The same page unsigned, with {@code sealPng} drawn at the seal's place and a watermark marking it as a
     * preview (the seal mock-up of the seal pages).
     */
    public byte[] preview(CertificateContent content, URI verificationAddress, byte[] sealPng) {
        SealArtwork.Prepared artwork = SealArtwork.of(sealPng, page.layout().sealSize());
        CertificatePage.Values values = page.layOut(content, verificationAddress, artwork.drawing());
        int firstExtra = CertificatePage.PREVIEW_GRAPHICS_STATE + 1;
        PdfOut out = new PdfOut(
                page.fixedPart().bytes().length + artwork.chunk().bytes().length + 32_768,
                CertificatePage.PREVIEW_GRAPHICS_STATE + values.extraObjects());
        out.ascii(HEADER);
        out.begin(CertificatePage.CATALOG)
                .ascii("<</Type/Catalog/Pages ")
                .ascii(CertificatePage.PAGES)
                .ascii(" 0 R>>")
                .end();
        writePageTree(out, page.resources(true, values, firstExtra), "");
        page.writeValues(out, values, firstExtra);
        writeInfo(out, content, BusinessTime.pdfDate(clock.instant()));
        out.chunk(page.fixedPart());
        out.chunk(artwork.chunk());
        out.begin(CertificatePage.PREVIEW_GRAPHICS_STATE)
                .ascii("<</Type/ExtGState/ca 0.35>>")
                .end();
        out.finish(CertificatePage.CATALOG, CertificatePage.INFO, documentId());
        return out.toByteArray();
    }

    /** The layout in force (seal and QR places). */
    public CertificateLayout layout() {
        return page.layout();
    }

    private void writePageTree(PdfOut out, String resources, String annotations) {
        out.begin(CertificatePage.PAGES)
                .ascii("<</Type/Pages/Kids[")
                .ascii(CertificatePage.PAGE)
                .ascii(" 0 R]/Count 1>>")
                .end();
        out.begin(CertificatePage.PAGE)
                .ascii("<</Type/Page/Parent ")
                .ascii(CertificatePage.PAGES)
                .ascii(" 0 R/MediaBox[0 0 595 842]/Resources")
                .ascii(resources)
                .ascii("/Contents")
                .ascii(CertificatePage.contents())
                .ascii(annotations)
                .ascii(">>")
                .end();
    }

    private void writeInfo(PdfOut out, CertificateContent content, String now) {
        out.begin(CertificatePage.INFO)
                .ascii("<</Title")
                .ascii(PdfOut.textString(page.text("certificate.pdf.title") + " " + content.certificateNumber()))
                .ascii("/Producer(zcrd)/CreationDate(")
                .ascii(now)
                .ascii(")>>")
                .end();
    }

    private PreparedSeal prepared(ElectronicSeal seal) {
        SealKey key = new SealKey(seal.id(), seal.keyAlias(), seal.impressionId());
        PreparedSeal prepared = seals.get(key);
        if (prepared == null) {
            if (seals.size() >= MAX_CACHED_SEALS) {
                seals.clear();
            }
            prepared = seals.computeIfAbsent(
                    key,
                    k -> new PreparedSeal(
                            SealArtwork.of(seal.sealPng(), page.layout().sealSize()),
                            new CadesDetachedSignature(token, seal.keyAlias(), seal.chain(), timeStamps)));
        }
        return prepared;
    }

    private static String documentId() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record SealKey(long id, String keyAlias, long impressionId) {}

    private record PreparedSeal(SealArtwork.Prepared artwork, CadesDetachedSignature signature) {}
}
