package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.catalog.Title;
import cn.hrss.zcrd.declaration.Declaration;
import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.shared.Refusal;
import java.util.Optional;

/**
 * Transfer-in: the title held must be a title of the catalog for its series and level (enabled), and offer the
 * specialty — only such a title can be confirmed, reported along a matching path and printed.
 */
public final class TransferTitleInCatalogPolicy extends OneReasonPolicy {

    public TransferTitleInCatalogPolicy() {
        super(ModuleKind.BASIC, "titleId");
    }

    @Override
    public Optional<Refusal> check(SubmissionFacts facts) {
        Declaration d = facts.declaration();
        boolean known = facts.level().isPresent()
                && facts.title()
                        .filter(Title::enabled)
                        .filter(t -> t.levelCode().equals(d.getLevelCode()))
                        .filter(t -> t.seriesCode().equals(d.getSeriesCode()))
                        .isPresent();
        if (!known) {
            return Optional.of(Refusal.of("declaration.rule.transfer.title-not-in-catalog"));
        }
        if (!facts.specialtyOffered()) {
            return Optional.of(Refusal.of("declaration.rule.transfer.specialty-not-offered"));
        }
        return Optional.empty();
    }
}
