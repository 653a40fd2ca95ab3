package cn.hrss.zcrd.seal;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.support.SignsOut;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the seal tests around one unit share: before each test a fresh unit (named after the prefix the subclass
 * gives) and a bureau reviewer with a UKEY; nobody signed in after it. A subclass carries {@code @IntegrationTest}.
 */
@ExtendWith(SignsOut.class)
abstract class SealUnitBase {

    @Autowired
    SealFixtures sealFixtures;

    @Autowired
    JdbcTemplate jdbc;

    SealFixtures.SealUnit unit;
    SealFixtures.Reviewer reviewer;

    private final String unitPrefix;

    SealUnitBase(String unitPrefix) {
        this.unitPrefix = unitPrefix;
    }

    @BeforeEach
    void unitAndReviewer() throws Exception {
        unit = sealFixtures.aUnit(unitPrefix);
        reviewer = sealFixtures.aReviewer(BackOfficeRole.BUREAU_REVIEWER);
    }
}
