package cn.hrss.zcrd.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.support.IntegrationTest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 更正单位所在地区和主管部门 (issue 16 item 3) on MariaDB: only the bureau of the unit's current region (or the
 * province) corrects it, with a reason; bad region codes, an unknown or own competent department and "nothing
 * changed" are told at their field and nothing is stored; the correction keeps old → new, who, when and why in the
 * history shown on the unit's back-office page, is audited, and moves the unit into the new region's data scope.
 */
@IntegrationTest
class UnitDataCorrectionIT extends TwoBureausBase {

    static final String PAGE = "/sdmanager/units/verification.xhtml";

    UnitDataCorrectionIT() {
        super("济南地区更正", "青岛地区更正");
    }

    @Autowired
    UnitDataCorrections corrections;

    @Autowired
    UnitVerifications verifications;

    @Test
    void theBureauOfTheUnitsRegionCorrectsRegionAndCompetentDepartmentWithAReasonKeptInTheHistory() throws Exception {
        Unit unit = fixtures.unit("地区更正测试单位");
        Unit competent = fixtures.unit("地区更正主管部门");

        // another city's bureau may not correct it (refused and recorded)
        qingdao.signIn();
        assertThatThrownBy(() -> corrections.correct(unit.getId(), "370202", null, "迁址"))
                .isInstanceOf(BackOfficeAccessDeniedException.class);
        assertThat(region(unit)).isEqualTo("370102");

        jinan.signIn();
        assertField(() -> corrections.correct(unit.getId(), "999999", null, "迁址"), "region");
        assertField(() -> corrections.correct(unit.getId(), "370202", null, " "), "reason");
        assertField(() -> corrections.correct(unit.getId(), "370202", "91370000000000000X", "迁址"), "competent");
        assertField(() -> corrections.correct(unit.getId(), "370202", unit.getCreditCode(), "迁址"), "competent");
        assertField(
                () -> corrections.correct(
                        unit.getId(),
                        unit.getRegionCode(),
                        unit.getCompetentUnitId() == null ? null : creditCodeOf(unit.getCompetentUnitId()),
                        "核对"),
                "region");
        assertThat(corrections.history(unit.getId())).isEmpty();
        assertThat(region(unit)).isEqualTo("370102");

        UnitDataChangeInfo change =
                corrections.correct(unit.getId(), "370202", competent.getCreditCode(), "单位迁至青岛市市南区");
        assertThat(change.oldRegionCode()).isEqualTo("370102");
        assertThat(change.newRegionCode()).isEqualTo("370202");
        assertThat(change.newCompetentName()).isEqualTo(competent.getName());
        assertThat(change.changedByName()).isEqualTo("济南地区更正");
        assertThat(region(unit)).isEqualTo("370202");
        assertThat(jdbc.queryForObject("select competent_unit_id from unit where id = ?", Long.class, unit.getId()))
                .isEqualTo(competent.getId());
        assertThat(jdbc.queryForList(
                        "select actor_login from audit_record where action_code = ? and target_id = ? "
                                + "and outcome = 'SUCCESS'",
                        String.class,
                        UnitDataCorrections.AUDIT_ACTION,
                        String.valueOf(unit.getId())))
                .containsExactly(jinan.account().getUsername());

        // the unit now belongs to 青岛's bureau: 济南's no longer sees it, 青岛's sees it with its history
        assertThatThrownBy(() -> corrections.history(unit.getId())).isInstanceOf(BackOfficeAccessDeniedException.class);
        qingdao.signIn();
        assertThat(corrections.history(unit.getId())).singleElement().satisfies(c -> {
            assertThat(c.oldRegionName()).contains("历下区");
            assertThat(c.newRegionName()).contains("市南区");
            assertThat(c.reason()).isEqualTo("单位迁至青岛市市南区");
        });
        assertThat(verifications.forReview(unit.getId())).isPresent();
        String page = qingdao.session(staff.ukeyBase())
                .get(PAGE + "?status=&unit=" + unit.getId())
                .body();
        assertThat(page)
                .contains("单位迁至青岛市市南区", "济南地区更正", competent.getName())
                .contains("历下区")
                .contains("市南区");
        // the correction form picks as unit registration does: the region cascade from the directory, preset to
        // the unit's region (青岛市 → 市南区), and the competent department from the unit directory, no free text
        assertThat(page)
                .contains("<select id=\"data:city\"", "<select id=\"data:district\"")
                .contains("value=\"370200\" selected=\"selected\">青岛市", "value=\"370202\" selected=\"selected\">市南区")
                .contains("id=\"data:competentSearch\"", "id=\"data:competentFind\"")
                .doesNotContain("<input id=\"data:region\"", "<input id=\"data:competent\"");
        assertThat(page.substring(page.indexOf("id=\"competent-chosen\"")))
                .startsWith("id=\"competent-chosen\">" + competent.getName());
    }

    private String region(Unit unit) {
        return jdbc.queryForObject("select region_code from unit where id = ?", String.class, unit.getId());
    }

    private String creditCodeOf(long unitId) {
        return jdbc.queryForObject("select credit_code from unit where id = ?", String.class, unitId);
    }

    private static void assertField(ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .contains(field));
    }
}
