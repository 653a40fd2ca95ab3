package cn.hrss.zcrd.web.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes to the log what made the container show the generic error page (系统繁忙): the user sees a Chinese page
 * without details, the operator needs the exception and the address it came from. The container forwards such
 * errors without logging them itself.
 */
@Configuration(proxyBeanMethods = false)
class UnexpectedErrorLog {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorLog.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> unexpectedErrorLogFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Logging());
        registration.addUrlPatterns(ErrorPages.GENERIC_ERROR_VIEW);
        registration.setDispatcherTypes(DispatcherType.ERROR);
        return registration;
    }

    private static final class Logging extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (failure instanceof Throwable cause) {
                LOG.error("{} {} answered {} with the error page", request.getMethod(), uri, status, cause);
            } else {
                LOG.warn("{} {} answered {} with the error page", request.getMethod(), uri, status);
            }
            chain.doFilter(request, response);
        }
    }
}
