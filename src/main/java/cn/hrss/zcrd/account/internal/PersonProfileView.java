package cn.hrss.zcrd.account.internal;

import cn.hrss.zcrd.account.ApplicantDetails;
import cn.hrss.zcrd.account.Applicants;
import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.InvalidInputException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import org.springframework.stereotype.Component;

/** 个人信息: the registered data (fixed) and the contact data (changeable). */
@Component("personProfile")
@ViewScoped
public class PersonProfileView implements Serializable {

    private final Applicants applicants;
    private final ApplicantDetails applicant;
    private final PersonContact contact;

    PersonProfileView(Applicants applicants) {
        this.applicants = applicants;
        this.applicant = applicants.ofAccount(
                CurrentPortalUser.requireKind(PortalAccountKind.PERSON).accountId());
        this.contact = new PersonContact(applicant.mobile(), applicant.email());
    }

    public void save() {
        try {
            // the account is the signed-in one; nothing in the request can name another or change name / ID
            applicants.changeContact(
                    CurrentPortalUser.requireKind(PortalAccountKind.PERSON).accountId(),
                    contact.getMobile(),
                    contact.getEmail());
            FacesMessages.page(FacesMessage.SEVERITY_INFO, "profile.saved");
        } catch (InvalidInputException e) {
            FacesMessages.atFields("profile", e.problems());
        }
    }

    public ApplicantDetails getApplicant() {
        return applicant;
    }

    public PersonContact getContact() {
        return contact;
    }
}
