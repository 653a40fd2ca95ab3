package cn.hrss.zcrd.declaration;

import java.util.List;

/** 确定申报 refused by the rules; {@link #rejections()} lists every reason (the first is the exception's message). */
public class DeclarationRejectedException extends DeclarationException {

    private final List<Rejection> rejections;

    public DeclarationRejectedException(List<Rejection> rejections) {
        super(rejections.get(0).messageKey(), rejections.get(0).arguments().toArray());
        this.rejections = List.copyOf(rejections);
    }

    public List<Rejection> rejections() {
        return rejections;
    }
}
