package cn.hrss.zcrd.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.approval.ApprovalFixtures;
import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalRequest;
import cn.hrss.zcrd.approval.ApprovalState;
import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.seal.SealFixtures;
import cn.hrss.zcrd.shared.RefusedException;
import cn.hrss.zcrd.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issuance as the services do it, on MariaDB with signatures through SunPKCS11 + SoftHSM2: from 终审通过 into the
 * library, a batch, signed certificates (iText and pdfsig), 已发证, the applicant's download, 注销 under the
 * four-eyes rule (a second operator of the unit approves; a rejected request revokes nothing); the access rules; two
 * batches of one unit at once.
 */
@IntegrationTest
class CertificateIssuanceIT extends CertificateServicesBase {

    static final LocalDate PUBLISHED = LocalDate.of(2026, 6, 30);

    @Autowired
    ApprovalFixtures fourEyes;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    CertificateFixtures fixtures;

    @Test
    void finalApprovalToSignedCertificateToApplicantDownloadAndRevocation() throws Exception {
        CertificateFixtures.IssuingUnit unit = fixtures.issuingUnit("证书发放单位");
        CertificateFixtures.Approved wang = fixtures.finallyApproved(unit, "王证书");
        CertificateFixtures.Approved li = fixtures.finallyApproved(unit, "李证书");

        SealFixtures.signIn(unit.ukeyOperator());
        assertThat(library.operator().unitId()).isEqualTo(unit.id());
        assertThat(library.operator().ukeySession()).isTrue();
        assertThat(library.count(LibraryQuery.all())).isEqualTo(2);
        List<LibraryEntry> listed =
                library.find(new LibraryQuery("王证", null, null, null, null, null, null), 0, 10, LibrarySort.NAME, true);
        assertThat(listed).singleElement().satisfies(e -> {
            assertThat(e.holderName()).isEqualTo("王证书");
            assertThat(e.levelName()).isEqualTo("助理级");
            assertThat(e.titleName()).isEqualTo("助理工程师");
            assertThat(e.declarationId()).isEqualTo(wang.declarationId());
        });

        long batch = issuance.start(
                List.of(fixtures.entryOf(wang.declarationId()), fixtures.entryOf(li.declarationId())), PUBLISHED);
        BatchProgress done = awaitCompleted(batch);
        assertThat(done.issued()).isEqualTo(2);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(issuance.recent(5)).extracting(BatchProgress::id).contains(batch);
        assertThat(library.count(LibraryQuery.all())).isZero();

        List<TitleCertificate> issued = certificates.find(CertificateQuery.all(), 0, 10, CertificateSort.NUMBER, true);
        assertThat(issued).hasSize(2).allSatisfy(c -> assertThat(c.status()).isEqualTo(CertificateStatus.VALID));
        assertThat(issued)
                .extracting(c -> CertificateNumber.parse(c.number()).sequence())
                .containsExactly(1, 2);
        assertThat(issued)
                .extracting(c -> CertificateNumber.parse(c.number()).unitId())
                .containsOnly(unit.id());
        TitleCertificate wangs = issued.stream()
                .filter(c -> c.holderName().equals("王证书"))
                .findFirst()
                .orElseThrow();
        assertThat(wangs.publishDate()).isEqualTo(PUBLISHED);
        assertThat(wangs.unitName()).isEqualTo(unit.unit().getName());

        CertificateFile file = certificates.download(wangs.id());
        assertThat(CertificateFixtures_sha(file.content()))
                .isEqualTo(wangs.sha256())
                .isEqualTo(file.sha256());
        String text = CertificateFixtures.verifiedByItext(file.content());
        assertThat(text)
                .contains("王证书")
                .contains(wangs.number())
                .contains("助理工程师")
                .doesNotContain(wangs.idNumber())
                .contains(wangs.idNumber().substring(0, 6) + "********");
        CertificateFixtures.verifiedByPdfsig(file.content());
        byte[] tampered = CertificateFixtures.flipOneByte(file.content());
        assertThat(CertificateFixtures.intactByItext(tampered)).isFalse();
        assertThat(cn.hrss.zcrd.support.Pdfsig.validate(tampered)).doesNotContain("Signature is Valid");
        assertThat(jdbc.queryForObject(
                        "SELECT verification_key FROM title_certificate WHERE id = ?", String.class, wangs.id()))
                .hasSize(22);

        // the declaration shows 已发证; the applicant lists and downloads their own certificate only
        assertThat(declarations.details(wang.declarationId(), wang.person()).state())
                .isEqualTo(DeclarationState.CERTIFIED);
        SealFixtures.signOut();
        assertThat(certificates.mine(wang.person())).singleElement().satisfies(c -> {
            assertThat(c.number()).isEqualTo(wangs.number());
            assertThat(c.idNumber()).contains("********");
        });
        assertThat(certificates.downloadMine(wangs.id(), wang.person()).content())
                .isEqualTo(file.content());
        assertThatThrownBy(() -> certificates.downloadMine(wangs.id(), li.person()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> certificates.downloadMine(wangs.id(), unit.portal()))
                .isInstanceOf(AccessDeniedException.class);

        // 注销 (four eyes): a fallback session may not ask; the UKEY session asks with a reason, which changes
        // nothing yet; the asker cannot approve it; a second operator of the unit approves it (UKEY): revoked
        SealFixtures.signIn(unit.passwordOperator());
        assertThat(certificates.count(CertificateQuery.all())).isEqualTo(2);
        assertThatThrownBy(() -> certificates.revoke(wangs.id(), "信息有误"))
                .isInstanceOfSatisfying(
                        BackOfficeAccessDeniedException.class,
                        e -> assertThat(e.needsUkey()).isTrue());
        SealFixtures.signIn(unit.ukeyOperator());
        assertThatThrownBy(() -> certificates.revoke(wangs.id(), "  "))
                .isInstanceOfSatisfying(
                        CertificateRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(CertificateRefusedException.REASON_REQUIRED));
        assertThat(certificates.revocationNeedsApproval())
                .as("four eyes on by default")
                .isTrue();
        ApprovalRequest asked = certificates.revoke(wangs.id(), "材料不实").orElseThrow();
        assertThat(asked.kind()).isEqualTo(ApprovalKind.REVOKE_CERTIFICATE);
        assertThat(certificates.get(wangs.id()).status())
                .as("a request changes nothing")
                .isEqualTo(CertificateStatus.VALID);
        assertThatThrownBy(() -> certificates.revoke(wangs.id(), "再申请一次"))
                .isInstanceOfSatisfying(
                        RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("approval.already-pending"));
        fourEyes.ownApprovalRefused(unit.ukeyOperator(), asked);
        assertThat(certificates.get(wangs.id()).status()).isEqualTo(CertificateStatus.VALID);
        BackOfficeUser second = fixtures.ukeyOperator(unit.id());
        assertThat(fourEyes.approveAs(second, asked).request().state()).isEqualTo(ApprovalState.APPROVED);
        assertThatThrownBy(() -> certificates.revoke(wangs.id(), "再次注销"))
                .isInstanceOfSatisfying(
                        CertificateRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(CertificateRefusedException.ALREADY_REVOKED));
        // a rejected request: the other certificate stays valid
        TitleCertificate lis =
                issued.stream().filter(c -> c.id() != wangs.id()).findFirst().orElseThrow();
        ApprovalRequest rejected = certificates.revoke(lis.id(), "疑似重复发证").orElseThrow();
        assertThat(fourEyes.rejectAs(second, rejected, "核实无误，不予注销").state()).isEqualTo(ApprovalState.REJECTED);
        assertThat(certificates.get(lis.id()).status()).isEqualTo(CertificateStatus.VALID);
        TitleCertificate revoked = certificates.get(wangs.id());
        assertThat(revoked.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(revoked.revocationReason()).isEqualTo("材料不实");
        assertThat(revoked.revokedBy()).as("the approver revoked it").isEqualTo(second.getDisplayName());
        assertThat(revoked.revokedAt()).isNotNull();
        assertThat(certificates.find(
                        new CertificateQuery(null, null, null, null, null, CertificateStatus.REVOKED),
                        0,
                        10,
                        null,
                        false))
                .extracting(TitleCertificate::id)
                .containsExactly(wangs.id());
        assertThat(certificates.find(
                        new CertificateQuery(null, null, wangs.number(), null, null, null), 0, 10, null, false))
                .singleElement()
                .extracting(TitleCertificate::status)
                .isEqualTo(CertificateStatus.REVOKED);
        SealFixtures.signOut();
        assertThat(certificates.mine(wang.person()))
                .singleElement()
                .extracting(TitleCertificate::status)
                .isEqualTo(CertificateStatus.REVOKED);

        // every issuance and the revocation are on the audit trail
        assertThat(jdbc.queryForList(
                        "SELECT action_code FROM audit_record WHERE target_id = ? OR target_id = ?",
                        String.class,
                        String.valueOf(batch),
                        wangs.number()))
                .contains(
                        "CERTIFICATE_BATCH_STARTED",
                        "CERTIFICATES_ISSUED",
                        "CERTIFICATE_BATCH_COMPLETED",
                        "CERTIFICATE_REVOKED");
        assertThat(jdbc.queryForObject(
                        "SELECT detail FROM audit_record WHERE action_code = 'CERTIFICATE_REVOKED' AND target_id = ?",
                        String.class,
                        wangs.number()))
                .contains("approval #" + asked.id())
                .contains(unit.ukeyOperator().getDisplayName());
    }

    @Test
    void issuingIsRefusedOutsideTheUnitItsAuthorityAndAUkeySession() throws Exception {
        CertificateFixtures.IssuingUnit unit = fixtures.issuingUnit("权限发证单位");
        CertificateFixtures.IssuingUnit other = fixtures.issuingUnit("他人发证单位");
        List<Long> mine = fixtures.seedEntries(unit, 2);
        // a person of a level the unit holds no authority for
        jdbc.update(
                "UPDATE certificate_library_entry SET level_code = 'ZHONGJI', level_name = '中级' WHERE id = ?",
                mine.get(1));

        SealFixtures.signIn(other.ukeyOperator());
        assertThatThrownBy(() -> issuance.start(List.of(mine.get(0)), PUBLISHED))
                .isInstanceOfSatisfying(
                        CertificateRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(CertificateRefusedException.OTHER_UNIT));
        assertThat(library.count(LibraryQuery.all())).isZero();

        SealFixtures.signIn(unit.ukeyOperator());
        assertThat(library.count(LibraryQuery.all()))
                .as("only levels the unit holds are listed")
                .isEqualTo(1);
        assertThatThrownBy(() -> issuance.start(List.of(mine.get(1)), PUBLISHED))
                .isInstanceOfSatisfying(CertificateRefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(CertificateRefusedException.OUTSIDE_AUTHORITY);
                    assertThat(e.arguments()).containsExactly("中级");
                });
        assertThatThrownBy(() -> issuance.start(List.of(mine.get(0)), null))
                .isInstanceOfSatisfying(
                        CertificateRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(CertificateRefusedException.PUBLISH_DATE_REQUIRED));
        assertThatThrownBy(() -> issuance.start(List.of(), PUBLISHED))
                .isInstanceOfSatisfying(
                        CertificateRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(CertificateRefusedException.NOTHING_SELECTED));

        SealFixtures.signIn(unit.passwordOperator());
        assertThat(library.count(LibraryQuery.all()))
                .as("a fallback session may look")
                .isEqualTo(1);
        assertThatThrownBy(() -> issuance.start(List.of(mine.get(0)), PUBLISHED))
                .isInstanceOfSatisfying(
                        BackOfficeAccessDeniedException.class,
                        e -> assertThat(e.needsUkey()).isTrue());
        assertThatThrownBy(() -> issuance.startAll(LibraryQuery.all(), PUBLISHED))
                .isInstanceOf(BackOfficeAccessDeniedException.class);

        CertificateFixtures.IssuingUnit sealless = fixtures.unitWithoutSeal("无印章单位");
        List<Long> theirs = fixtures.seedEntries(sealless, 1);
        SealFixtures.signIn(sealless.ukeyOperator());
        assertThatThrownBy(() -> issuance.start(theirs, PUBLISHED))
                .isInstanceOfSatisfying(
                        CertificateRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(CertificateRefusedException.NO_SEAL));

        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM certificate_batch WHERE unit_id IN (?, ?, ?)",
                        Integer.class,
                        unit.id(),
                        other.id(),
                        sealless.id()))
                .as("nothing stored")
                .isZero();
        SealFixtures.signIn(unit.ukeyOperator());
        long batch = issuance.startAll(LibraryQuery.all(), PUBLISHED);
        assertThat(awaitCompleted(batch).issued()).isEqualTo(1);
        SealFixtures.signIn(other.ukeyOperator());
        long theirId = jdbc.queryForObject("SELECT id FROM title_certificate WHERE batch_id = ?", Long.class, batch);
        assertThatThrownBy(() -> certificates.download(theirId)).isInstanceOf(CertificateRefusedException.class);
        assertThatThrownBy(() -> certificates.revoke(theirId, "不是本单位的"))
                .isInstanceOf(CertificateRefusedException.class);
        assertThatThrownBy(() -> issuance.progress(batch)).isInstanceOf(CertificateRefusedException.class);
    }

    @Test
    void aNameNoFontCanDrawIsRefusedAtTheStartAndNeverSignedByTheJob() throws Exception {
        CertificateFixtures.IssuingUnit unit = fixtures.issuingUnit("生僻字发证单位");
        List<Long> entries = fixtures.seedEntries(unit, 2);
        // 𰁁 U+30041 (CJK Extension G, no configured font has it): stored before names were checked at registration
        String rare = "张" + cn.hrss.zcrd.support.TestFonts.NO_FONT;
        jdbc.update("UPDATE certificate_library_entry SET holder_name = ? WHERE id = ?", rare, entries.get(0));
        SealFixtures.signIn(unit.ukeyOperator());

        assertThatThrownBy(() -> issuance.start(entries, PUBLISHED))
                .isInstanceOfSatisfying(CertificateRefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(CertificateRefusedException.UNPRINTABLE);
                    assertThat(e.arguments())
                            .containsExactly(rare, "“" + cn.hrss.zcrd.support.TestFonts.NO_FONT + "”（U+30041）");
                });
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM certificate_batch WHERE unit_id = ?", Integer.class, unit.id()))
                .as("nothing stored")
                .isZero();

        // a batch already holding such a name (here: changed in the starting transaction, after the check) is
        // interrupted by the job before the token signs anything
        long batch = new TransactionTemplate(transactions).execute(s -> {
            long started = issuance.start(List.of(entries.get(1)), PUBLISHED);
            jdbc.update("UPDATE certificate_library_entry SET holder_name = ? WHERE id = ?", rare, entries.get(1));
            return started;
        });
        BatchProgress stopped =
                CertificateFixtures.await("batch " + batch + " interrupted", Duration.ofMinutes(2), () -> {
                    BatchProgress p = issuance.progress(batch);
                    return p.state() == BatchState.INTERRUPTED ? p : null;
                });
        assertThat(stopped.problemKey()).isEqualTo("certificate.batch.problem.unprintable");
        assertThat(stopped.issued()).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM title_certificate WHERE batch_id = ?", Integer.class, batch))
                .as("no certificate signed")
                .isZero();

        // once the name is put right, the batch continues
        jdbc.update("UPDATE certificate_library_entry SET holder_name = '张三' WHERE id = ?", entries.get(1));
        issuance.resume(batch);
        assertThat(awaitCompleted(batch).issued()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT holder_name FROM title_certificate WHERE batch_id = ?", String.class, batch))
                .isEqualTo("张三");
    }

    @Test
    void twoBatchesOfOneUnitAtOnceShareTheNumbersWithoutGapOrDuplicate() throws Exception {
        CertificateFixtures.IssuingUnit unit = fixtures.issuingUnit("并发发证单位");
        List<Long> first = fixtures.seedEntries(unit, 60);
        List<Long> second = fixtures.seedEntries(unit, 60);
        BackOfficeUser one = unit.ukeyOperator();
        BackOfficeUser two = fixtures.ukeyOperator(unit.id());
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Long> a = pool.submit(startAs(one, first, together));
            Future<Long> b = pool.submit(startAs(two, second, together));
            long batchA = a.get();
            long batchB = b.get();
            SealFixtures.signIn(one);
            awaitCompleted(batchA);
            awaitCompleted(batchB);
        } finally {
            pool.shutdownNow();
        }
        List<Integer> sequences = jdbc.queryForList(
                "SELECT number_sequence FROM title_certificate WHERE unit_id = ? " + "ORDER BY number_sequence",
                Integer.class,
                unit.id());
        assertThat(sequences)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 120).boxed().toList());
        assertThat(jdbc.queryForObject(
                        "SELECT last_sequence FROM certificate_number_counter WHERE unit_id = ?",
                        Integer.class,
                        unit.id()))
                .isEqualTo(120);
        // each batch's items got numbers in chunks; the chunks of the two interleave without overlap
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT number) FROM title_certificate WHERE unit_id = ?",
                        Integer.class,
                        unit.id()))
                .isEqualTo(120);
    }

    @Test
    void whenTheYearsNumbersRunOutWhatWasNumberedIsIssuedAndTheBatchSaysWhy() throws Exception {
        CertificateFixtures.IssuingUnit unit = fixtures.issuingUnit("编号将尽发证单位");
        List<Long> entries = fixtures.seedEntries(unit, 100);
        int last = CertificateNumber.MAX_SEQUENCE - 60;
        jdbc.update(
                "INSERT INTO certificate_number_counter (unit_id, number_year, last_sequence) VALUES (?, ?, ?)",
                unit.id(),
                PUBLISHED.getYear(),
                last);
        SealFixtures.signIn(unit.ukeyOperator());

        long batch = issuance.start(entries, PUBLISHED);

        BatchProgress stopped =
                CertificateFixtures.await("batch " + batch + " interrupted", Duration.ofMinutes(5), () -> {
                    BatchProgress p = issuance.progress(batch);
                    return p.state() == BatchState.INTERRUPTED ? p : null;
                });
        // chunks of 50: the first still fits below 999999, the second does not; the first is issued all the same
        assertThat(stopped.problemKey()).isEqualTo("certificate.refused.numbers-exhausted");
        assertThat(stopped.issued()).isEqualTo(50);
        assertThat(jdbc.queryForList(
                        "SELECT number_sequence FROM title_certificate WHERE batch_id = ? ORDER BY "
                                + "number_sequence",
                        Integer.class,
                        batch))
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(last + 1, last + 50).boxed().toList());
    }

    private Callable<Long> startAs(BackOfficeUser user, List<Long> entries, CyclicBarrier together) {
        return () -> {
            SealFixtures.signIn(user);
            try {
                together.await();
                return issuance.start(entries, PUBLISHED);
            } finally {
                SealFixtures.signOut();
            }
        };
    }

    private BatchProgress awaitCompleted(long batch) {
        return fixtures.completed(batch);
    }

    private static String CertificateFixtures_sha(byte[] data) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
    }
}
