package cn.hrss.zcrd.account.internal;

import cn.hrss.zcrd.account.LoginProperties;
import cn.hrss.zcrd.account.PortalAccountKind;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/** The portal login page: which tab (个人登录 / 单位登录) is open and what happened last. */
@Component("loginView")
@RequestScope
public class LoginView {

    private final PortalAccountKind kind;
    private final LoginProperties properties;

    LoginView(HttpServletRequest request, LoginProperties properties) {
        this.kind = PortalAccountKind.fromParameter(request.getParameter("kind"));
        this.properties = properties;
    }

    public boolean isUnit() {
        return kind == PortalAccountKind.UNIT;
    }

    public String getKind() {
        return isUnit() ? "unit" : "person";
    }

    public long getLockMinutes() {
        return properties.lockDuration().toMinutes();
    }
}
