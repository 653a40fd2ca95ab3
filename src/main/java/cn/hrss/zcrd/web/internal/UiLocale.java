package cn.hrss.zcrd.web.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * The UI language: Simplified Chinese unless the user chose English (cookie {@code zcrd-lang=en}). The browser's
 * Accept-Language is deliberately not followed: a bureau's staff see Chinese whatever their browser says.
 */
@Component("uiLocale")
@RequestScope
public class UiLocale {

    static final String COOKIE = "zcrd-lang";

    private final Locale current;

    UiLocale(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies() == null ? new Cookie[0] : request.getCookies();
        boolean english = Arrays.stream(cookies).anyMatch(c -> COOKIE.equals(c.getName()) && "en".equals(c.getValue()));
        this.current = english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    public Locale getCurrent() {
        return current;
    }
}
