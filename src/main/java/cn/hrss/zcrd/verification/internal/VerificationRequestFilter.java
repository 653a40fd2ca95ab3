package cn.hrss.zcrd.verification.internal;

import cn.hrss.zcrd.shared.RateLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * In front of everything else (even Spring Security) on {@code /verify/*} and {@code /api/verify/*}: the limit
 * {@code verification} per client address (429 with {@code Retry-After} and a message), and a request body announced larger than the upload limit allows
 * (413 with a message; the body is read and dropped up to {@code discard-limit} so the client can read the answer,
 * never kept). Neither reaches the multipart parser, the session or the verifier.
 */
class VerificationRequestFilter extends OncePerRequestFilter {

    /** Room for the multipart framing and the other form fields around the file. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final RateLimit limit;
    private final VerificationProperties properties;
    private final VerificationMessages messages;

    VerificationRequestFilter(RateLimit limit, VerificationProperties properties, VerificationMessages messages) {
        this.limit = limit;
        this.properties = properties;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimit.Decision decision = limit.tryTake(request.getRemoteAddr());
        if (!decision.allowed()) {
            response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            refuse(request, response, 429, "RATE_LIMITED", messages.text(request, "verify.rate-limited"));
            return;
        }
        long announced = request.getContentLengthLong();
        if (announced > properties.maxUploadBytes() + MULTIPART_OVERHEAD) {
            boolean drained = announced <= properties.discardLimit() && drain(request.getInputStream(), announced);
            if (!drained) {
                response.setHeader("Connection", "close");
            }
            refuse(
                    request,
                    response,
                    413,
                    "TOO_LARGE",
                    messages.text(
                            request,
                            "verify.problem.TOO_LARGE",
                            VerificationMessages.size(properties.maxUploadBytes())));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean drain(ServletInputStream in, long announced) {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        try {
            int n;
            while (read < announced && (n = in.read(buffer)) > 0) {
                read += n;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private void refuse(
            HttpServletRequest request, HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        byte[] body;
        if (isApi(request)) {
            response.setContentType("application/json;charset=UTF-8");
            body = ("{\"error\":\"" + code + "\",\"message\":\""
                            + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType("text/html;charset=UTF-8");
            body = VerificationPage.messagePage(messages, request, HtmlUtils.htmlEscape(message))
                    .getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
