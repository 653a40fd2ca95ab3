package cn.hrss.zcrd.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.seal.SealImages;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.util.UUID;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ops/run} uses H2 in MySQL mode: V10 must migrate there and Hibernate must validate the seal mapping against
 * it; one version number per unit holds in the database. No Spring.
 */
class SealMigrationsOnH2Test {

    private static final String URL = "jdbc:h2:mem:seal-" + UUID.randomUUID()
            + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

    private static EntityManagerFactory entityManagerFactory;

    @BeforeAll
    static void migrateAndValidate() {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").load().migrate();
        entityManagerFactory = new HibernatePersistenceConfiguration("seal-on-h2")
                .managedClasses(SealImpression.class, SealImpressionImage.class)
                .jdbcUrl(URL)
                .jdbcCredentials("sa", "")
                .property("hibernate.hbm2ddl.auto", "validate")
                .property("jakarta.persistence.validation.mode", "none")
                .createEntityManagerFactory();
        inTransaction(em -> {
            em.createNativeQuery("INSERT INTO portal_account (id, kind, login_name, display_name, password_hash, "
                    + "created_at, password_changed_at) VALUES (2011, 'UNIT', 'U11', '济南市测试单位', 'x', "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").executeUpdate();
            em.createNativeQuery("INSERT INTO unit (id, account_id, credit_code, name, region_code, unit_type, "
                    + "contact_person, phone, created_at) VALUES (11, 2011, '91370102MA3C4XXXXX', '济南市测试单位', "
                    + "'370102', 'ENTERPRISE', '王', '0531-1', CURRENT_TIMESTAMP)").executeUpdate();
            em.createNativeQuery("INSERT INTO back_office_account (id, username, display_name, role, enabled, "
                    + "created_at, version) VALUES (7, 'h2-reviewer', '李审核', 'BUREAU_REVIEWER', TRUE, "
                    + "CURRENT_TIMESTAMP, 0)").executeUpdate();
            return null;
        });
    }

    @AfterAll
    static void close() {
        if (entityManagerFactory != null) {
            entityManagerFactory.close();
        }
    }

    @Test
    void anApprovedVersionWithItsImageRoundTrips() {
        byte[] png = SealImages.transparentSeal(300);
        long id = inTransaction(em -> {
            SealImpression seal = SealImpressionTest.pending(1);
            seal.approve(SealImpressionTest.REVIEWER, "清晰", SealImpressionTest.DECIDED);
            em.persist(seal);
            em.flush();
            em.persist(new SealImpressionImage(seal.getId(), png));
            return seal.getId();
        });

        inTransaction(em -> {
            SealImpression seal = em.find(SealImpression.class, id);
            assertThat(seal.getState()).isEqualTo(SealImpressionState.APPROVED);
            assertThat(seal.getOpinion()).isEqualTo("清晰");
            assertThat(seal.getDecidedAt()).isEqualTo(SealImpressionTest.DECIDED);
            assertThat(em.find(SealImpressionImage.class, id).png()).isEqualTo(png);
            return null;
        });
    }

    @Test
    void aUnitHasEachVersionNumberOnce() {
        inTransaction(em -> {
            em.persist(SealImpressionTest.pending(7));
            return null;
        });
        assertThatThrownBy(() -> inTransaction(em -> {
            em.persist(SealImpressionTest.pending(7));
            em.flush();
            return null;
        })).isInstanceOf(PersistenceException.class);
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = entityManagerFactory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
