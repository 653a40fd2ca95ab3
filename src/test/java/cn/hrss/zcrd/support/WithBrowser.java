package cn.hrss.zcrd.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A browser test: headless Chromium (and UKEY gateways) from {@link BrowserExtension}. Ask for a {@code WebDriver}
 * (and a {@link UkeyGateways} for the back office over UKEY) as a parameter of a test, a {@code @BeforeEach} method or
 * the constructor. Put it after {@link IntegrationTest} (or whatever makes the Spring context).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserExtension.class)
public @interface WithBrowser {}
