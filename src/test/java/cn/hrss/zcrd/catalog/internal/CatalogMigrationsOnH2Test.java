package cn.hrss.zcrd.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.catalog.Bureau;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.Title;
import cn.hrss.zcrd.support.H2Schema;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ops/run} uses H2 in MySQL mode, the tests use MariaDB: the migrations and Hibernate's schema validation of
 * the catalog tables must pass on H2 too. No Spring here: {@link H2Schema} (Flyway, then Hibernate with
 * {@code hbm2ddl.auto=validate}), then the loader's own read functions.
 */
class CatalogMigrationsOnH2Test {

    @AutoClose
    private static H2Schema h2;

    @BeforeAll
    static void migrateAndValidate() {
        h2 = H2Schema.migrated(
                "catalog",
                LevelRow.class,
                SeriesRow.class,
                TrackRow.class,
                TitleRow.class,
                SpecialtyRow.class,
                DeclarationMethodRow.class,
                RegionRow.class,
                BureauRow.class);
    }

    @Test
    void theReferenceDataLoadsFromH2() {
        h2.rolledBack(em -> {
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
        h2.rolledBack(em -> {
            em.createNativeQuery("INSERT INTO specialty (code, series_id, name) VALUES ('H2_PROBE', 1, '探针')")
                    .executeUpdate();
            Number id = (Number) em.createNativeQuery("SELECT id FROM specialty WHERE code = 'H2_PROBE'")
                    .getSingleResult();
            assertThat(id.longValue()).isGreaterThan(7019);
        });
    }
}
