package cn.hrss.zcrd.declaration;

import static cn.hrss.zcrd.declaration.DeclarationBuilder.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.declaration.internal.AttachmentContent;
import cn.hrss.zcrd.support.H2Schema;
import jakarta.persistence.PersistenceException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ops/run} uses H2 in MySQL mode: V5 (LONGBLOB, the nullable unique open marker, DATETIME(6)) must migrate
 * there and Hibernate must validate the declaration's mapping against it. No Spring.
 */
class DeclarationMigrationsOnH2Test {

    @AutoClose
    private static H2Schema h2;

    @BeforeAll
    static void migrateAndValidate() {
        h2 = H2Schema.migrated(
                "declaration", Declaration.class, Attachment.class, HistoryEntry.class, AttachmentContent.class);
        h2.inTransaction(em -> em.createNativeQuery(
                        "INSERT INTO portal_account (id, kind, login_name, display_name, password_hash, created_at, "
                                + "password_changed_at) VALUES (1001, 'PERSON', '370102199001011234', '张三', 'x', "
                                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .executeUpdate());
        h2.insertTwoUnits();
    }

    @Test
    void aDeclarationWithItsModulesHistoryAndAttachmentBytesRoundTrips() {
        byte[] bytes = new byte[300_000];
        ThreadLocalRandom.current().nextBytes(bytes);
        long id = h2.inTransaction(em -> {
            Declaration d = DeclarationBuilder.aDeclaration().complete();
            d.submit(DeclarationBuilder.applicant(), NOW);
            d.returnToApplicant(DeclarationBuilder.unit(11), Map.of(ModuleKind.WORK, "请补充"), "退回", NOW);
            em.persist(d);
            em.flush();
            em.persist(new AttachmentContent(d.attachments().get(0).id(), bytes));
            return d.getId();
        });

        h2.inTransaction(em -> {
            Declaration d = em.find(Declaration.class, id);
            assertThat(d.getState()).isEqualTo(DeclarationState.RETURNED);
            assertThat(d.educationRecords()).containsExactly(DeclarationBuilder.education());
            assertThat(d.workRecords()).containsExactly(DeclarationBuilder.work());
            assertThat(d.moduleState(ModuleKind.WORK)).isEqualTo(ModuleState.REJECTED);
            assertThat(d.history())
                    .extracting(HistoryEntry::action)
                    .containsExactly(DeclarationAction.SUBMIT, DeclarationAction.RETURN);
            assertThat(d.history().get(1).toItem(Map.of()).moduleOpinions()).containsEntry(ModuleKind.WORK, "请补充");
            long attachmentId = d.attachments().get(0).id();
            assertThat(em.find(AttachmentContent.class, attachmentId).content()).isEqualTo(bytes);
            return null;
        });
    }

    @Test
    void theDatabaseHoldsOneOpenDeclarationPerPersonYearAndLevel() {
        h2.inTransaction(em -> {
            // drafts and withdrawn ones carry no open marker: any number of them
            em.persist(zhongji().draft());
            em.persist(zhongji().inState(DeclarationState.WITHDRAWN));
            em.persist(zhongji().inState(DeclarationState.SUBMITTED));
            em.flush();
            return null;
        });
        assertThatThrownBy(() -> h2.inTransaction(em -> {
                    em.persist(zhongji().inState(DeclarationState.SUBMITTED));
                    em.flush();
                    return null;
                }))
                .isInstanceOf(PersistenceException.class);
    }

    private static DeclarationBuilder zhongji() {
        return DeclarationBuilder.aDeclaration().withLevel("ZHONGJI");
    }
}
