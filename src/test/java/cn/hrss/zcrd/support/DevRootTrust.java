package cn.hrss.zcrd.support;

import java.nio.file.Files;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class (JUnit's extension auto-detection, {@code junit-platform.properties}): before any
 * test instance exists — so also before HTTP clients kept in fields are built — the JVM's default TLS context
 * trusts the dev root, as the browser of a bureau trusts the bureau's root ({@link Faces#trustDevRootByDefault}).
 * Without a dev PKI (nothing under {@code var/pki/}) it does nothing.
 */
public final class DevRootTrust implements BeforeAllCallback {

    static {
        if (Files.isReadable(DevPki.PKI.resolve("root-ca.pem"))) {
            Faces.trustDevRootByDefault();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // the static initializer did the work when JUnit loaded this extension
    }
}
