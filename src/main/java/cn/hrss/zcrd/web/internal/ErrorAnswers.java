package cn.hrss.zcrd.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.util.HtmlUtils;

/**
 * The error answer for what goes wrong before or outside a page: a body too large (413), a malformed or cut-off
 * upload (400), a wrong content type (415) or method (405), and any error of the JSON API. Rendered without JSF
 * (the faces error page cannot render for a request whose multipart body is what failed — the container then fell
 * back to its English page), as JSON under {@code /api/} and as a small Chinese page elsewhere, with the status
 * kept. Registered by {@link ErrorPages}.
 */
@Controller
class ErrorAnswers {

    static final String PATH = "/errors/answer";

    private final MessageSource messages;

    ErrorAnswers(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping(PATH)
    ResponseEntity<String> answer(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        // an upload that failed while a filter read the parameters arrives here as the exception, status 500
        // (possibly wrapped by the filter that met it: the causes are looked through)
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        for (Throwable t = failure instanceof Throwable f ? f : null; t != null; t = t.getCause()) {
            if (t instanceof MaxUploadSizeExceededException) {
                status = 413;
                break;
            }
            if (t instanceof MultipartException) {
                status = 400;
                break;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();
        Locale locale = TooManyRequests.locale(request);
        String key = switch (status) {
            case 400 -> "errors.answer.bad-request";
            case 404 -> "errors.answer.not-found";
            case 405 -> "errors.answer.method";
            case 413 -> "errors.answer.too-large";
            case 415 -> "errors.answer.media-type";
            default -> "errors.error.text";
        };
        String message = messages.getMessage(key, null, String.valueOf(status), locale);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).header("Cache-Control", "no-store");
        if (status == 413 || status == 400) {
            // the rest of the body was not read: do not let the container read it to keep the connection
            answer.header("Connection", "close");
        }
        if (path.startsWith(request.getContextPath() + "/api/")) {
            return answer.contentType(MediaType.APPLICATION_JSON)
                    .body("{\"error\":\"" + errorName(status) + "\",\"message\":\""
                            + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        }
        String title = HtmlUtils.htmlEscape(messages.getMessage("app.name", null, "", locale));
        String home = HtmlUtils.htmlEscape(messages.getMessage("errors.home", null, "", locale));
        return answer.contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body("<!DOCTYPE html><html lang=\"" + (Locale.ENGLISH.equals(locale) ? "en" : "zh-CN")
                        + "\"><head><meta charset=\"UTF-8\"/><title>" + title + "</title></head><body>"
                        + "<h1>" + title + "</h1><p id=\"error-text\">" + HtmlUtils.htmlEscape(message) + "</p>"
                        + "<p><a href=\"" + HtmlUtils.htmlEscape(request.getContextPath()) + "/rsrc/\">" + home
                        + "</a></p></body></html>");
    }

    private static String errorName(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "ERROR";
        };
    }
}
