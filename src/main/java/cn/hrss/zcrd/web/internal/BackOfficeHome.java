package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.account.AuthenticationMethod;
import cn.hrss.zcrd.account.BackOfficeUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/** The back-office home: who is signed in and how. */
@Component("backOfficeHome")
@RequestScope
public class BackOfficeHome {

    private final BackOfficeUser user;

    BackOfficeHome() {
        this.user = (BackOfficeUser)
                SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    }

    public String getDisplayName() {
        return user.getDisplayName();
    }

    public String getUsername() {
        return user.getUsername();
    }

    public String getMethodKey() {
        return "backoffice.method." + user.getMethod().name().toLowerCase();
    }

    public String getMethodNoteKey() {
        return user.getMethod() == AuthenticationMethod.UKEY
                ? "backoffice.method.ukey.note"
                : "backoffice.method.password.note";
    }
}
