package cn.hrss.zcrd.seal;

import cn.hrss.zcrd.seal.internal.SealImpression;
import cn.hrss.zcrd.seal.internal.SealImpressionImageRepository;
import cn.hrss.zcrd.seal.internal.SealImpressionRepository;
import cn.hrss.zcrd.seal.internal.SealImpressionState;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approved seal impressions for other modules acting on the platform's behalf (the electronic seal generated on
 * {@link SealImpressionApproved}, certificate issuance). These reads check no user: never hand their result to a
 * user without checking that user's rights first. Uploads and reviews are the seal module's own pages.
 */
@Service
public class SealImpressions {

    private final SealImpressionRepository impressions;
    private final SealImpressionImageRepository images;

    SealImpressions(SealImpressionRepository impressions, SealImpressionImageRepository images) {
        this.impressions = impressions;
        this.images = images;
    }

    /** The unit's seal in force: its newest approved version; empty while none was approved. */
    @Transactional(readOnly = true)
    public Optional<ApprovedSeal> inForce(long unitId) {
        return impressions
                .findFirstByUnitIdAndStateOrderBySealVersionDesc(unitId, SealImpressionState.APPROVED)
                .map(this::toApproved);
    }

    /**
     * The approved impression {@code impressionId} with its image — in force or replaced since by a newer approved
     * version (certificates issued with it keep it); empty when unknown or not approved (pending, rejected …).
     */
    @Transactional(readOnly = true)
    public Optional<ApprovedSeal> image(long impressionId) {
        return impressions
                .findById(impressionId)
                .filter(s -> s.getState() == SealImpressionState.APPROVED)
                .map(this::toApproved);
    }

    private ApprovedSeal toApproved(SealImpression s) {
        byte[] png = images.findById(s.getId()).orElseThrow().png();
        return new ApprovedSeal(s.getId(), s.getUnitId(), s.getSealVersion(), png, s.getWidth(), s.getHeight());
    }
}
