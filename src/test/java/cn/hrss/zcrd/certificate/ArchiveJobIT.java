package cn.hrss.zcrd.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.certificate.internal.ArchiveJob;
import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.support.DssValidator;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.verification.VerificationFixtures;
import cn.hrss.zcrd.verification.internal.Verdict;
import cn.hrss.zcrd.verification.internal.VerificationService;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The archive time-stamp job through the real token, TSA and database: newly issued certificates get their first
 * archive time-stamp (PAdES-BASELINE-LTA), and with the time moved past the renewal margin exactly the due ones get
 * a second; numbers stay; every version verifies as the same registered certificate.
 */
@IntegrationTest
class ArchiveJobIT {

    @Autowired
    ArchiveJob job;

    @Autowired
    VerificationFixtures fixtures;

    @Autowired
    VerificationService verification;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CertificateAuthority authority;

    @Test
    void newCertificatesGetTheirFirstArchiveTimeStampAndOnlyTheDueOnesAreRenewed() throws Exception {
        VerificationFixtures.Issuer issuer = fixtures.issuer("长期验证测试单位");
        VerificationFixtures.Issued a = fixtures.issued(issuer, "甲长期");
        VerificationFixtures.Issued b = fixtures.issued(issuer, "乙长期");
        long idA = fixtures.idOf(a);
        long idB = fixtures.idOf(b);
        long certificates = count();

        Instant now = Instant.now();
        ArchiveJob.Run first = job.run(now, 2);
        assertThat(first.done()).isEqualTo(2);
        assertThat(first.failed()).isZero();
        byte[] lta = pdf(idA);
        assertThat(verification.verify(lta).verdict()).isEqualTo(Verdict.GENUINE);
        assertThat(verification.verify(lta).archiveTimeStamps()).hasSize(1);
        assertThat(verification.verify(a.pdf()).verdict())
                .as("the earlier version")
                .isEqualTo(Verdict.GENUINE);
        assertThat(DssValidator.validate(lta, authority.rootCertificate()))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.indication()).as("%s", v).isEqualTo(Indication.TOTAL_PASSED);
                    assertThat(v.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
                });
        Instant evidence = evidenceUntil(idA);
        assertThat(evidence).isAfter(now);

        // B was renewed lately with a longer-lived TSA certificate: not due when A is
        jdbc.update(
                "UPDATE title_certificate SET evidence_until = ? WHERE id = ?",
                Timestamp.from(evidence.plus(Duration.ofDays(3650))),
                idB);
        String shaB = sha(idB);
        Instant later = evidence.minus(Duration.ofDays(364)); // within the 365-day margin of A's evidence
        ArchiveJob.Run renewal = job.run(later, 1);
        assertThat(renewal.done()).isEqualTo(1);
        byte[] renewed = pdf(idA);
        var verdict = verification.verify(renewed);
        assertThat(verdict.verdict()).isEqualTo(Verdict.GENUINE);
        assertThat(verdict.archiveTimeStamps()).hasSize(2);
        assertThat(sha(idB)).as("not due, untouched").isEqualTo(shaB);
        for (byte[] version : java.util.List.of(a.pdf(), lta, renewed)) {
            assertThat(verification.verify(version).certificate().number()).isEqualTo(a.number());
        }
        assertThat(DssValidator.validate(renewed, authority.rootCertificate()))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.indication()).as("%s", v).isEqualTo(Indication.TOTAL_PASSED);
                    assertThat(v.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
                });
        // numbering untouched: same numbers, no certificate added
        assertThat(count()).isEqualTo(certificates);
        assertThat(jdbc.queryForObject("SELECT number FROM title_certificate WHERE id = ?", String.class, idA))
                .isEqualTo(a.number());
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_record WHERE action_code = 'CERTIFICATE_ARCHIVE_RUN'", Long.class))
                .isGreaterThanOrEqualTo(2);
    }

    private long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM title_certificate", Long.class);
    }

    private byte[] pdf(long id) {
        return jdbc.queryForObject("SELECT pdf FROM title_certificate_pdf WHERE certificate_id = ?", byte[].class, id);
    }

    private String sha(long id) {
        return jdbc.queryForObject("SELECT sha256 FROM title_certificate WHERE id = ?", String.class, id);
    }

    private Instant evidenceUntil(long id) {
        return jdbc.queryForObject("SELECT evidence_until FROM title_certificate WHERE id = ?", Timestamp.class, id)
                .toInstant();
    }
}
