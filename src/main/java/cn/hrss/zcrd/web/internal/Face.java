package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.web.ConnectorPorts;

/**
 * The three faces of the application, each with its own session cookie: the portal and the password back office
 * on the ordinary listener (told apart by path), the UKEY back office on the mutual-TLS listener. A session made by
 * one face is never accepted by another ({@link FaceSessions}).
 */
enum Face {
    PORTAL("ZCRD_PORTAL", "/", "p-"),
    PASSWORD_BACK_OFFICE("ZCRD_SDM", "/sdmanager", "s-"),
    UKEY_BACK_OFFICE("ZCRD_UKEY", "/", "u-");

    private final String cookieName;
    private final String cookiePath;
    private final String sessionIdMark;

    Face(String cookieName, String cookiePath, String sessionIdMark) {
        this.cookieName = cookieName;
        this.cookiePath = cookiePath;
        this.sessionIdMark = sessionIdMark;
    }

    /** How the ids of this face's sessions begin: a session id of another face is never looked up. */
    String sessionIdMark() {
        return sessionIdMark;
    }

    /** The session cookie's name on this face. */
    String cookieName() {
        return cookieName;
    }

    /** The session cookie's path below the context path ({@code /} or the back office's {@code /sdmanager}). */
    String cookiePath() {
        return cookiePath;
    }

    /**
     * The face a request is for: the UKEY port, else the back office's path, else the portal (the security filter
     * chains draw the same lines). {@code path} is the decoded, normalised path below the context path.
     */
    static Face of(int localPort, String path, ConnectorPorts ports) {
        if (ports.isUkeyPort(localPort)) {
            return UKEY_BACK_OFFICE;
        }
        if (path != null && (path.equals("/sdmanager") || path.startsWith("/sdmanager/"))) {
            return PASSWORD_BACK_OFFICE;
        }
        return PORTAL;
    }
}
