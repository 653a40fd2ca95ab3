package cn.hrss.zcrd.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The reporting path's state machine: 未生效 → 已生效 or 已驳回, decided only by the superior unit it names. */
class ReportingPathTest {

    static final long UNIT = 11;
    static final long SUPERIOR = 13;
    static final Instant NOW = Instant.parse("2025-06-02T02:00:00Z");

    static ReportingPath aPath() {
        return new ReportingPath(UNIT, SUPERIOR, "ZHULI", "GONGCHENG", BusinessType.FULL_TIME_RECOGNITION, 2011, NOW);
    }

    @Test
    void aNewPathIsPendingAndServesNothingYet() {
        ReportingPath path = aPath();
        assertThat(path.getStatus()).isEqualTo(ReportingPathStatus.PENDING);
        assertThat(path.getStatus().isLive()).isTrue();
        assertThat(path.serves("ZHULI", "GONGCHENG")).isFalse();
        assertThat(path.decidableBy(SUPERIOR)).isTrue();
        assertThat(path.decidableBy(UNIT)).isFalse();
    }

    @Test
    void theSuperiorApprovesItAndItServesItsLevelAndSeriesOnly() {
        ReportingPath path = aPath();
        path.approve(SUPERIOR, 2013, "上级单位", " 同意 ", NOW);
        assertThat(path.getStatus()).isEqualTo(ReportingPathStatus.EFFECTIVE);
        assertThat(path.getDecision().opinion()).isEqualTo("同意");
        assertThat(path.getDecision().name()).isEqualTo("上级单位");
        assertThat(path.serves("ZHULI", "GONGCHENG")).isTrue();
        assertThat(path.serves("ZHONGJI", "GONGCHENG")).isFalse();
        assertThat(path.serves("ZHULI", "WEISHENG")).isFalse();
    }

    @Test
    void theApplyingUnitOrAnyOtherUnitCannotDecide() {
        ReportingPath path = aPath();
        assertThatThrownBy(() -> path.approve(UNIT, 2011, "申报单位", null, NOW))
                .isInstanceOfSatisfying(
                        UnitRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("unit.path.error.not-superior"));
        assertThatThrownBy(() -> path.reject(99, 2099, "其他单位", "不同意", NOW)).isInstanceOf(UnitRuleException.class);
        assertThat(path.getStatus()).isEqualTo(ReportingPathStatus.PENDING);
    }

    @Test
    void aRejectionNeedsAnOpinionAndFreesTheLevelAndSeries() {
        ReportingPath path = aPath();
        assertThatThrownBy(() -> path.reject(SUPERIOR, 2013, "上级单位", "  ", NOW))
                .isInstanceOfSatisfying(
                        UnitRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("unit.path.error.reject-needs-opinion"));
        path.reject(SUPERIOR, 2013, "上级单位", "系列不符", NOW);
        assertThat(path.getStatus()).isEqualTo(ReportingPathStatus.REJECTED);
        assertThat(path.getStatus().isLive()).isFalse();
        assertThat(path.serves("ZHULI", "GONGCHENG")).isFalse();
    }

    @Test
    void aDecidedPathCannotBeDecidedAgain() {
        ReportingPath approved = aPath();
        approved.approve(SUPERIOR, 2013, "上级单位", null, NOW);
        assertThatThrownBy(() -> approved.reject(SUPERIOR, 2013, "上级单位", "改主意", NOW))
                .isInstanceOfSatisfying(
                        UnitRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("unit.path.error.decided"));
        ReportingPath rejected = aPath();
        rejected.reject(SUPERIOR, 2013, "上级单位", "不同意", NOW);
        assertThatThrownBy(() -> rejected.approve(SUPERIOR, 2013, "上级单位", null, NOW))
                .isInstanceOf(UnitRuleException.class);
    }

    @Test
    void aUnitCannotHaveAPathToItself() {
        assertThatThrownBy(() -> new ReportingPath(UNIT, UNIT, "ZHULI", "GONGCHENG", BusinessType.TRANSFER_IN, 1, NOW))
                .isInstanceOfSatisfying(
                        UnitRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("unit.path.error.self"));
    }
}
