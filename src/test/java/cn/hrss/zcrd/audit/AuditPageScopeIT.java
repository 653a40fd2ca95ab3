package cn.hrss.zcrd.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.RegionalStaff;
import cn.hrss.zcrd.support.SignsOut;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 审计日志 as its readers see it: the detail column in labelled Chinese lines (not {@code subject=CN=…}); a city's
 * admin sees the rows of its region's back-office users only — on the page and in the service behind it.
 */
@IntegrationTest
@ExtendWith(SignsOut.class)
class AuditPageScopeIT {

    static final String PAGE = "/sdmanager/audit.xhtml";

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    AuditTrail trail;

    RegionalStaff province;
    RegionalStaff jinanAdmin;
    RegionalStaff jinanReviewer;
    RegionalStaff qingdaoReviewer;

    @BeforeEach
    void setUp() throws Exception {
        province = staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370000", "省级管理员");
        jinanAdmin = staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370100", "济南管理员");
        jinanReviewer = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370100", "济南审核员");
        qingdaoReviewer = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370200", "青岛审核员");
        // each logs in with its UKEY: one BACKOFFICE_LOGIN row each
        for (RegionalStaff member : new RegionalStaff[] {jinanReviewer, qingdaoReviewer}) {
            assertThat(member.session(staff.ukeyBase())
                            .get("/sdmanager/index.xhtml")
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void theDetailOfAUkeyLoginIsLabelledLinesWithTheHolderNotTheDistinguishedName() throws Exception {
        String page = province.session(staff.ukeyBase())
                .get(PAGE + "?action=BACKOFFICE_LOGIN&actor="
                        + jinanReviewer.account().getUsername())
                .body();

        String rows = rows(page);
        assertThat(rows)
                .contains(jinanReviewer.account().getUsername())
                .contains("class=\"audit-detail-line\"><span class=\"audit-detail-label\">角色：</span>人社局审核员</div>")
                .contains("<span class=\"audit-detail-label\">证书持有人：</span>"
                        + jinanReviewer.account().getUsername())
                .contains("<span class=\"audit-detail-label\">证书序列号：</span>")
                .contains("<span class=\"audit-detail-label\">证书颁发者：</span>")
                .doesNotContain("subject=")
                .doesNotContain("role=BUREAU_REVIEWER")
                .doesNotContain("CN=")
                .doesNotContain("break-all");
    }

    @Test
    void aCityAdminSeesItsRegionsRowsOnly() throws Exception {
        var city = jinanAdmin.session(staff.ukeyBase());

        String own = city.get(PAGE + "?actor=" + jinanReviewer.account().getUsername())
                .body();
        String other = city.get(PAGE + "?actor=" + qingdaoReviewer.account().getUsername())
                .body();
        String provinces =
                city.get(PAGE + "?actor=" + province.account().getUsername()).body();
        String all = rows(city.get(PAGE).body());

        assertThat(own).contains("您是市级管理员");
        assertThat(rows(own)).contains(jinanReviewer.account().getUsername());
        assertThat(rows(other))
                .doesNotContain(qingdaoReviewer.account().getUsername())
                .contains("没有符合条件的审计记录");
        assertThat(rows(provinces)).contains("没有符合条件的审计记录");
        assertThat(all)
                .contains(jinanAdmin.account().getUsername())
                .doesNotContain(qingdaoReviewer.account().getUsername());

        // the province's admin sees both cities
        var whole = province.session(staff.ukeyBase());
        assertThat(rows(whole.get(PAGE + "?actor=" + qingdaoReviewer.account().getUsername())
                        .body()))
                .contains(qingdaoReviewer.account().getUsername());
        assertThat(whole.get(PAGE).body()).doesNotContain("您是市级管理员");
    }

    @Test
    void theServiceScopesACityAdminWhateverTheFilter() {
        jinanAdmin.signIn();
        assertThat(trail.count(
                        AuditQuery.all().withActor(qingdaoReviewer.account().getUsername())))
                .isZero();
        assertThat(trail.count(
                        AuditQuery.all().withActor(jinanReviewer.account().getUsername())))
                .isPositive();
        // a filter that already names other actors is narrowed, never widened
        assertThat(trail.count(AuditQuery.all()
                        .onlyActors(java.util.Set.of(qingdaoReviewer.account().getId()))))
                .isZero();

        province.signIn();
        assertThat(trail.count(
                        AuditQuery.all().withActor(qingdaoReviewer.account().getUsername())))
                .isPositive();
    }

    /** The table's rows (the filter form above it echoes the actor typed). */
    private static String rows(String page) {
        int start = page.indexOf("id=\"audit:records_data\"");
        assertThat(start).as("the audit table is on the page").isPositive();
        return page.substring(start, page.indexOf("</tbody>", start));
    }
}
