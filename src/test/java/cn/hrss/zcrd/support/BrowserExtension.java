package cn.hrss.zcrd.support;

import cn.hrss.zcrd.web.ConnectorPorts;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.WebDriver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Owns headless Chromium and the UKEY gateways of the browser tests ({@link WithBrowser}).
 *
 * <p>One Chromium serves every browser test of a test JVM: started by the first, quit when the JVM's tests are done
 * (the root context's store closes it), started anew when a test left it dead. Between tests it forgets what the last
 * one did — every cookie of every site (a UKEY gateway's session on {@code localhost} included), its other windows,
 * its window size — and shows {@code about:blank}. After each test the browser console is read: a script error, a
 * Content-Security-Policy violation or a resource that did not load fails the test ({@link Browser#consoleProblems}).
 *
 * <p>Parameters: {@link WebDriver} (the shared browser) and {@link UkeyGateways} (this test's gateways to the
 * mutual-TLS port, all closed after the test).
 */
public final class BrowserExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        // what the last test's clean-up left in the console is not this test's
        Browser.consoleProblems(shared(context).driver());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> problems = shared(context).forget();
        if (!problems.isEmpty()) {
            throw new AssertionError("the browser console reported errors:\n" + String.join("\n", problems));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == WebDriver.class || type == UkeyGateways.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == WebDriver.class) {
            return shared(context).driver();
        }
        // one set per test method (closed with the method's store), or per class when a constructor asks
        return context.getStore(NAMESPACE)
                .computeIfAbsent(
                        UkeyGateways.class,
                        key -> new UkeyGateways(SpringExtension.getApplicationContext(context)
                                .getBean(ConnectorPorts.class)
                                .ukeyPort()),
                        UkeyGateways.class);
    }

    private static SharedChromium shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(SharedChromium.class);
    }

    /** The JVM's one Chromium. */
    static final class SharedChromium implements AutoCloseable {

        private WebDriver driver;

        synchronized WebDriver driver() {
            if (driver != null && !Browser.alive(driver)) {
                quit();
            }
            if (driver == null) {
                driver = Browser.start();
            }
            return driver;
        }

        /** The console's problems since the last look; then back to a blank browser (a fresh one if that fails). */
        synchronized List<String> forget() {
            if (driver == null) {
                return List.of();
            }
            try {
                List<String> problems = Browser.consoleProblems(driver);
                Browser.forget(driver);
                return problems;
            } catch (RuntimeException broken) {
                quit();
                return List.of();
            }
        }

        @Override
        public synchronized void close() {
            quit();
        }

        private void quit() {
            try {
                driver.quit();
            } catch (RuntimeException alreadyGone) {
                // nothing to quit
            } finally {
                driver = null;
            }
        }
    }
}
