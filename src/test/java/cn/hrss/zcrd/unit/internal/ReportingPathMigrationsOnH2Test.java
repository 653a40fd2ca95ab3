package cn.hrss.zcrd.unit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.support.H2Schema;
import cn.hrss.zcrd.unit.BusinessType;
import cn.hrss.zcrd.unit.IssuingAuthorityApplication;
import cn.hrss.zcrd.unit.IssuingAuthorityStatus;
import cn.hrss.zcrd.unit.ReportingPath;
import cn.hrss.zcrd.unit.ReportingPathStatus;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ops/run} uses H2 in MySQL mode: V8 (reporting paths, issuing authority, nullable unique markers) must
 * migrate there and Hibernate must validate the mappings against it. No Spring.
 */
class ReportingPathMigrationsOnH2Test {

    private static final Instant NOW = Instant.parse("2025-06-02T02:00:00Z");

    @AutoClose
    private static H2Schema h2;

    @BeforeAll
    static void migrateAndValidate() {
        h2 = H2Schema.migrated("paths", ReportingPath.class, IssuingAuthorityApplication.class);
        h2.insertTwoUnits();
    }

    @Test
    void aPathRoundTripsAndASecondLiveOneForTheSameLevelAndSeriesIsRefusedByTheDatabase() {
        long id = h2.inTransaction(em -> {
            ReportingPath path = new ReportingPath(11, 13, "ZHULI", "GONGCHENG", BusinessType.TRANSFER_IN, 2011, NOW);
            em.persist(path);
            em.flush();
            path.approve(13, 2013, "上级单位", "同意", NOW);
            return path.getId();
        });
        h2.inTransaction(em -> {
            ReportingPath path = em.find(ReportingPath.class, id);
            assertThat(path.getStatus()).isEqualTo(ReportingPathStatus.EFFECTIVE);
            assertThat(path.getDecision().opinion()).isEqualTo("同意");
            return null;
        });
        assertThatThrownBy(() -> h2.inTransaction(em -> {
                    em.persist(new ReportingPath(
                            11, 13, "ZHULI", "GONGCHENG", BusinessType.FULL_TIME_RECOGNITION, 2011, NOW));
                    em.flush();
                    return null;
                }))
                .isInstanceOf(PersistenceException.class);
    }

    @Test
    void anAuthorityApplicationKeepsItsLevels() {
        long id = h2.inTransaction(em -> {
            IssuingAuthorityApplication a =
                    new IssuingAuthorityApplication(13, "HRSS370100", Set.of("YUAN", "ZHULI"), 2013, NOW);
            em.persist(a);
            em.flush();
            return a.getId();
        });
        h2.inTransaction(em -> {
            IssuingAuthorityApplication a = em.find(IssuingAuthorityApplication.class, id);
            assertThat(a.getLevelCodes()).containsExactlyInAnyOrder("YUAN", "ZHULI");
            assertThat(a.getStatus()).isEqualTo(IssuingAuthorityStatus.PENDING);
            return null;
        });
    }
}
