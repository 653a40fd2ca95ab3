package cn.hrss.zcrd.shared;

/**
 * What a URL names does not exist (or its id is no id at all): every face answers it with status 404 and its
 * Chinese "not found" page ({@code web.internal.NotFoundAnswers}), never the generic error page. Thrown by page
 * beans and services for ids taken from a URL ({@link RequestedIds}); a record that exists but is someone else's
 * may be refused with an access refusal (403) instead.
 */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what) {
        super(what, null, false, false);
    }
}
