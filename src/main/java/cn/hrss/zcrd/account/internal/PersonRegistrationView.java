package cn.hrss.zcrd.account.internal;

import cn.hrss.zcrd.account.Applicants;
import cn.hrss.zcrd.account.PersonRegistration;
import cn.hrss.zcrd.account.RegistrationThrottle;
import cn.hrss.zcrd.shared.Captcha;
import cn.hrss.zcrd.shared.ConfirmationStep;
import cn.hrss.zcrd.shared.FacesRequests;
import cn.hrss.zcrd.shared.NewPassword;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import org.springframework.stereotype.Component;

/**
 * 个人注册: fill in (with the captcha, which solves itself) → 立即注册 shows the data to confirm → 确认注册 creates
 * the account. 立即注册 is throttled per address ({@link RegistrationThrottle}).
 */
@Component("personRegistration")
@ViewScoped
public class PersonRegistrationView implements Serializable {

    private final Applicants applicants;
    private final RegistrationThrottle throttle;

    private String name;
    private String idNumber;
    private final PersonContact contact = new PersonContact();
    private final NewPassword newPassword = new NewPassword();
    private final ConfirmationStep step = new ConfirmationStep("reg");
    private Applicants.RegistrationPreview preview;

    PersonRegistrationView(Applicants applicants, RegistrationThrottle throttle) {
        this.applicants = applicants;
        this.throttle = throttle;
    }

    /** 立即注册: the captcha and the address's budgets, then every field; when all is well, the confirmation. */
    public void review() {
        if (step.review(() -> throttle.check(
                FacesRequests.clientAddress(),
                FacesRequests.parameter(Captcha.FIELD),
                () -> applicants.check(form()),
                "idnumber.taken"))) {
            preview = applicants.preview(form());
        }
    }

    /** 返回修改 */
    public void edit() {
        step.edit();
    }

    /** 确认注册 */
    public String confirm() {
        return step.confirm(
                () -> applicants.register(form()), "/rsrc/login.xhtml?faces-redirect=true&registered=true&kind=person");
    }

    private PersonRegistration form() {
        return new PersonRegistration(
                name,
                idNumber,
                contact.getMobile(),
                contact.getEmail(),
                newPassword.getPassword(),
                newPassword.getConfirmation());
    }

    public boolean isConfirming() {
        return step.isConfirming();
    }

    public Applicants.RegistrationPreview getPreview() {
        return preview;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public NewPassword getNewPassword() {
        return newPassword;
    }

    public PersonContact getContact() {
        return contact;
    }
}
