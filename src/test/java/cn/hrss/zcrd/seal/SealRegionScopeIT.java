package cn.hrss.zcrd.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.seal.internal.SealImpression;
import cn.hrss.zcrd.seal.internal.SealImpressionDesk;
import cn.hrss.zcrd.seal.internal.SealImpressionState;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.RegionalStaff;
import cn.hrss.zcrd.support.SignsOut;
import cn.hrss.zcrd.unit.Units;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 印章印模审核 follows the back office's region scope: a city bureau's reviewer sees, opens, fetches and decides only
 * the impressions of units in its city (济南 vs 青岛); the province's reviewer sees both. Through the service and
 * over HTTP on the UKEY port.
 */
@IntegrationTest
@ExtendWith(SignsOut.class)
class SealRegionScopeIT {

    static final String PAGE = "/sdmanager/seals.xhtml";

    @Autowired
    SealFixtures sealFixtures;

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    SealImpressionDesk desk;

    @Autowired
    Units units;

    @Autowired
    ConnectorPorts ports;

    @Test
    void aCityBureauReviewsOnlyItsOwnCitysSeals() throws Exception {
        SealFixtures.SealUnit jinanUnit = sealFixtures.aUnit("济南印模单位");
        SealFixtures.SealUnit qingdaoUnit = sealFixtures.aQingdaoUnit("青岛印模单位");
        SealImpression jinanSeal = sealFixtures.uploaded(jinanUnit, SealImages.transparentSeal(300));
        SealImpression qingdaoSeal = sealFixtures.uploaded(qingdaoUnit, SealImages.transparentSeal(300));
        RegionalStaff jinan = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370100", "济南印模审核");
        RegionalStaff qingdao = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370200", "青岛印模审核");
        RegionalStaff province = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370000", "省厅印模审核");

        // service level
        jinan.signIn();
        assertThat(desk.queue())
                .extracting(SealImpression::getId)
                .contains(jinanSeal.getId())
                .doesNotContain(qingdaoSeal.getId());
        assertThat(desk.forReview(qingdaoSeal.getId())).isEmpty();
        assertThat(desk.imageForReview(qingdaoSeal.getId())).isEmpty();
        assertThat(desk.previewForReview(qingdaoSeal.getId())).isEmpty();
        assertThatThrownBy(() -> desk.approve(qingdaoSeal.getId(), null))
                .isInstanceOfSatisfying(
                        BackOfficeAccessDeniedException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("backoffice.refused.scope"));
        assertThatThrownBy(() -> desk.reject(qingdaoSeal.getId(), "越权驳回"))
                .isInstanceOf(BackOfficeAccessDeniedException.class);
        qingdao.signIn();
        assertThat(desk.queue())
                .extracting(SealImpression::getId)
                .contains(qingdaoSeal.getId())
                .doesNotContain(jinanSeal.getId());
        assertThatThrownBy(() -> desk.approve(jinanSeal.getId(), null))
                .isInstanceOf(BackOfficeAccessDeniedException.class);
        province.signIn();
        assertThat(desk.queue()).extracting(SealImpression::getId).contains(jinanSeal.getId(), qingdaoSeal.getId());
        assertThat(desk.forReview(jinanSeal.getId())).isPresent();
        SealFixtures.signOut();

        // HTTP on the UKEY port: the list, the opened impression, its image
        BrowserlessSession page = jinan.session(Faces.ukeyBase(ports));
        String list = page.get(PAGE).body();
        assertThat(list)
                .contains("id=\"open-" + jinanSeal.getId() + "\"")
                .contains(jinanUnit.name())
                .doesNotContain("id=\"open-" + qingdaoSeal.getId() + "\"")
                .doesNotContain(qingdaoUnit.name());
        // another city's impression is not found for this reviewer: no page, hence no form to craft a decision on
        // (the services refuse a decision on it, above)
        HttpResponse<String> foreign = page.get(PAGE + "?impression=" + qingdaoSeal.getId());
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(qingdaoUnit.name()).doesNotContain("id=\"review\"");
        assertThat(page.getBytes("/sdmanager/seal/image/" + qingdaoSeal.getId()).statusCode())
                .isEqualTo(404);
        assertThat(page.getBytes("/sdmanager/seal/preview/" + qingdaoSeal.getId())
                        .statusCode())
                .isEqualTo(404);
        assertThat(page.getBytes("/sdmanager/seal/image/" + jinanSeal.getId()).statusCode())
                .isEqualTo(200);

        // 青岛's own reviewer decides it
        HttpResponse<String> decided = qingdao.session(Faces.ukeyBase(ports))
                .submit(
                        PAGE + "?impression=" + qingdaoSeal.getId(),
                        PAGE,
                        Map.of("review:opinion", "同意", "review:approve", ""));
        assertThat(decided.body()).contains(qingdaoUnit.name() + "第1版印模已审核通过");
        province.signIn();
        assertThat(desk.forReview(jinanSeal.getId()).orElseThrow().getState()).isEqualTo(SealImpressionState.PENDING);
        assertThat(desk.forReview(qingdaoSeal.getId()).orElseThrow().getState())
                .isEqualTo(SealImpressionState.APPROVED);
    }
}
