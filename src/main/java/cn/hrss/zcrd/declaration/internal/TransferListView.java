package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.declaration.Declarations;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.unit.BusinessType;
import jakarta.faces.view.ViewScoped;
import org.springframework.stereotype.Component;

/** 我的外地调入信息: the person's transfer-in confirmations, with the same actions as 我的申报信息. */
@Component("transferList")
@ViewScoped
public class TransferListView extends DeclarationListView {

    TransferListView(Declarations declarations, BusinessTime businessTime) {
        super(declarations, businessTime);
    }

    @Override
    protected BusinessType business() {
        return BusinessType.TRANSFER_IN;
    }
}
