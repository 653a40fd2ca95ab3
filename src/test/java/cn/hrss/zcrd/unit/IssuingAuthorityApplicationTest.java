package cn.hrss.zcrd.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An application for issuing authority: 待审核 → 已授权 or 已驳回 (with an opinion), decided once. */
class IssuingAuthorityApplicationTest {

    static final Instant NOW = Instant.parse("2025-06-02T02:00:00Z");

    static IssuingAuthorityApplication anApplication() {
        return new IssuingAuthorityApplication(13, "HRSS370100", Set.of("ZHULI", "ZHONGJI"), 2013, NOW);
    }

    @Test
    void pendingGrantsNothing() {
        IssuingAuthorityApplication a = anApplication();
        assertThat(a.getStatus()).isEqualTo(IssuingAuthorityStatus.PENDING);
        assertThat(a.getStatus().isLive()).isTrue();
        assertThat(a.grants("ZHULI")).isFalse();
    }

    @Test
    void grantedItGrantsExactlyTheLevelsAppliedFor() {
        IssuingAuthorityApplication a = anApplication();
        a.grant(7, "省厅审核员", null, NOW);
        assertThat(a.getStatus()).isEqualTo(IssuingAuthorityStatus.GRANTED);
        assertThat(a.grants("ZHULI")).isTrue();
        assertThat(a.grants("ZHONGJI")).isTrue();
        assertThat(a.grants("YUAN")).isFalse();
        assertThat(a.getDecision().accountId()).isEqualTo(7L);
    }

    @Test
    void aRejectionNeedsAnOpinionAndEndsTheApplication() {
        IssuingAuthorityApplication a = anApplication();
        assertThatThrownBy(() -> a.reject(7, "审核员", "", NOW))
                .isInstanceOfSatisfying(
                        UnitRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("unit.authority.error.reject-needs-opinion"));
        a.reject(7, "审核员", "材料不全", NOW);
        assertThat(a.getStatus()).isEqualTo(IssuingAuthorityStatus.REJECTED);
        assertThat(a.getStatus().isLive()).isFalse();
        assertThat(a.getDecision().opinion()).isEqualTo("材料不全");
        assertThat(a.grants("ZHULI")).isFalse();
    }

    @Test
    void itIsDecidedOnlyOnce() {
        IssuingAuthorityApplication a = anApplication();
        a.grant(7, "审核员", null, NOW);
        assertThatThrownBy(() -> a.reject(8, "另一审核员", "不同意", NOW))
                .isInstanceOfSatisfying(
                        UnitRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("unit.authority.error.decided"));
        assertThatThrownBy(() -> a.grant(8, "另一审核员", null, NOW)).isInstanceOf(UnitRuleException.class);
    }

    @Test
    void atLeastOneLevel() {
        assertThatThrownBy(() -> new IssuingAuthorityApplication(13, "HRSS370100", Set.of(), 2013, NOW))
                .isInstanceOf(UnitRuleException.class);
    }
}
