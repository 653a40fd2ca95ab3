package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.account.ApplicantDetails;
import cn.hrss.zcrd.account.Applicants;
import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.declaration.Declarations;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.unit.UnitDirectory;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import org.springframework.stereotype.Component;

/** 外地调入确认 → 新增: the transfer form; 保存 stores a draft and goes back to 我的外地调入信息. */
@Component("newTransfer")
@ViewScoped
public class NewTransferView implements Serializable {

    static final String FORM = "transfer";

    private final Declarations declarations;
    private final ApplicantDetails applicant;
    private final TransferForm form;

    NewTransferView(Declarations declarations, Applicants applicants, TitleCatalog catalog, UnitDirectory directory) {
        this.declarations = declarations;
        this.applicant = applicants.ofAccount(
                CurrentPortalUser.requireKind(PortalAccountKind.PERSON).accountId());
        this.form = new TransferForm(catalog, directory);
    }

    /** 保存 */
    public String save() {
        try {
            declarations.createTransferDraft(
                    CurrentPortalUser.requireKind(PortalAccountKind.PERSON), form.toTransferInfo());
            return "/rsrc/person/transfers.xhtml?faces-redirect=true&saved=true";
        } catch (InvalidInputException e) {
            PageMessages.atFields(FORM, e.problems());
            return null;
        }
    }

    public ApplicantDetails getApplicant() {
        return applicant;
    }

    public TransferForm getForm() {
        return form;
    }
}
