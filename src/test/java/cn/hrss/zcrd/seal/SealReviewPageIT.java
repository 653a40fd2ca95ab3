package cn.hrss.zcrd.seal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 印章印模审核 in a UKEY session: a rejection needs an opinion, and the unit then reads it beside the version. */
@IntegrationTest
class SealReviewPageIT {

    static final String PAGE = "/sdmanager/seals.xhtml";

    @Autowired
    SealFixtures sealFixtures;

    @Autowired
    ConnectorPorts ports;

    @Test
    void aRejectionNeedsAnOpinionWhichTheUnitThenReads() throws Exception {
        SealFixtures.SealUnit unit = sealFixtures.aUnit("印模驳回测试单位");
        long id = sealFixtures.uploaded(unit, SealImages.transparentSeal(300)).getId();
        SealFixtures.Reviewer reviewer = sealFixtures.aReviewer(BackOfficeRole.BUREAU_REVIEWER);
        BrowserlessSession bureau = new BrowserlessSession(Faces.ukeyBase(ports), reviewer.tls());

        HttpResponse<String> withoutOpinion =
                bureau.submit(PAGE + "?impression=" + id, PAGE, Map.of("review:opinion", "  ", "review:reject", ""));
        assertThat(withoutOpinion.body()).contains("驳回时请填写审核意见，说明需要修改之处。").contains("id=\"review:reject\"");

        HttpResponse<String> rejected = bureau.submit(
                PAGE + "?impression=" + id, PAGE, Map.of("review:opinion", "印章边缘残缺，请重新扫描<b>", "review:reject", ""));
        assertThat(rejected.uri().getPath()).isEqualTo(PAGE);
        assertThat(rejected.body()).contains(unit.name() + "第1版印模已驳回。").doesNotContain("id=\"open-" + id + "\"");

        BrowserlessSession portal = Faces.publicSession(ports);
        portal.portalLogin("unit", unit.creditCode(), SealFixtures.UNIT_PASSWORD);
        String page = portal.get("/rsrc/unit/seal.xhtml").body();
        assertThat(page).contains("已驳回").contains("印章边缘残缺，请重新扫描&lt;b&gt;").contains("尚无审核通过的印模");
    }
}
