package cn.hrss.zcrd.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The review states of one seal version: pending, then approved, rejected with an opinion, or withdrawn. */
class SealImpressionTest {

    static final Instant UPLOADED = Instant.parse("2025-03-01T08:00:00Z");
    static final Instant DECIDED = Instant.parse("2025-03-02T09:30:00Z");
    static final SealImpression.Decider REVIEWER = new SealImpression.Decider(7, "李审核");

    @Test
    void aNewUploadIsPending() {
        SealImpression seal = pending(1);

        assertThat(seal.getState()).isEqualTo(SealImpressionState.PENDING);
        assertThat(seal.isPending()).isTrue();
        assertThat(seal.getUnitName()).isEqualTo("济南市测试单位");
        assertThat(seal.getDecision().at()).isNull();
    }

    @Test
    void approvalRecordsWhoWhenAndAnOptionalOpinion() {
        SealImpression seal = pending(2);

        seal.approve(REVIEWER, "   ", DECIDED);

        assertThat(seal.getState()).isEqualTo(SealImpressionState.APPROVED);
        assertThat(seal.getDecision().accountId()).isEqualTo(7L);
        assertThat(seal.getDecision().name()).isEqualTo("李审核");
        assertThat(seal.getDecision().at()).isEqualTo(DECIDED);
        assertThat(seal.getDecision().opinion()).isNull();
    }

    @Test
    void aRejectionNeedsAnOpinion() {
        SealImpression seal = pending(1);

        assertThatThrownBy(() -> seal.reject(REVIEWER, " ", DECIDED))
                .isInstanceOf(SealImpressionException.class)
                .extracting(e -> ((SealImpressionException) e).messageKey())
                .isEqualTo("seal.review.opinion-required");
        assertThat(seal.isPending()).isTrue();

        seal.reject(REVIEWER, "  印章边缘不清晰  ", DECIDED);
        assertThat(seal.getState()).isEqualTo(SealImpressionState.REJECTED);
        assertThat(seal.getDecision().opinion()).isEqualTo("印章边缘不清晰");
    }

    @Test
    void anOpinionIsBounded() {
        SealImpression seal = pending(1);
        String tooLong = "字".repeat(SealImpression.OPINION_LENGTH + 1);

        assertThatThrownBy(() -> seal.approve(REVIEWER, tooLong, DECIDED))
                .extracting(e -> ((SealImpressionException) e).messageKey())
                .isEqualTo("seal.review.opinion-too-long");
        seal.approve(REVIEWER, "字".repeat(SealImpression.OPINION_LENGTH), DECIDED);
        assertThat(seal.getDecision().opinion()).hasSize(SealImpression.OPINION_LENGTH);
    }

    @Test
    void onlyAPendingVersionIsDecidedOrWithdrawn() {
        SealImpression approved = pending(3);
        approved.approve(REVIEWER, null, DECIDED);
        SealImpression withdrawn = pending(4);
        withdrawn.withdraw(DECIDED);

        assertThat(withdrawn.getState()).isEqualTo(SealImpressionState.WITHDRAWN);
        for (SealImpression decided : new SealImpression[] {approved, withdrawn}) {
            assertThatThrownBy(() -> decided.approve(REVIEWER, null, DECIDED))
                    .isInstanceOf(SealImpressionException.class)
                    .extracting(e -> ((SealImpressionException) e).messageKey())
                    .isEqualTo("seal.review.not-pending");
            assertThatThrownBy(() -> decided.reject(REVIEWER, "x", DECIDED))
                    .isInstanceOf(SealImpressionException.class);
            assertThatThrownBy(() -> decided.withdraw(DECIDED)).isInstanceOf(SealImpressionException.class);
        }
        assertThat(approved.getState()).isEqualTo(SealImpressionState.APPROVED);
    }

    @Test
    void versionsStartAtOne() {
        assertThatThrownBy(() -> pending(0)).isInstanceOf(IllegalArgumentException.class);
    }

    static SealImpression pending(int version) {
        return new SealImpression(
                new SealImpression.UnitRef(11, "济南市测试单位", "91370102MA3C4XXXXX", "370102"),
                version,
                400,
                400,
                12_345,
                "ab".repeat(32),
                2011,
                UPLOADED);
    }
}
