package cn.hrss.zcrd.account.internal;

import java.io.Serializable;

/**
 * A person's contact data as 个人注册 and 个人信息 edit them ({@code #{view.contact.mobile}}, {@code .email}); the
 * service checks them.
 */
public final class PersonContact implements Serializable {

    private static final long serialVersionUID = 1L;

    private String mobile;
    private String email;

    PersonContact() {}

    PersonContact(String mobile, String email) {
        this.mobile = mobile;
        this.email = email;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
