package cn.hrss.zcrd.web.internal;

import jakarta.faces.application.ViewExpiredException;
import org.primefaces.csp.CspException;
import org.springframework.boot.web.error.ErrorPage;
import org.springframework.boot.web.error.ErrorPageRegistrar;
import org.springframework.boot.web.error.ErrorPageRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartException;

/** Every error ends on a Chinese page of the application, never on a container page or a stack trace. */
@Component
class ErrorPages implements ErrorPageRegistrar {

    static final String GENERIC_ERROR_VIEW = "/errors/error.xhtml";
    private static final String EXPIRED_VIEW = "/errors/expired.xhtml";

    @Override
    public void registerErrorPages(ErrorPageRegistry registry) {
        registry.addErrorPages(
                new ErrorPage(HttpStatus.NOT_FOUND, "/errors/not-found.xhtml"),
                new ErrorPage(HttpStatus.FORBIDDEN, "/errors/refused.xhtml"),
                // answers that must not depend on JSF (the failed request may be an unreadable upload)
                new ErrorPage(HttpStatus.BAD_REQUEST, ErrorAnswers.PATH),
                new ErrorPage(HttpStatus.METHOD_NOT_ALLOWED, ErrorAnswers.PATH),
                new ErrorPage(HttpStatus.PAYLOAD_TOO_LARGE, ErrorAnswers.PATH),
                new ErrorPage(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorAnswers.PATH),
                new ErrorPage(MultipartException.class, ErrorAnswers.PATH),
                // a form of a page whose state is gone, or sent without the page's CSP nonce (also in web.xml,
                // where OmniFaces reads them for ajax requests)
                new ErrorPage(ViewExpiredException.class, EXPIRED_VIEW),
                new ErrorPage(CspException.class, EXPIRED_VIEW),
                new ErrorPage(GENERIC_ERROR_VIEW));
    }
}
