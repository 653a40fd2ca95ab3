package cn.hrss.zcrd.account.internal;

import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccounts;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.NewPassword;
import jakarta.faces.application.FacesMessage;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/** 修改密码 for both kinds of portal account. */
@Component("passwordChange")
@RequestScope
public class PasswordChangeView {

    private final PortalAccounts accounts;
    private String currentPassword;
    private final NewPassword newPassword = new NewPassword();

    PasswordChangeView(PortalAccounts accounts) {
        this.accounts = accounts;
    }

    public void save() {
        try {
            accounts.changePassword(
                    CurrentPortalUser.get().accountId(),
                    currentPassword,
                    newPassword.getPassword(),
                    newPassword.getConfirmation());
            FacesMessages.page(FacesMessage.SEVERITY_INFO, "password.changed");
        } catch (InvalidInputException e) {
            FacesMessages.atFields("pwd", e.problems());
        }
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public NewPassword getNewPassword() {
        return newPassword;
    }
}
