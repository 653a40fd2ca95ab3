package cn.hrss.zcrd.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.catalog.Bureau;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.Title;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.UUID;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ops/run} uses H2 in MySQL mode, the tests use MariaDB: the migrations and Hibernate's schema validation of
 * the catalog tables must pass on H2 too. No Spring here: Flyway, then Hibernate bootstrapped by hand with
 * {@code hbm2ddl.auto=validate}, then the loader's own read functions.
 */
class CatalogMigrationsOnH2Test {

    private static final String URL = "jdbc:h2:mem:catalog-" + UUID.randomUUID()
            + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

    private static EntityManagerFactory entityManagerFactory;

    @BeforeAll
    static void migrateAndValidate() {
        Flyway.configure()
                .dataSource(URL, "sa", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        entityManagerFactory = new HibernatePersistenceConfiguration("catalog-on-h2")
                .managedClasses(
                        LevelRow.class,
                        SeriesRow.class,
                        TrackRow.class,
                        TitleRow.class,
                        SpecialtyRow.class,
                        DeclarationMethodRow.class,
                        RegionRow.class,
                        BureauRow.class)
                .jdbcUrl(URL)
                .jdbcCredentials("sa", "")
                .property("hibernate.hbm2ddl.auto", "validate")
                .property("jakarta.persistence.validation.mode", "none") // bean validation is not under test
                .createEntityManagerFactory();
    }

    @AfterAll
    static void close() {
        if (entityManagerFactory != null) {
            entityManagerFactory.close();
        }
    }

    @Test
    void theReferenceDataLoadsFromH2() {
        inTransaction(em -> {
            TitleSnapshot titles = CatalogLoader.readTitles(em);
            assertThat(titles.levels()).extracting(Level::name).containsExactly("员级", "助理级", "中级", "副高级", "正高级");
            assertThat(titles.titles("ZHONGJI", "GONGCHENG"))
                    .extracting(Title::name)
                    .containsExactly("工程师");
            assertThat(titles.specialties(
                            titles.titles("ZHONGJI", "GONGCHENG").get(0).id()))
                    .hasSizeGreaterThan(8);
            assertThat(titles.declarationMethods("ZHULI")).isNotEmpty();

            RegionTree regions = CatalogLoader.readRegions(em);
            assertThat(regions.province().name()).isEqualTo("山东省");
            assertThat(regions.children("370000")).hasSize(16);
            assertThat(regions.bureauOf("370285")).map(Bureau::name).hasValue("青岛市人力资源和社会保障局");
        });
    }

    @Test
    void rowsAddedLaterGetIdsAfterTheShippedOnes() {
        // the shipped rows carry explicit ids: the identity must have moved past them or an admin's insert collides
        inTransaction(em -> {
            em.createNativeQuery("INSERT INTO specialty (code, series_id, name) VALUES ('H2_PROBE', 1, '探针')")
                    .executeUpdate();
            Number id = (Number) em.createNativeQuery("SELECT id FROM specialty WHERE code = 'H2_PROBE'")
                    .getSingleResult();
            assertThat(id.longValue()).isGreaterThan(7019);
        });
    }

    private static void inTransaction(Consumer<EntityManager> work) {
        EntityManager em = entityManagerFactory.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().rollback();
        } finally {
            em.close();
        }
    }
}
