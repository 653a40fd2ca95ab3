package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.shared.RateLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every multipart request (an upload: declaration attachments, seal images, PDFs to verify) costs a token of the
 * limit {@code upload} of its client address before anything reads its body — the first filter of all, so a flood
 * of uploads never reaches the multipart parser, Spring Security or a session. Over the budget: 429.
 */
final class UploadLimitFilter extends OncePerRequestFilter {

    private final RateLimit limit;
    private final MessageSource messages;

    UploadLimitFilter(RateLimit limit, MessageSource messages) {
        this.limit = limit;
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimit.Decision decision = limit.tryTake(request.getRemoteAddr());
        if (!decision.allowed()) {
            TooManyRequests.answer(request, response, decision, messages, true);
            return;
        }
        chain.doFilter(request, response);
    }
}
