package cn.hrss.zcrd.shared;

import java.io.Serializable;

/**
 * A password chosen on a form, typed twice (密码, 确认密码): the fields of the registration pages and the back-office
 * set-up, bound as {@code #{view.newPassword.password}} and {@code #{view.newPassword.confirmation}}. The service
 * that stores it checks the two agree and the policy; this only carries them.
 */
public final class NewPassword implements Serializable {

    private String password;
    private String confirmation;

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
