package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.shared.NotFoundException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The one answer to an id in a URL that names nothing: a {@link NotFoundException} thrown anywhere below — a faces
 * page bean, a service, a download controller — becomes status 404 and the faces page {@code /errors/not-found.xhtml}
 * (registered in {@link ErrorPages}; during an ajax request OmniFaces renders the same page from {@code web.xml}).
 * Innermost filter, so it sees the exception before the container would make a 500 of it.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
final class NotFoundAnswers extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(NotFoundAnswers.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!notFound(e) || response.isCommitted()) {
                throw e;
            }
            log.debug("not found: {} {}", request.getRequestURI(), e.toString());
            response.resetBuffer();
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    static boolean notFound(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NotFoundException) {
                return true;
            }
        }
        return false;
    }

    /** Spring MVC's side: a path variable that is no number, or a {@link NotFoundException} of a controller. */
    @ControllerAdvice
    static final class Controllers {

        @ExceptionHandler(MethodArgumentTypeMismatchException.class)
        void typeMismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response) throws IOException {
            response.sendError(
                    e.getParameter().hasParameterAnnotation(PathVariable.class)
                            ? HttpServletResponse.SC_NOT_FOUND
                            : HttpServletResponse.SC_BAD_REQUEST);
        }

        @ExceptionHandler(NotFoundException.class)
        void notFound(HttpServletResponse response) throws IOException {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
