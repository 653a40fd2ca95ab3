package cn.hrss.zcrd.shared;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/** What a faces page's backing bean needs to know of the request it handles. */
public final class FacesRequests {

    private FacesRequests() {}

    /** The client address: the TCP peer (forwarded headers are trusted only through the container's valve). */
    public static String clientAddress() {
        return request().getRemoteAddr();
    }

    /** A request parameter by its plain name (e.g. {@link Captcha#FIELD}, which the widget names itself). */
    public static String parameter(String name) {
        return FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get(name);
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
