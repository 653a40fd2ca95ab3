package cn.hrss.zcrd.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.seal.internal.SealImpression;
import cn.hrss.zcrd.seal.internal.SealImpressionDesk;
import cn.hrss.zcrd.seal.internal.SealImpressionException;
import cn.hrss.zcrd.seal.internal.SealImpressionState;
import cn.hrss.zcrd.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import org.springframework.security.access.AccessDeniedException;

/**
 * Versions and review on the service, with events recorded by Spring Modulith's test support (a listener added to
 * the shared context for this thread only): approval publishes {@link SealImpressionApproved} with the approved
 * version, the newest approved version is in force, earlier approved versions stay readable.
 */
@IntegrationTest
@ExtendWith(PublishedEventsExtension.class)
class SealApprovalIT extends SealUnitBase {

    SealApprovalIT() {
        super("印模事件测试单位");
    }

    @Autowired
    SealImpressionDesk desk;

    @Autowired
    SealImpressions seals;

    @Test
    void approvalPublishesTheApprovedVersionAndPutsItInForce(AssertablePublishedEvents events) {
        SealImpression first = sealFixtures.uploaded(unit, SealImages.transparentSeal(400));
        sealFixtures.approve(reviewer, first, "清晰规范");
        SealImpression second = sealFixtures.uploaded(unit, SealImages.paletteSealWithTrns(500));
        assertThat(seals.inForce(unit.id())).map(ApprovedSeal::version).hasValue(1);

        sealFixtures.approve(reviewer, second, null);

        assertThat(events.ofType(SealImpressionApproved.class)).hasSize(2);
        assertThat(events.ofType(SealImpressionApproved.class).matching(e -> e.impressionId() == second.getId()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.unitId()).isEqualTo(unit.id());
                    assertThat(e.version()).isEqualTo(2);
                    assertThat(e.unitName()).isEqualTo(unit.name());
                    assertThat(e.creditCode()).isEqualTo(unit.creditCode());
                    assertThat(e.occurredAt()).isNotNull();
                });
        ApprovedSeal inForce = seals.inForce(unit.id()).orElseThrow();
        assertThat(inForce.id()).isEqualTo(second.getId());
        assertThat(inForce.version()).isEqualTo(2);
        assertThat(inForce.width()).isEqualTo(500);
        assertThat(inForce.png()).startsWith(0x89, 'P', 'N', 'G');
        // already issued certificates keep version 1: it stays readable
        assertThat(seals.image(first.getId())).map(ApprovedSeal::version).hasValue(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_record "
                                + "where action_code = 'SEAL_IMPRESSION_APPROVED' and target_type = 'SEAL_IMPRESSION' "
                                + "and target_id in (?, ?) and outcome = 'SUCCESS'",
                        Integer.class,
                        String.valueOf(first.getId()),
                        String.valueOf(second.getId())))
                .isEqualTo(2);
    }

    @Test
    void aRejectionPublishesNothingAndLeavesTheVersionInForce(AssertablePublishedEvents events) {
        SealImpression first = sealFixtures.uploaded(unit, SealImages.transparentSeal(300));
        sealFixtures.approve(reviewer, first, null);
        SealImpression second = sealFixtures.uploaded(unit, SealImages.transparentSeal(320));

        SealFixtures.signIn(reviewer.ukeyUser());
        assertThatThrownBy(() -> desk.reject(second.getId(), "  ")).isInstanceOf(SealImpressionException.class);
        SealImpression rejected = desk.reject(second.getId(), "印章图像模糊，请重新扫描");

        assertThat(rejected.getState()).isEqualTo(SealImpressionState.REJECTED);
        assertThat(events.ofType(SealImpressionApproved.class).matching(e -> e.impressionId() == second.getId()))
                .isEmpty();
        assertThat(seals.inForce(unit.id())).map(ApprovedSeal::id).hasValue(first.getId());
        assertThat(seals.image(second.getId())).isEmpty();
    }

    @Test
    void aNewUploadWithdrawsTheVersionStillPending() {
        SealImpression first = sealFixtures.uploaded(unit, SealImages.transparentSeal(300));
        SealImpression second = sealFixtures.uploaded(unit, SealImages.transparentSeal(310));

        SealFixtures.signIn(unit.user());
        List<SealImpression> versions = desk.versionsOf(unit.user());
        assertThat(versions)
                .extracting(SealImpression::getSealVersion, SealImpression::getState)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, SealImpressionState.PENDING),
                        org.assertj.core.groups.Tuple.tuple(1, SealImpressionState.WITHDRAWN));
        SealFixtures.signIn(reviewer.ukeyUser());
        assertThat(desk.queue())
                .extracting(SealImpression::getId)
                .contains(second.getId())
                .doesNotContain(first.getId());
        assertThatThrownBy(() -> desk.approve(first.getId(), null))
                .isInstanceOf(SealImpressionException.class)
                .extracting(e -> ((SealImpressionException) e).messageKey())
                .isEqualTo("seal.review.not-pending");
    }

    @Test
    void aPasswordSessionMayLookButNotDecideAndTheRefusalIsAudited(AssertablePublishedEvents events) {
        SealImpression pending = sealFixtures.uploaded(unit, SealImages.transparentSeal(300));
        SealFixtures.signIn(reviewer.passwordUser());

        assertThat(desk.queue()).extracting(SealImpression::getId).contains(pending.getId());
        assertThatThrownBy(() -> desk.approve(pending.getId(), null))
                .isInstanceOf(SealImpressionException.class)
                .extracting(e -> ((SealImpressionException) e).messageKey())
                .isEqualTo("seal.review.ukey-required");
        assertThatThrownBy(() -> desk.reject(pending.getId(), "不清晰")).isInstanceOf(SealImpressionException.class);

        assertThat(events.ofType(SealImpressionApproved.class)).isEmpty();
        SealFixtures.signIn(unit.user());
        assertThat(desk.versionsOf(unit.user()))
                .singleElement()
                .extracting(SealImpression::getState)
                .isEqualTo(SealImpressionState.PENDING);
        List<Map<String, Object>> refusals = jdbc.queryForList(
                "select action_code, authenticated_by "
                        + "from audit_record where target_type = 'SEAL_IMPRESSION' and target_id = ? and outcome = 'REFUSED'",
                String.valueOf(pending.getId()));
        assertThat(refusals)
                .extracting(r -> r.get("action_code"))
                .containsExactlyInAnyOrder("SEAL_IMPRESSION_APPROVED", "SEAL_IMPRESSION_REJECTED");
        assertThat(refusals)
                .allSatisfy(r -> assertThat(r.get("authenticated_by")).isEqualTo("PASSWORD"));
    }

    @Test
    void aUnitOperatorAndAPortalUserCannotReview() throws Exception {
        SealImpression pending = sealFixtures.uploaded(unit, SealImages.transparentSeal(300));
        SealFixtures.Reviewer operator = sealFixtures.aReviewer(BackOfficeRole.UNIT_OPERATOR);

        SealFixtures.signIn(operator.ukeyUser());
        assertThatThrownBy(() -> desk.queue()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.approve(pending.getId(), null)).isInstanceOf(AccessDeniedException.class);
        SealFixtures.signIn(unit.user());
        assertThatThrownBy(() -> desk.approve(pending.getId(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.imageForReview(pending.getId())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void twoReviewersDecidingAtOnceOneWinsTheOtherIsTold() throws Exception {
        SealImpression pending = sealFixtures.uploaded(unit, SealImages.transparentSeal(300));
        SealFixtures.Reviewer other = sealFixtures.aReviewer(BackOfficeRole.BUREAU_REVIEWER);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var approving = pool.submit(() -> decideAfter(start, reviewer, true, pending.getId()));
            var rejecting = pool.submit(() -> decideAfter(start, other, false, pending.getId()));
            List<String> outcomes = List.of(approving.get(), rejecting.get());

            assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
            assertThat(outcomes)
                    .filteredOn(o -> !"ok".equals(o))
                    .singleElement()
                    .isIn("seal.review.not-pending", "concurrent");
        } finally {
            pool.shutdownNow();
        }
        SealFixtures.signIn(unit.user());
        assertThat(desk.versionsOf(unit.user()))
                .singleElement()
                .extracting(SealImpression::getState)
                .isIn(SealImpressionState.APPROVED, SealImpressionState.REJECTED);
    }

    private String decideAfter(
            java.util.concurrent.CyclicBarrier start, SealFixtures.Reviewer who, boolean approve, long id)
            throws Exception {
        SealFixtures.signIn(who.ukeyUser());
        try {
            start.await();
            if (approve) {
                desk.approve(id, null);
            } else {
                desk.reject(id, "同时驳回");
            }
            return "ok";
        } catch (SealImpressionException e) {
            return e.messageKey();
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            return "concurrent";
        } finally {
            SealFixtures.signOut();
        }
    }
}
