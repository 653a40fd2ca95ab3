package cn.hrss.zcrd.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * {@code @ExtendWith(SignsOut.class)}: after each test the test thread holds no signed-in user, for tests that call
 * services as a signed-in user ({@link RegionalStaff#signIn()}).
 */
public final class SignsOut implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        SecurityContextHolder.clearContext();
    }
}
