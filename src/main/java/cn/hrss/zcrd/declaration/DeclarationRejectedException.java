package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.shared.Refusal;
import java.util.List;

/** 确定申报 refused by the rules; {@link #rejections()} lists every reason (the first is the exception's message). */
public class DeclarationRejectedException extends DeclarationException {

    private final List<Refusal> rejections;

    public DeclarationRejectedException(List<Refusal> rejections) {
        super(rejections.get(0).messageKey(), rejections.get(0).arguments().toArray());
        this.rejections = List.copyOf(rejections);
    }

    public List<Refusal> rejections() {
        return rejections;
    }
}
