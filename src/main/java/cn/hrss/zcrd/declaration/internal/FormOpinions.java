package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.declaration.DeclarationAction;
import cn.hrss.zcrd.declaration.DeclarationDetails;
import cn.hrss.zcrd.declaration.DeclarationDetails.HistoryItem;
import cn.hrss.zcrd.declaration.ModuleKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The opinion boxes of the 认定表: one per unit that reviewed the declaration, in the order they first did, from its
 * history. A unit's box shows its latest pass — 通过 (and the 上报 that followed), 终审通过 or 退回 — with the opinions
 * of that pass, who acted and when. Plain Java.
 */
public final class FormOpinions {

    /** 申报单位意见: the unit the applicant submitted to */
    public static final String DECLARING = "declaration.form.unit-opinion";
    /** 主管部门意见: a unit between the declaring unit and the approving one */
    public static final String COMPETENT = "declaration.form.level.competent";
    /** 审批（发证）单位意见: the unit that gave the final approval */
    public static final String FINAL = "declaration.form.level.final";

    private FormOpinions() {}

    /**
     * One box.
     *
     * @param levelKey  the box's label (申报单位意见, 主管部门意见, 审批（发证）单位意见)
     * @param decision  the last step of the unit's pass
     * @param opinions  the opinions of the pass, in order (module opinions of a return included)
     * @param reviewer  the unit's 经办人 (null when not recorded)
     * @param approving whether the pass approved it (the unit's seal goes on an approving box only)
     */
    public record Opinion(
            String levelKey,
            long unitId,
            String unitName,
            DeclarationAction decision,
            List<Line> opinions,
            String reviewer,
            Instant at,
            boolean approving) {}

    /** One opinion: the unit's own, or (module not null) a returned module's. */
    public record Line(ModuleKind module, String text) {}

    /** The boxes, from the declaration's history. */
    public static List<Opinion> of(DeclarationDetails d) {
        Long declaringUnit = d.history().stream()
                .filter(h -> h.action() == DeclarationAction.SUBMIT)
                .map(HistoryItem::toUnitId)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(d.basic() == null ? null : d.basic().declaringUnitId());
        Optional<Long> approvingUnit = d.history().stream()
                .filter(h -> h.action() == DeclarationAction.FINAL_APPROVE)
                .map(HistoryItem::unitId)
                .reduce((first, second) -> second);
        Map<Long, List<HistoryItem>> passes = new LinkedHashMap<>();
        for (HistoryItem h : d.history()) {
            if (h.unitId() == null || !isReview(h.action())) {
                continue;
            }
            List<HistoryItem> pass = passes.computeIfAbsent(h.unitId(), id -> new ArrayList<>());
            if (h.action() != DeclarationAction.REPORT) {
                pass.clear(); // 通过, 终审通过 and 退回 start a new pass; 上报 follows the 通过 of its pass
            }
            pass.add(h);
        }
        List<Opinion> boxes = new ArrayList<>();
        passes.forEach((unitId, pass) -> {
            HistoryItem last = pass.get(pass.size() - 1);
            String level = approvingUnit.filter(unitId::equals).isPresent()
                    ? FINAL
                    : unitId.equals(declaringUnit) ? DECLARING : COMPETENT;
            List<Line> opinions = new ArrayList<>();
            for (HistoryItem h : pass) {
                if (h.opinion() != null) {
                    opinions.add(new Line(null, h.opinion()));
                }
                h.moduleOpinions().forEach((module, text) -> opinions.add(new Line(module, text)));
            }
            boxes.add(new Opinion(
                    level,
                    unitId,
                    last.unitName(),
                    last.action(),
                    List.copyOf(opinions),
                    last.actorName(),
                    last.occurredAt(),
                    last.action() != DeclarationAction.RETURN));
        });
        return boxes;
    }

    /** The final approval (终审通过 / 确认通过), if given. */
    public static Optional<HistoryItem> finalApproval(DeclarationDetails d) {
        return last(d, DeclarationAction.FINAL_APPROVE);
    }

    /** The issuance of the certificate, if it was issued. */
    public static Optional<HistoryItem> issuance(DeclarationDetails d) {
        return last(d, DeclarationAction.CERTIFY);
    }

    private static Optional<HistoryItem> last(DeclarationDetails d, DeclarationAction action) {
        return d.history().stream().filter(h -> h.action() == action).reduce((first, second) -> second);
    }

    private static boolean isReview(DeclarationAction action) {
        return action == DeclarationAction.APPROVE
                || action == DeclarationAction.REPORT
                || action == DeclarationAction.FINAL_APPROVE
                || action == DeclarationAction.RETURN;
    }
}
