package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.certificate.CertificateContent;
import cn.hrss.zcrd.seal.ElectronicSeal;
import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.signing.TimeStampSource;
import cn.hrss.zcrd.support.TestFonts;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Certificate PDFs made by the real one-pass pipeline but signed with a key in memory, for unit tests of other
 * modules (verification) that need genuine, foreign or odd signatures without Spring or the token.
 */
public final class SampleCertificatePdfs {

    public static final CertificateContent CONTENT =
            engineer("欧阳明华", "370102********1234", "山东省测试发证单位", "ZC2026000012000001");

    /** The tests' sample certificate: a 工程师 (工程, 电子信息工程, 中级) published on 2026-11-20. */
    public static CertificateContent engineer(String holder, String maskedIdNumber, String issuingUnit, String number) {
        return new CertificateContent(
                holder,
                maskedIdNumber,
                "工程师",
                "工程",
                "电子信息工程",
                "中级",
                LocalDate.of(2026, 11, 20),
                issuingUnit,
                number,
                null);
    }

    private final OnePassCertificateDocuments documents;
    private final ElectronicSeal seal;
    private final ArchiveTimeStamps archive;

    /** Signs with {@code key}; {@code chain} (signer first) goes into the CMS container; /M from {@code clock}. */
    public SampleCertificatePdfs(PrivateKey key, List<X509Certificate> chain, Clock clock) throws Exception {
        this(key, chain, clock, null);
    }

    /**
     * The same with a signature time-stamp from {@code timeStamps} in the container (PAdES-T; the DSS update of
     * the platform's certificates is left out).
     */
    public SampleCertificatePdfs(PrivateKey key, List<X509Certificate> chain, Clock clock, TimeStampSource timeStamps)
            throws Exception {
        this(key, chain, clock, timeStamps, null);
    }

    /**
     * PAdES-BASELINE-LT as the platform makes it: time-stamped by {@code timeStamps}, with a DSS update holding
     * {@code dss}'s certificates and CRLs (for every signature and archive time-stamp alike); {@link #archived}
     * appends archive time-stamps from the same source (PAdES-BASELINE-LTA).
     */
    public SampleCertificatePdfs(
            PrivateKey key,
            List<X509Certificate> chain,
            Clock clock,
            TimeStampSource timeStamps,
            List<X509Certificate> dssCertificates,
            List<byte[]> dssCrls)
            throws Exception {
        this(key, chain, clock, timeStamps, fixed(dssCertificates, dssCrls));
    }

    private SampleCertificatePdfs(
            PrivateKey key,
            List<X509Certificate> chain,
            Clock clock,
            TimeStampSource timeStamps,
            LongTermValidationData longTerm)
            throws Exception {
        this.documents = withoutSpring(new InMemorySignatureToken(key, chain), clock, timeStamps, longTerm);
        this.archive = longTerm == null ? null : new ArchiveTimeStamps(timeStamps, longTerm);
        this.seal = new ElectronicSeal(
                System.nanoTime(),
                1,
                1,
                1,
                "seal",
                chain,
                Files.readAllBytes(Path.of("seal-templates/dev-sample-seal.png")),
                Instant.now());
    }

    /** The real pipeline over the project's font, layout and bundles, without a time-stamp (PAdES-B). */
    static OnePassCertificateDocuments withoutSpring(SignatureToken token, Clock clock) {
        return withoutSpring(token, clock, null, null);
    }

    /** Validation data that is always the same certificates and CRLs (no revocation lists service, no CA). */
    private static LongTermValidationData fixed(List<X509Certificate> certificates, List<byte[]> crls) {
        List<byte[]> ders = certificates.stream()
                .map(c -> {
                    try {
                        return c.getEncoded();
                    } catch (Exception e) {
                        throw new IllegalArgumentException(e);
                    }
                })
                .toList();
        return new LongTermValidationData(null, null, null, Clock.systemUTC()) {
            @Override
            Dss dssFor(List<X509Certificate> sealChain, List<X509Certificate> timeStampChain, Instant timeStamped) {
                return new Dss(ders, crls);
            }

            @Override
            Dss dssForTimeStamp(List<X509Certificate> timeStampChain, Instant timeStamped) {
                return new Dss(ders, crls);
            }
        };
    }

    /** {@code pdf} with one more archive time-stamp (needs the constructor with validation data). */
    public byte[] archived(byte[] pdf) {
        return archive.append(pdf).pdf();
    }

    private static OnePassCertificateDocuments withoutSpring(
            SignatureToken token, Clock clock, TimeStampSource timeStamps, LongTermValidationData longTerm) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new OnePassCertificateDocuments(
                new cn.hrss.zcrd.shared.CjkFont(TestFonts.CONFIGURED),
                new CertificateLayouts(Path.of("seal-templates/certificate-layout.properties")),
                messages,
                token,
                timeStamps,
                longTerm,
                clock);
    }

    public byte[] signed(URI address) {
        return documents.make(CONTENT, address, seal).pdf();
    }

    /** The same page, unsigned (the seal mock-up's preview). */
    public byte[] unsigned(URI address) throws Exception {
        return documents.preview(CONTENT, address, Files.readAllBytes(Path.of("seal-templates/dev-sample-seal.png")));
    }
}
