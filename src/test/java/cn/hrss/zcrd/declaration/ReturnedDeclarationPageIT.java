package cn.hrss.zcrd.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A declaration returned by its unit (退回 with a module opinion, through {@link DeclarationReviews}) on the
 * applicant's pages: the opinions are shown per module, only the rejected module has a form, and a request that
 * changes another module — sent from a page opened before the return, which still shows every form — is refused
 * by the server with its message; nothing changes.
 */
@IntegrationTest
class ReturnedDeclarationPageIT extends DeclarationServicesBase {

    @Autowired
    DeclarationReviews reviews;

    PortalUser unit;
    PortalUser person;
    long id;

    @BeforeEach
    void setUp() {
        unit = fixtures.unit(DeclarationFixtures.unitName("退回审核"));
        person = fixtures.person("许退回");
        id = fixtures.completeDraft(person, fixtures.unitId(unit));
    }

    @Test
    void onlyTheRejectedModuleMayChangeAndTheServerRefusesTheOthers() throws Exception {
        PortalClient client = new PortalClient(Faces.publicBase(ports)).loginPerson(person.loginName(), "Secret123");
        client.open("/rsrc/person/declaration.xhtml?id=" + id); // a draft: every module has its form
        assertThat(client.page()).contains("id=\"work\"", "id=\"basic\"", "id=\"education\"");

        declarations.submit(id, person);
        reviews.returnToApplicant(id, unit, Map.of(ModuleKind.EDUCATION, "请补充学位证书编号"), "请修改后重新申报");
        long version = version(id);
        List<Map<String, Object>> work = rows("declaration_work");

        // the page still shows the work form: the server refuses the change
        HttpResponse<String> refused = client.submit(
                "work",
                "work:save",
                Map.of(
                        "work:rows:0:startDate",
                        LocalDate.of(2020, 1, 1).toString(),
                        "work:rows:0:endDate",
                        "",
                        "work:rows:0:unitName",
                        "篡改后的单位",
                        "work:rows:0:duty",
                        "篡改"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("该申报已被退回，只能修改被退回的信息模块。").doesNotContain("“工作经历”已保存。");
        assertThat(version(id)).isEqualTo(version);
        assertThat(rows("declaration_work")).isEqualTo(work);
        assertThat(declarations.details(id, person).module(ModuleKind.WORK).state())
                .isEqualTo(ModuleState.NORMAL);

        // the page now shows the returned declaration: opinions, and a form for the rejected module only
        HttpResponse<String> page = client.open("/rsrc/person/declaration.xhtml?id=" + id);
        assertThat(page.body())
                .contains("已退回", "请修改后重新申报", "退回意见：请补充学位证书编号", "被退回")
                .contains("id=\"education\"")
                .doesNotContain("id=\"work\"", "id=\"basic\"", "id=\"performance\"", "attachments:uploadButton");
        HttpResponse<String> list = client.open("/rsrc/person/declarations.xhtml");
        assertThat(list.body()).contains("查看退回意见", "已退回");

        // changing the rejected module is taken, and it may go back to the unit
        client.open("/rsrc/person/declaration.xhtml?id=" + id);
        LocalDate graduation = fixtures.twoYearsAgo();
        HttpResponse<String> saved = client.submit(
                "education",
                "education:save",
                Map.of(
                        "education:rows:0:school",
                        "山东大学",
                        "education:rows:0:major",
                        "机械设计制造及其自动化",
                        "education:rows:0:level",
                        "BACHELOR",
                        "education:rows:0:degree",
                        "BACHELOR",
                        "education:rows:0:startDate",
                        graduation.minusYears(4).toString(),
                        "education:rows:0:endDate",
                        graduation.toString(),
                        "education:rows:0:diplomaNumber",
                        "104221202305009999"));
        assertThat(saved.body()).contains("“学历学位”已保存。", "已修改");
        assertThat(declarations.details(id, person).module(ModuleKind.EDUCATION).state())
                .isEqualTo(ModuleState.MODIFIED);
        HttpResponse<String> resubmitted = client.submit("actions", "actions:submit", Map.of());
        assertThat(resubmitted.body()).contains("已确定申报");
        assertThat(declarations.details(id, person).state()).isEqualTo(DeclarationState.SUBMITTED);
        assertThat(rows("declaration_work")).isEqualTo(work);
    }

    private List<Map<String, Object>> rows(String table) {
        return jdbc.queryForList("select * from " + table + " where declaration_id = ? order by sort_index", id);
    }

    private long version(long id) {
        return jdbc.queryForObject("select version from declaration where id = ?", Long.class, id);
    }
}
