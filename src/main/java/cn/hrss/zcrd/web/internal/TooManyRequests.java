package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.shared.RateLimit;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * The answer to a request over its budget, written by a filter before anything else ran: 429 with
 * {@code Retry-After}, the message in the UI language, as JSON under {@code /api/} and as a small page elsewhere.
 */
final class TooManyRequests {

    private TooManyRequests() {}

    static void answer(
            HttpServletRequest request,
            HttpServletResponse response,
            RateLimit.Decision decision,
            MessageSource messages,
            boolean closeConnection)
            throws IOException {
        Locale locale = locale(request);
        String message =
                messages.getMessage("limits.too-many", new Object[] {decision.retryAfterMinutes()}, "429", locale);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        response.setHeader("Cache-Control", "no-store");
        if (closeConnection) {
            // the body was not read; do not let the container read it to keep the connection
            response.setHeader("Connection", "close");
        }
        byte[] body;
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/json;charset=UTF-8");
            body = ("{\"error\":\"RATE_LIMITED\",\"message\":\""
                            + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType("text/html;charset=UTF-8");
            String title = HtmlUtils.htmlEscape(messages.getMessage("app.name", null, "", locale));
            body = ("<!DOCTYPE html><html lang=\"" + (Locale.ENGLISH.equals(locale) ? "en" : "zh-CN")
                            + "\"><head><meta charset=\"UTF-8\"/><title>" + title + "</title></head><body>"
                            + "<h1>" + title + "</h1><p id=\"too-many\">" + HtmlUtils.htmlEscape(message)
                            + "</p></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The UI language as {@link UiLocale} decides it (the request scope is not there yet in a filter). */
    static Locale locale(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (UiLocale.COOKIE.equals(cookie.getName()) && "en".equals(cookie.getValue())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }
}
