package cn.hrss.zcrd.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.catalog.ReferenceDataChange;
import cn.hrss.zcrd.catalog.ReferenceDataKind;
import cn.hrss.zcrd.catalog.Specialty;
import cn.hrss.zcrd.catalog.Title;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.declaration.BasicInfo;
import cn.hrss.zcrd.declaration.Declarations;
import cn.hrss.zcrd.review.ReviewFixtures;
import cn.hrss.zcrd.seal.SealFixtures;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.RegionalStaff;
import cn.hrss.zcrd.support.SignsOut;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 字典维护: a provincial system admin adds a specialty (offered at once by the catalog the declaration form uses),
 * renames and disables it (no longer offered; a new declaration with it is refused); bad input is refused at the
 * field with its Chinese message and nothing stored; a city admin and the other roles are refused; edits are audited.
 * Titles added here are disabled again at the end so the shipped title lists stay as {@code CatalogIT} expects.
 */
@IntegrationTest
@ExtendWith(SignsOut.class)
class DictionaryMaintenanceIT {

    static final long ASSISTANT_ENGINEER = 102L;
    static final String PAGE = "/sdmanager/system/dictionary.xhtml";

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    DictionaryMaintenance dictionary;

    @Autowired
    TitleCatalog catalog;

    @Autowired
    ReviewFixtures people;

    @Autowired
    Declarations declarations;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAddedSpecialtyIsOfferedAtOnceRenamedThenDisabledAndNoLongerOffered() throws Exception {
        RegionalStaff admin = staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370000", "字典管理员");
        admin.signIn();
        String name = "增材制造工程" + System.nanoTime() % 100_000;

        ReferenceDataChange added = dictionary.addSpecialty("GONGCHENG", null, name);
        assertThat(catalog.specialties(ASSISTANT_ENGINEER))
                .extracting(Specialty::name)
                .contains(name);
        assertThat(catalog.offers(ASSISTANT_ENGINEER, added.id())).isTrue();
        assertThat(catalog.findSpecialty(added.id()).orElseThrow().code()).startsWith("GONGCHENG_SP_");

        ReferenceDataChange renamed = dictionary.rename(ReferenceDataKind.SPECIALTY, added.id(), name + "（新）");
        assertThat(renamed.before()).isEqualTo(name);
        assertThat(catalog.findSpecialty(added.id()).orElseThrow().name()).isEqualTo(name + "（新）");

        dictionary.setEnabled(ReferenceDataKind.SPECIALTY, added.id(), false);
        assertThat(catalog.specialties(ASSISTANT_ENGINEER))
                .extracting(Specialty::id)
                .doesNotContain(added.id());
        assertThat(catalog.offers(ASSISTANT_ENGINEER, added.id())).isFalse();
        assertThat(catalog.findSpecialty(added.id()))
                .as("still found for old declarations")
                .isPresent();
        // a new declaration choosing it is refused at the field
        PortalUser person = person();
        BasicInfo basic = new BasicInfo(
                null,
                "ZHULI",
                ASSISTANT_ENGINEER,
                added.id(),
                null,
                null,
                true,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThatThrownBy(() -> declarations.createDraft(person, basic))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .contains(FieldProblem.of("specialtyId", "declaration.specialty.not-offered")));
        admin.signIn();
        dictionary.setEnabled(ReferenceDataKind.SPECIALTY, added.id(), true);
        assertThat(catalog.offers(ASSISTANT_ENGINEER, added.id())).isTrue();

        assertThat(jdbc.queryForList(
                        "select action_code from audit_record where target_type = 'SPECIALTY' and "
                                + "target_id = ? and actor_login = ? order by id",
                        String.class,
                        String.valueOf(added.id()),
                        admin.account().getUsername()))
                .containsExactly(
                        "DICTIONARY_ENTRY_ADDED",
                        "DICTIONARY_ENTRY_RENAMED",
                        "DICTIONARY_ENTRY_DISABLED",
                        "DICTIONARY_ENTRY_ENABLED");
    }

    @Test
    void aTitleAddedAtALevelIsOfferedThereUntilDisabled() throws Exception {
        staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370000", "字典管理员").signIn();
        String name = "工程师试点" + System.nanoTime() % 100_000;
        ReferenceDataChange added = dictionary.addTitle("GONGCHENG", "ZHONGJI", null, name);
        try {
            assertThat(catalog.titles("ZHONGJI", "GONGCHENG"))
                    .extracting(Title::name)
                    .contains(name);
            assertThat(catalog.specialties(added.id()))
                    .extracting(Specialty::name)
                    .contains("机械工程");
        } finally {
            dictionary.setEnabled(ReferenceDataKind.TITLE, added.id(), false);
        }
        assertThat(catalog.titles("ZHONGJI", "GONGCHENG"))
                .extracting(Title::name)
                .doesNotContain(name);
    }

    @Test
    void badInputIsRefusedAtTheFieldAndNothingIsStored() throws Exception {
        staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370000", "字典管理员").signIn();
        Integer before = jdbc.queryForObject("select count(*) from specialty", Integer.class);
        Integer titlesBefore = jdbc.queryForObject("select count(*) from title", Integer.class);

        refused(() -> dictionary.addSpecialty("GONGCHENG", null, "   "), "name", "catalog.edit.name.required");
        refused(() -> dictionary.addSpecialty("GONGCHENG", null, "长".repeat(65)), "name", "catalog.edit.name.too-long");
        refused(
                () -> dictionary.addSpecialty("GONGCHENG", null, "<script>alert(1)</script>"),
                "name",
                "catalog.edit.name.invalid");
        // printed on certificates: U+30041 (CJK Extension G) has no glyph in any certificate font
        refused(
                () -> dictionary.addSpecialty("GONGCHENG", null, "\uD880\uDC41材料工程"),
                "name",
                "format.unprintable-character");
        refused(() -> dictionary.addSpecialty("GONGCHENG", null, "机械工程"), "name", "catalog.edit.specialty.duplicate");
        refused(() -> dictionary.addSpecialty("NO_SUCH_SERIES", null, "某专业"), "series", "catalog.edit.series.required");
        refused(
                () -> dictionary.addSpecialty("GONGCHENG", "WEISHENG_YI", "某专业"),
                "track",
                "catalog.edit.track.mismatch");
        refused(() -> dictionary.addTitle("GONGCHENG", null, null, "某职称"), "level", "catalog.edit.level.required");
        refused(() -> dictionary.addTitle("GONGCHENG", "ZHULI", null, "助理工程师"), "name", "catalog.edit.title.duplicate");
        refused(
                () -> dictionary.rename(ReferenceDataKind.SPECIALTY, 1001L, "电气工程"),
                "name",
                "catalog.edit.name.duplicate");
        refused(
                () -> dictionary.rename(ReferenceDataKind.SPECIALTY, Long.MAX_VALUE, "某专业"),
                "id",
                "catalog.edit.unknown");

        assertThat(jdbc.queryForObject("select count(*) from specialty", Integer.class))
                .isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from title", Integer.class))
                .isEqualTo(titlesBefore);
        assertThat(catalog.findSpecialty(1001L).orElseThrow().name()).isEqualTo("机械工程");
    }

    @Test
    void aCityAdminAndTheOtherRolesAreRefused() throws Exception {
        staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370100", "济南管理员").signIn();
        assertThatThrownBy(() -> dictionary.addSpecialty("GONGCHENG", null, "越权专业"))
                .isInstanceOfSatisfying(
                        BackOfficeAccessDeniedException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("backoffice.refused.scope"));
        for (BackOfficeRole role :
                new BackOfficeRole[] {BackOfficeRole.BUREAU_REVIEWER, BackOfficeRole.UNIT_OPERATOR}) {
            RegionalStaff other = staff.regional(role, "370000", "其他角色");
            other.signIn();
            assertThatThrownBy(() -> dictionary.setEnabled(ReferenceDataKind.SPECIALTY, 1001L, false))
                    .as(role.name())
                    .isInstanceOfSatisfying(
                            BackOfficeAccessDeniedException.class,
                            e -> assertThat(e.reasonKey()).isEqualTo("backoffice.refused.role"));
            assertThat(other.session(staff.ukeyBase()).get(PAGE).statusCode())
                    .as(role.name())
                    .isEqualTo(403);
        }
        assertThat(catalog.offers(ASSISTANT_ENGINEER, 1001L)).isTrue();
    }

    @Test
    void thePageAddsASpecialtyAndShowsBadInputAtTheField() throws Exception {
        RegionalStaff admin = staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370000", "字典页面");
        BrowserlessSession session = admin.session(staff.ukeyBase());
        HttpResponse<String> page = session.get(PAGE + "?series=GONGCHENG");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("机械工程").contains("助理工程师").contains("全日制大学本科毕业见习期满一年");

        HttpResponse<String> refused =
                session.submit(PAGE + "?series=GONGCHENG", PAGE, Map.of("specialty:name", "", "specialty:save", ""));
        assertThat(refused.body()).contains("ui-message-error").contains("请填写名称。");
        String name = "海洋工程装备" + System.nanoTime() % 100_000;
        HttpResponse<String> added =
                session.submit(PAGE + "?series=GONGCHENG", PAGE, Map.of("specialty:name", name, "specialty:save", ""));
        assertThat(added.body()).contains("已新增现从事专业“" + name + "”。");
        assertThat(catalog.specialties(ASSISTANT_ENGINEER))
                .extracting(Specialty::name)
                .contains(name);
    }

    private static void refused(Executable edit, String field, String key) {
        assertThatThrownBy(edit::execute)
                .as(key)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field, FieldProblem::messageKey)
                                .contains(org.assertj.core.groups.Tuple.tuple(field, key)));
    }

    /** A newly registered person, signed in on this thread. */
    private PortalUser person() {
        PortalUser user = people.person("字典申报人");
        SealFixtures.signIn(user);
        return user;
    }
}
