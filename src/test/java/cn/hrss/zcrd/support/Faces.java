package cn.hrss.zcrd.support;

import cn.hrss.zcrd.web.ConnectorPorts;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;

/**
 * The addresses of the application's faces in a test: one place that knows which listener serves which face, so
 * every test reaches the portal, the password back office, verification and the UKEY back office the way a user
 * would, whatever ports and schemes they run on.
 *
 * <p>The public face is HTTPS with the dev server certificate (issued by the dev root of {@code ops/dev-setup}); the
 * JVM's default TLS context of the tests trusts that root (and only it), as a browser of the bureau would, so every
 * HTTP client of the tests reaches the faces without switching verification off.
 */
public final class Faces {

    static {
        trustDevRootByDefault();
    }

    private Faces() {}

    /** The portal, the password fallback of the back office, {@code /verify/} and {@code /api/verify/}. */
    public static String publicBase(ConnectorPorts ports) {
        return "https://127.0.0.1:" + ports.httpsPort();
    }

    /** Plain HTTP: {@code /pki/}; everything else answers a redirect to {@link #publicBase}. */
    public static String plainHttpBase(ConnectorPorts ports) {
        return "http://127.0.0.1:" + ports.httpPort();
    }

    /** The management server (not a face): health probes and metrics, on loopback. */
    public static String managementBase(ConnectorPorts ports) {
        return "http://127.0.0.1:" + ports.managementPort();
    }

    /** The UKEY back office (mutual TLS). */
    public static String ukeyBase(ConnectorPorts ports) {
        return "https://localhost:" + ports.ukeyPort();
    }

    /** A cookie-keeping session on the public face. */
    public static BrowserlessSession publicSession(ConnectorPorts ports) {
        return new BrowserlessSession(publicBase(ports));
    }

    /** Makes the dev root the trust anchor of {@link SSLContext#getDefault()} in this JVM (idempotent). */
    public static synchronized void trustDevRootByDefault() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, DevPki.rootTrustManagers(), null);
            SSLContext.setDefault(context);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("the dev root (var/pki/root-ca.pem) cannot be trusted", e);
        }
    }
}
