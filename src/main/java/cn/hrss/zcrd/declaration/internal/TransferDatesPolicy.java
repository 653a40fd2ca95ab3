package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.declaration.Declaration;
import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.shared.Refusal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Transfer-in: 取得时间 ≤ 调入时间 ≤ today — a title obtained after the move is no title brought along, and a move in
 * the future has not happened yet.
 */
public final class TransferDatesPolicy extends OneReasonPolicy {

    public TransferDatesPolicy() {
        super(ModuleKind.BASIC, "transferDate");
    }

    @Override
    public Optional<Refusal> check(SubmissionFacts facts) {
        Declaration d = facts.declaration();
        LocalDate obtained = d.getTitleObtainedOn();
        LocalDate transfer = d.getTransferDate();
        if (obtained == null || transfer == null) {
            return Optional.empty(); // an incomplete module is refused by ModulesCompletePolicy
        }
        if (transfer.isAfter(facts.today())) {
            return Optional.of(Refusal.of("declaration.rule.transfer.transfer-in-future"));
        }
        if (obtained.isAfter(transfer)) {
            return Optional.of(Refusal.of(
                    "declaration.rule.transfer.obtained-after-transfer", obtained.toString(), transfer.toString()));
        }
        return Optional.empty();
    }
}
