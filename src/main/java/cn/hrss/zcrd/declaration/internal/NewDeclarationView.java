package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.account.ApplicantDetails;
import cn.hrss.zcrd.account.Applicants;
import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.declaration.Declarations;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.unit.UnitDirectory;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import org.springframework.stereotype.Component;

/** 新增申报信息: the basic form; 保存 stores a draft and goes back to 我的申报信息. */
@Component("newDeclaration")
@ViewScoped
public class NewDeclarationView implements Serializable {

    static final String FORM = "basic";

    private final Declarations declarations;
    private final ApplicantDetails applicant;
    private final BasicForm form;

    NewDeclarationView(
            Declarations declarations,
            Applicants applicants,
            TitleCatalog catalog,
            UnitDirectory directory,
            BusinessTime time) {
        this.declarations = declarations;
        this.applicant = applicants.ofAccount(
                CurrentPortalUser.requireKind(PortalAccountKind.PERSON).accountId());
        this.form = new BasicForm(catalog, directory, time.today().getYear());
    }

    /** 保存 */
    public String save() {
        try {
            declarations.createDraft(CurrentPortalUser.requireKind(PortalAccountKind.PERSON), form.toBasicInfo());
            return "/rsrc/person/declarations.xhtml?faces-redirect=true&saved=true";
        } catch (InvalidInputException e) {
            PageMessages.atFields(FORM, e.problems());
            return null;
        }
    }

    public ApplicantDetails getApplicant() {
        return applicant;
    }

    public BasicForm getForm() {
        return form;
    }
}
