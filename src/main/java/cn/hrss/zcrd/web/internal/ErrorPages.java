package cn.hrss.zcrd.web.internal;

import org.springframework.boot.web.error.ErrorPage;
import org.springframework.boot.web.error.ErrorPageRegistrar;
import org.springframework.boot.web.error.ErrorPageRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Every error ends on a Chinese page of the application, never on a container page or a stack trace. */
@Component
class ErrorPages implements ErrorPageRegistrar {

    @Override
    public void registerErrorPages(ErrorPageRegistry registry) {
        registry.addErrorPages(
                new ErrorPage(HttpStatus.NOT_FOUND, "/errors/not-found.xhtml"),
                new ErrorPage(HttpStatus.FORBIDDEN, "/errors/refused.xhtml"),
                new ErrorPage("/errors/error.xhtml"));
    }
}
