package cn.hrss.zcrd.unit;

import static cn.hrss.zcrd.unit.UnitFixtures.aUnit;
import static cn.hrss.zcrd.unit.UnitFixtures.aUnitUnder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** 单位注册 and the unit directory on MariaDB. */
@IntegrationTest
class UnitRegistrationIT {

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    UnitVerifications unitVerifications;

    @Autowired
    Units units;

    @Autowired
    UnitDirectory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConnectorPorts ports;

    @Test
    void oneAccountPerCreditCode() {
        UnitRegistration first = aUnit("济南市重复代码测试有限公司");
        units.register(first);
        UnitRegistration again = new UnitRegistration(
                "另一个名称的测试有限公司",
                first.creditCode().toLowerCase(),
                "370102",
                UnitType.OTHER,
                null,
                "赵联系",
                "13800001111",
                "UnitPass123",
                "UnitPass123");

        assertThatThrownBy(() -> units.register(again))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + ":" + p.messageKey())
                                .containsExactly("creditCode:creditcode.taken"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from unit where credit_code = ?", Integer.class, first.creditCode()))
                .isEqualTo(1);
    }

    @Test
    void aSecondUnitWithAnExistingNameIsRefusedAtTheNameAndNothingIsStored() {
        units.register(aUnit("济南市（重名）测试科技有限公司"));
        UnitRegistration sameName = aUnit(" 济南市(重名) 测试科技有限公司");

        assertThat(units.check(sameName))
                .extracting(p -> p.field() + ":" + p.messageKey())
                .containsExactly("name:unit.name.taken");
        assertThatThrownBy(() -> units.register(sameName))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + ":" + p.messageKey())
                                .containsExactly("name:unit.name.taken"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from unit where credit_code = ?", Integer.class, sameName.creditCode()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from portal_account where login_name = ?",
                        Integer.class,
                        sameName.creditCode()))
                .isZero();
    }

    @Test
    void badFieldsAreNamedAndNothingIsStored() {
        UnitRegistration bad = new UnitRegistration(
                "<b>x</b>", "91350100M000100Y44", "999999", null, 987654321L, "", "12345", "abc", "abc");

        assertThatThrownBy(() -> units.register(bad))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + ":" + p.messageKey())
                                .containsExactly(
                                        "name:format.unit-name", "creditCode:creditcode.invalid.check-character",
                                        "city:region.invalid.code", "unitType:field.required",
                                        "competentSearch:unit.competent.unknown", "contactPerson:field.required",
                                        "phone:format.phone", "password:password.weak"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from unit where credit_code = '91350100M000100Y44'", Integer.class))
                .isZero();
    }

    @Test
    void theDirectoryFindsAnyPartOfTheNameAndPages() {
        Unit competent = UnitFixtures.verified(unitVerifications, staff, units.register(aUnit("山东省目录测试卫生健康委员会")));
        for (int i = 1; i <= 12; i++) {
            UnitFixtures.verified(
                    unitVerifications,
                    staff,
                    units.register(aUnitUnder("目录测试第" + (char) ('一' + i) + "人民医院分院" + i, competent.getId())));
        }

        UnitPage firstPage = directory.search("人民医院", 0, 10);
        assertThat(firstPage.total()).isEqualTo(12);
        assertThat(firstPage.units())
                .hasSize(10)
                .allSatisfy(u -> assertThat(u.name()).contains("人民医院"));
        assertThat(directory.search("人民医院", 1, 10).units()).hasSize(2);
        assertThat(directory.search("目录测试卫生健康委", 0, 10).units())
                .extracting(UnitSummary::name)
                .containsExactly("山东省目录测试卫生健康委员会");
        // LIKE wildcards typed by the user are taken literally
        assertThat(directory.search("%", 0, 10).total()).isZero();
        assertThat(directory.search("目录测试第_", 0, 10).total()).isZero();
        assertThat(directory.search("x".repeat(500), 0, 10).total()).isZero();
    }

    @Test
    void aCraftedRequestCannotChangeTheUnitName() throws Exception {
        UnitRegistration form = aUnit("济南市名称不变测试有限公司");
        Unit unit = units.register(form);
        BrowserlessSession session = Faces.publicSession(ports);
        assertThat(session.portalLogin("unit", form.creditCode(), form.password())
                        .body())
                .contains("您好，济南市名称不变测试有限公司");

        var saved = session.submit(
                "/rsrc/unit/profile.xhtml",
                "/rsrc/unit/profile.xhtml",
                Map.of(
                        "profile",
                        "profile",
                        "profile:contactPerson",
                        "钱新人",
                        "profile:phone",
                        "13900002222",
                        "profile:save",
                        "保存",
                        "profile:name",
                        "改名公司",
                        "name",
                        "改名公司",
                        "profile:creditCode",
                        "91110000710925462X",
                        "creditCode",
                        "91110000710925462X"));

        assertThat(saved.body()).contains("已保存");
        assertThat(jdbc.queryForMap("select name, credit_code, contact_person from unit where id = ?", unit.getId()))
                .containsEntry("name", "济南市名称不变测试有限公司")
                .containsEntry("credit_code", form.creditCode())
                .containsEntry("contact_person", "钱新人");
    }

    @Test
    void aPersonCannotOpenUnitPagesNorAUnitPersonPages() throws Exception {
        UnitRegistration form = aUnit("济南市访问边界测试有限公司");
        units.register(form);
        BrowserlessSession session = Faces.publicSession(ports);
        session.portalLogin("unit", form.creditCode(), form.password());

        var personPage = session.get("/rsrc/person/profile.xhtml");
        assertThat(personPage.statusCode()).isEqualTo(403);
        assertThat(personPage.body()).contains("您没有权限访问该页面或执行该操作");
    }
}
