package cn.hrss.zcrd.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.unit.BusinessType;
import cn.hrss.zcrd.unit.ReportingPathInfo;
import cn.hrss.zcrd.unit.ReportingPathStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 通过 vs 终审通过, and which reporting path a declaration may go along. */
class ReviewPoliciesTest {

    static ReportingPathInfo path(long id, String level, String series, ReportingPathStatus status) {
        return new ReportingPathInfo(
                id,
                11,
                "申报单位",
                100 + id,
                "上级" + id,
                level,
                level + "名",
                series,
                series + "名",
                BusinessType.FULL_TIME_RECOGNITION,
                status,
                null,
                Instant.EPOCH,
                null,
                null);
    }

    @Test
    void approvalIsFinalExactlyWhereTheUnitHoldsIssuingAuthority() {
        assertThat(ApprovalPolicy.outcome(true)).isEqualTo(ApprovalPolicy.Outcome.FINAL_APPROVED);
        assertThat(ApprovalPolicy.outcome(false)).isEqualTo(ApprovalPolicy.Outcome.APPROVED);
    }

    /** Paths that do not serve a 助理级 工程 declaration: another level, another series, rejected. */
    static final List<ReportingPathInfo> NOT_MATCHING = List.of(
            path(1, "ZHONGJI", "GONGCHENG", ReportingPathStatus.EFFECTIVE),
            path(2, "ZHULI", "WEISHENG", ReportingPathStatus.EFFECTIVE),
            path(3, "ZHULI", "GONGCHENG", ReportingPathStatus.REJECTED));

    @Test
    void theEffectivePathOfTheSameLevelAndSeriesIsChosen() {
        List<ReportingPathInfo> paths = new ArrayList<>(NOT_MATCHING);
        paths.add(path(4, "ZHULI", "GONGCHENG", ReportingPathStatus.EFFECTIVE));
        ReportingPathPolicy.Choice choice = ReportingPathPolicy.choose("ZHULI", "GONGCHENG", "助理级", "工程", paths);
        assertThat(choice.refusal()).isEmpty();
        assertThat(choice.path()).get().extracting(ReportingPathInfo::id).isEqualTo(4L);
    }

    @Test
    void withoutAMatchingPathTheRefusalNamesThePathToApplyFor() {
        ReportingPathPolicy.Choice choice = ReportingPathPolicy.choose("ZHULI", "GONGCHENG", "助理级", "工程", NOT_MATCHING);
        assertThat(choice.path()).isEmpty();
        assertThat(choice.refusal()).get().satisfies(r -> {
            assertThat(r.messageKey()).isEqualTo("review.report.no-path");
            assertThat(r.arguments()).containsExactly("助理级", "工程");
        });
    }

    @Test
    void aPendingPathIsNotEnoughAndTheRefusalSaysWhoMustApproveIt() {
        ReportingPathPolicy.Choice choice = ReportingPathPolicy.choose(
                "ZHULI", "GONGCHENG", "助理级", "工程", List.of(path(5, "ZHULI", "GONGCHENG", ReportingPathStatus.PENDING)));
        assertThat(choice.path()).isEmpty();
        assertThat(choice.refusal()).get().satisfies(r -> {
            assertThat(r.messageKey()).isEqualTo("review.report.path-pending");
            assertThat(r.arguments()).containsExactly("助理级", "工程", "上级5");
        });
    }
}
