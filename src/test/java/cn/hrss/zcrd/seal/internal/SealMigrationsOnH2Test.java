package cn.hrss.zcrd.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.seal.SealImages;
import cn.hrss.zcrd.support.H2Schema;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ops/run} uses H2 in MySQL mode: V10 must migrate there and Hibernate must validate the seal mapping against
 * it; one version number per unit holds in the database. No Spring.
 */
class SealMigrationsOnH2Test {

    @AutoClose
    private static H2Schema h2;

    @BeforeAll
    static void migrateAndValidate() {
        h2 = H2Schema.migrated("seal", SealImpression.class, SealImpressionImage.class, ElectronicSealRecord.class);
        h2.inTransaction(em -> {
            em.createNativeQuery("INSERT INTO portal_account (id, kind, login_name, display_name, password_hash, "
                            + "created_at, password_changed_at) VALUES (2011, 'UNIT', 'U11', '济南市测试单位', 'x', "
                            + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                    .executeUpdate();
            em.createNativeQuery("INSERT INTO unit (id, account_id, credit_code, name, region_code, unit_type, "
                            + "contact_person, phone, created_at) VALUES (11, 2011, '91370102MA3C4XXXXX', '济南市测试单位', "
                            + "'370102', 'ENTERPRISE', '王', '0531-1', CURRENT_TIMESTAMP)")
                    .executeUpdate();
            em.createNativeQuery("INSERT INTO back_office_account (id, username, display_name, role, enabled, "
                            + "created_at, version) VALUES (7, 'h2-reviewer', '李审核', 'BUREAU_REVIEWER', TRUE, "
                            + "CURRENT_TIMESTAMP, 0)")
                    .executeUpdate();
            return null;
        });
    }

    @Test
    void anApprovedVersionWithItsImageRoundTrips() {
        byte[] png = SealImages.transparentSeal(300);
        long id = h2.inTransaction(em -> {
            SealImpression seal = SealImpressionTest.pending(1);
            seal.approve(SealImpressionTest.REVIEWER, "清晰", SealImpressionTest.DECIDED);
            em.persist(seal);
            em.flush();
            em.persist(new SealImpressionImage(seal.getId(), png));
            return seal.getId();
        });

        h2.inTransaction(em -> {
            SealImpression seal = em.find(SealImpression.class, id);
            assertThat(seal.getState()).isEqualTo(SealImpressionState.APPROVED);
            assertThat(seal.getDecision().opinion()).isEqualTo("清晰");
            assertThat(seal.getDecision().at()).isEqualTo(SealImpressionTest.DECIDED);
            assertThat(em.find(SealImpressionImage.class, id).png()).isEqualTo(png);
            return null;
        });
    }

    @Test
    void aUnitHasEachVersionNumberOnce() {
        h2.inTransaction(em -> {
            em.persist(SealImpressionTest.pending(7));
            return null;
        });
        assertThatThrownBy(() -> h2.inTransaction(em -> {
                    em.persist(SealImpressionTest.pending(7));
                    em.flush();
                    return null;
                }))
                .isInstanceOf(PersistenceException.class);
    }
}
