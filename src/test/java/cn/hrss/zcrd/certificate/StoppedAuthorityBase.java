package cn.hrss.zcrd.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.approval.ApprovalFixtures;
import cn.hrss.zcrd.seal.SealFixtures;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.RegionalStaff;
import cn.hrss.zcrd.unit.IssuingAuthorities;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the tests of a bureau stopping an issuing authority (suspension, withdrawal) add to
 * {@link CertificateServicesBase}: the authorities, the four-eyes approvals, the bureau's reviewers and the
 * {@link StoppedAuthorityFixtures}.
 */
abstract class StoppedAuthorityBase extends CertificateServicesBase {

    static final String PAGE = "/sdmanager/authority/review.xhtml";

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    IssuingAuthorities authorities;

    @Autowired
    ApprovalFixtures fourEyes;

    @Autowired
    BusinessTime time;

    @Autowired
    StoppedAuthorityFixtures stopping;

    /** A bureau reviewer of 济南 with a fresh UKEY. */
    RegionalStaff jinanReviewer(String displayName) throws Exception {
        return staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370100", displayName);
    }

    /** The request is refused at the field {@code reason} (a blank reason). */
    static void refusedWithoutReason(ThrowingCallable request) {
        assertThatThrownBy(request)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.field()).isEqualTo("reason")));
    }

    /** The authority page as the reviewer's UKEY session shows it, listing the status, the application selected. */
    String authorityPage(RegionalStaff reviewer, String status, long application) throws Exception {
        return reviewer.session(Faces.ukeyBase(ports))
                .get(PAGE + "?status=" + status + "&application=" + application)
                .body();
    }

    /**
     * The issuer's operator signs in and starting a batch of the later entry today is refused with the message key
     * (and these arguments, where given).
     */
    void batchRefused(StoppedAuthorityFixtures.Issuer issuer, String messageKey, String... arguments) {
        SealFixtures.signIn(issuer.unit().ukeyOperator());
        assertThatThrownBy(() -> issuance.start(List.of(issuer.laterEntry()), time.today()))
                .isInstanceOfSatisfying(CertificateRefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(messageKey);
                    if (arguments.length > 0) {
                        assertThat(e.arguments()).containsExactly((Object[]) arguments);
                    }
                });
    }
}
