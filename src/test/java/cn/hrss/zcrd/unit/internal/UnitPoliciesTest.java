package cn.hrss.zcrd.unit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.shared.Refusal;
import cn.hrss.zcrd.unit.BusinessType;
import cn.hrss.zcrd.unit.ReportingPathInfo;
import cn.hrss.zcrd.unit.ReportingPathStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of 上报路径申请 and 职称认定证书发放申请, each allowing and refusing. */
class UnitPoliciesTest {

    static PathApplicationFacts facts(long unit, long superior, Optional<ReportingPathInfo> live, List<Long> chain) {
        return new PathApplicationFacts(unit, superior, "上级单位", "助理级", "工程", live, chain);
    }

    static ReportingPathInfo live(ReportingPathStatus status) {
        return new ReportingPathInfo(
                1,
                11,
                "申报单位",
                13,
                "主管部门",
                "ZHULI",
                "助理级",
                "GONGCHENG",
                "工程",
                BusinessType.TRANSFER_IN,
                status,
                null,
                Instant.EPOCH,
                null,
                null);
    }

    static List<String> refusals(PathApplicationFacts facts) {
        return PathApplicationPolicy.all().stream()
                .map(p -> p.check(facts))
                .flatMap(Optional::stream)
                .map(Refusal::messageKey)
                .toList();
    }

    @Test
    void aFreshPathToAnotherUnitIsAllowed() {
        assertThat(refusals(facts(11, 13, Optional.empty(), List.of(20L, 30L)))).isEmpty();
    }

    @Test
    void aPathToItselfIsRefused() {
        assertThat(refusals(facts(11, 11, Optional.empty(), List.of()))).containsExactly("unit.path.error.self");
    }

    @Test
    void aSecondLivePathForTheSameLevelAndSeriesIsRefusedWhateverTheBusinessType() {
        assertThat(refusals(facts(11, 13, Optional.of(live(ReportingPathStatus.PENDING)), List.of())))
                .containsExactly("unit.path.error.duplicate-pending");
        Optional<Refusal> effective = PathApplicationPolicy.oneLivePathPerLevelAndSeries()
                .check(facts(11, 14, Optional.of(live(ReportingPathStatus.EFFECTIVE)), List.of()));
        assertThat(effective).get().satisfies(r -> {
            assertThat(r.messageKey()).isEqualTo("unit.path.error.duplicate-effective");
            assertThat(r.arguments()).containsExactly("助理级", "工程", "主管部门");
        });
    }

    @Test
    void aSuperiorThatReportsBackToTheUnitIsRefused() {
        assertThat(refusals(facts(11, 13, Optional.empty(), List.of(20L, 11L))))
                .containsExactly("unit.path.error.cycle");
    }

    static List<String> refusals(AuthorityApplicationPolicy.Facts facts) {
        return AuthorityApplicationPolicy.all().stream()
                .map(p -> p.check(facts))
                .flatMap(Optional::stream)
                .map(Refusal::messageKey)
                .toList();
    }

    @Test
    void anAuthorityApplicationToTheUnitsBureauWithNothingLiveIsAllowed() {
        assertThat(refusals(new AuthorityApplicationPolicy.Facts(false, List.of(), "济南市人社局", true)))
                .isEmpty();
    }

    @Test
    void anAuthorityApplicationWhilePendingOrForAHeldLevelIsRefused() {
        assertThat(refusals(new AuthorityApplicationPolicy.Facts(true, List.of(), "局", true)))
                .containsExactly("unit.authority.error.pending");
        assertThat(AuthorityApplicationPolicy.onlyLevelsNotHeld()
                        .check(new AuthorityApplicationPolicy.Facts(false, List.of("员级", "助理级"), "局", true)))
                .hasValueSatisfying(r -> {
                    assertThat(r.messageKey()).isEqualTo("unit.authority.error.granted");
                    assertThat(r.arguments()).containsExactly("员级、助理级");
                });
    }

    @Test
    void afterAGrantAnApplicationForFurtherLevelsIsAllowed() {
        assertThat(refusals(new AuthorityApplicationPolicy.Facts(false, List.of(), "济南市人社局", true)))
                .isEmpty();
    }

    @Test
    void anAuthorityApplicationToAnotherCitysBureauIsRefused() {
        assertThat(refusals(new AuthorityApplicationPolicy.Facts(false, List.of(), "青岛市人社局", false)))
                .containsExactly("unit.authority.error.bureau-scope");
    }
}
