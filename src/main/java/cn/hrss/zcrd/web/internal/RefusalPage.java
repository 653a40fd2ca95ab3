package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.UkeySuspendedException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Answers a refused request with status 403 and a Chinese page naming the reason (a message key). */
final class RefusalPage implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** Request attribute holding the message key of the reason, read by the refusal view. */
    static final String REASON_ATTRIBUTE = "zcrd.refusal";
    /** Request attribute holding the reason's first argument (e.g. the UKEY login address), or absent. */
    static final String ARGUMENT_ATTRIBUTE = "zcrd.refusal.argument";

    private final String view;
    private final String reasonKey;

    RefusalPage(String view, String reasonKey) {
        this.view = view;
        this.reasonKey = reasonKey;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        // the X.509 filter leaves its failure here: a known UKEY of a disabled account says so
        Object failure = request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        refuse(
                request,
                response,
                failure instanceof DisabledException
                        ? "refused.account-disabled"
                        : failure instanceof UkeySuspendedException ? "refused.ukey-suspended" : reasonKey);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        // a back-office action refused by its service names its own reason (e.g. a UKEY session is needed)
        if (e instanceof BackOfficeAccessDeniedException refused) {
            refused.refusal().arguments().stream()
                    .findFirst()
                    .ifPresent(argument -> request.setAttribute(ARGUMENT_ATTRIBUTE, argument));
            refuse(request, response, refused.reasonKey());
        } else {
            refuse(request, response, reasonKey);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException, ServletException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        request.setAttribute(REASON_ATTRIBUTE, reason);
        request.getRequestDispatcher(view).forward(request, response);
    }
}
