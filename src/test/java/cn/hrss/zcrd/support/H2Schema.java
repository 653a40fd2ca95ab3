package cn.hrss.zcrd.support;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * A fresh in-memory H2 database in MySQL mode (as {@code ops/run} uses it) with every Flyway migration applied and
 * Hibernate validating {@code managedClasses} against it. No Spring: for the {@code *MigrationsOnH2Test}s.
 */
public final class H2Schema implements AutoCloseable {

    private final EntityManagerFactory entityManagerFactory;

    private H2Schema(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    /** Migrates a new database named after {@code name} and validates the mapping of {@code managedClasses}. */
    public static H2Schema migrated(String name, Class<?>... managedClasses) {
        String url = "jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new H2Schema(new HibernatePersistenceConfiguration(name + "-on-h2")
                .managedClasses(managedClasses)
                .jdbcUrl(url)
                .jdbcCredentials("sa", "")
                .property("hibernate.hbm2ddl.auto", "validate")
                .property("jakarta.persistence.validation.mode", "none")
                .createEntityManagerFactory());
    }

    /** Runs {@code work} in a transaction of its own: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
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

    /** Runs {@code work} in a transaction that is rolled back afterwards: it leaves nothing behind. */
    public void rolledBack(Consumer<EntityManager> work) {
        EntityManager em = entityManagerFactory.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /**
     * Two units of 370102 with their portal accounts: 11 (申报单位, account 2011) and 13 (上级单位, account 2013), for
     * the rows that refer to units.
     */
    public void insertTwoUnits() {
        inTransaction(em -> {
            em.createNativeQuery(
                            "INSERT INTO portal_account (id, kind, login_name, display_name, password_hash, "
                                    + "created_at, password_changed_at) VALUES (2011, 'UNIT', 'U11', '申报单位', 'x', CURRENT_TIMESTAMP, "
                                    + "CURRENT_TIMESTAMP), (2013, 'UNIT', 'U13', '上级单位', 'x', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                    .executeUpdate();
            em.createNativeQuery("INSERT INTO unit (id, account_id, credit_code, name, region_code, unit_type, "
                            + "contact_person, phone, created_at) VALUES (11, 2011, 'C11', '申报单位', '370102', 'ENTERPRISE', "
                            + "'王', '0531-1', CURRENT_TIMESTAMP), (13, 2013, 'C13', '上级单位', '370102', 'ENTERPRISE', '李', "
                            + "'0531-2', CURRENT_TIMESTAMP)")
                    .executeUpdate();
            return null;
        });
    }

    @Override
    public void close() {
        entityManagerFactory.close();
    }
}
