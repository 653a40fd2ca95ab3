package cn.hrss.zcrd.unit.internal;

import java.io.Serializable;

/**
 * A unit's contact data as 单位注册 and 单位信息 edit them ({@code #{view.contact.contactPerson}}, {@code .phone});
 * the service checks them.
 */
public final class UnitContact implements Serializable {

    private static final long serialVersionUID = 1L;

    private String contactPerson;
    private String phone;

    UnitContact() {}

    UnitContact(String contactPerson, String phone) {
        this.contactPerson = contactPerson;
        this.phone = phone;
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public void setContactPerson(String contactPerson) {
        this.contactPerson = contactPerson;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }
}
