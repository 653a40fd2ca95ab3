package cn.hrss.zcrd.support;

import cn.hrss.zcrd.web.ConnectorPorts;

/**
 * The addresses of the application's faces in a test: one place that knows which listener serves which face, so
 * every test reaches the portal, the password back office, verification and the UKEY back office the way a user
 * would, whatever ports and schemes they run on.
 */
public final class Faces {

    private Faces() {}

    /** The portal, the password fallback of the back office, {@code /verify/} and {@code /api/verify/}. */
    public static String publicBase(ConnectorPorts ports) {
        return "http://127.0.0.1:" + ports.httpPort();
    }

    /** The UKEY back office (mutual TLS). */
    public static String ukeyBase(ConnectorPorts ports) {
        return "https://localhost:" + ports.ukeyPort();
    }

    /** A cookie-keeping session on the public face. */
    public static BrowserlessSession publicSession(ConnectorPorts ports) {
        return new BrowserlessSession(publicBase(ports));
    }
}
