package cn.hrss.zcrd.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.Applicants;
import cn.hrss.zcrd.account.PersonRegistration;
import cn.hrss.zcrd.declaration.RecognitionForms;
import cn.hrss.zcrd.seal.SealFixtures;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.PrintableText;
import cn.hrss.zcrd.support.EmbeddedGlyphs;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.TestFonts;
import cn.hrss.zcrd.support.TestIdentities;
import cn.hrss.zcrd.verification.internal.Verdict;
import cn.hrss.zcrd.verification.internal.VerificationService;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Names with rare characters (issue 17 item 6), as the services do it on MariaDB with signatures through SunPKCS11 +
 * SoftHSM2: a name mixing the BMP, CJK Extensions B, E and G and a compatibility ideograph is registered, declared,
 * approved, found by name, issued, verified (the platform verifier, pdfsig) and printed — every character by an
 * embedded font that has an outline for it, on the certificate and on the 认定表; a name with a character no
 * configured font has is refused at registration with the Chinese message at the field, and nothing is stored.
 */
@IntegrationTest
class RareCharacterNamesIT extends CertificateServicesBase {

    static final LocalDate PUBLISHED = LocalDate.of(2026, 6, 30);

    @Autowired
    CertificateFixtures fixtures;

    @Autowired
    RecognitionForms forms;

    @Autowired
    VerificationService verification;

    @Autowired
    Applicants applicants;

    @Test
    void aNameOfRareCharactersIsRegisteredDeclaredFoundIssuedPrintedAndVerified() throws Exception {
        CertificateFixtures.IssuingUnit unit = fixtures.issuingUnit("生僻字姓名单位");
        String name = TestFonts.RARE_NAME;
        // another name differing only in a supplementary-plane character: a search must tell them apart
        String other = "王" + TestFonts.EXT_E + "乙";
        CertificateFixtures.Approved rare = fixtures.finallyApproved(unit, name);
        fixtures.finallyApproved(unit, other);
        assertThat(rare.person().displayName())
                .as("stored as typed, not normalised")
                .isEqualTo(name);

        // the 认定表 (iText, font fallback) prints every character of the name from an embedded font
        byte[] form = forms.render(rare.declarationId(), rare.person()).pdf();
        EmbeddedGlyphs.assertOutlined(form, name);
        assertThat(CertificateFixtures.textOf(form)).contains(name);

        SealFixtures.signIn(unit.ukeyOperator());
        String prefix = name.substring(0, name.offsetByCodePoints(0, 2)); // 王𠀾
        assertThat(library.find(new LibraryQuery(prefix, null, null, null, null, null, null), 0, 10, null, false))
                .extracting(LibraryEntry::holderName)
                .containsExactly(name);
        long batch = issuance.start(List.of(fixtures.entryOf(rare.declarationId())), PUBLISHED);
        assertThat(fixtures.completed(batch).issued()).isEqualTo(1);

        List<TitleCertificate> found =
                certificates.find(new CertificateQuery(prefix, null, null, null, null, null), 0, 10, null, false);
        assertThat(found).as("found by a name with supplementary characters").hasSize(1);
        TitleCertificate issued = found.get(0);
        assertThat(issued.holderName()).isEqualTo(name);
        byte[] pdf = certificates.download(issued.id()).content();
        List<String> fonts = EmbeddedGlyphs.assertOutlined(pdf, name);
        assertThat(fonts)
                .as("main font and three fallbacks, each its own subset")
                .hasSize(6);
        assertThat(java.util.Set.copyOf(fonts)).hasSize(4);
        assertThat(CertificateFixtures.verifiedByItext(pdf)).contains(name, issued.number());
        CertificateFixtures.verifiedByPdfsig(pdf);
        assertThat(verification.verify(pdf).verdict()).isEqualTo(Verdict.GENUINE);
        assertThat(verification.byNumberAndHolder(issued.number(), name)).isPresent();
        assertThat(verification.byNumberAndHolder(issued.number(), other)).isEmpty();
    }

    @Test
    void aNameWithACharacterNoFontHasIsRefusedAtRegistrationAndNothingIsStored() {
        String idNumber = TestIdentities.idNumber();
        String name = "张" + TestFonts.NO_FONT;

        assertThatThrownBy(() -> applicants.register(new PersonRegistration(
                        name, idNumber, "13912345678", "rare@example.cn", "Secret123", "Secret123")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(new FieldProblem(
                                        "name",
                                        PrintableText.UNPRINTABLE,
                                        List.of("“" + TestFonts.NO_FONT + "”（U+30041）"))));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM applicant WHERE id_number = ?", Integer.class, idNumber))
                .as("nothing stored")
                .isZero();
    }

    @Test
    void everyNameColumnComparesSupplementaryCharactersAsThemselves() {
        // utf8mb4 with a collation that does not fold every supplementary character into one (general_ci does)
        List<String> names = jdbc.queryForList(
                "SELECT CONCAT(table_name, '.', column_name, ' ', collation_name) FROM information_schema.columns"
                        + " WHERE table_schema = DATABASE() AND collation_name IS NOT NULL"
                        + " AND column_name LIKE '%name%' AND table_name NOT LIKE 'flyway%'",
                String.class);
        assertThat(names)
                .anyMatch(c -> c.startsWith("applicant.name "))
                .anyMatch(c -> c.startsWith("title_certificate.holder_name "));
        assertThat(names).allMatch(c -> c.endsWith(" utf8mb4_unicode_ci"));
    }
}
