package cn.hrss.zcrd.declaration;

import java.util.Locale;

/** 学位 of an education entry. */
public enum Degree {
    NONE,
    BACHELOR,
    MASTER,
    DOCTOR;

    public String messageKey() {
        return "declaration.degree." + name().toLowerCase(Locale.ROOT);
    }
}
