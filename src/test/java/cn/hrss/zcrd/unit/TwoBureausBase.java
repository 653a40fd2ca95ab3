package cn.hrss.zcrd.unit;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.review.ReviewServicesBase;
import cn.hrss.zcrd.support.RegionalStaff;
import cn.hrss.zcrd.support.SignsOut;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the bureaus' review tests of units add to {@link ReviewServicesBase}: a fresh UKEY reviewer of 济南 and one
 * of 青岛 before each test (named as the subclass says), nobody signed in after it.
 */
@ExtendWith(SignsOut.class)
abstract class TwoBureausBase extends ReviewServicesBase {

    RegionalStaff jinan;
    RegionalStaff qingdao;

    private final String jinanName;
    private final String qingdaoName;

    TwoBureausBase(String jinanName, String qingdaoName) {
        this.jinanName = jinanName;
        this.qingdaoName = qingdaoName;
    }

    @BeforeEach
    void bureauReviewers() throws Exception {
        jinan = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370100", jinanName);
        qingdao = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370200", qingdaoName);
    }
}
