package cn.hrss.zcrd.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The application's password encoder, counted: every {@code matches} call per raw password, so a test can tell how
 * many tries of one password reached the password check (the real encoder still answers). Installed in the test
 * context by {@link IntegrationTestInitializer}.
 */
public final class CountingPasswordEncoder implements PasswordEncoder {

    private static final Map<String, AtomicInteger> CHECKS = new ConcurrentHashMap<>();

    private final PasswordEncoder real;

    private CountingPasswordEncoder(PasswordEncoder real) {
        this.real = real;
    }

    /** How often the password check compared {@code rawPassword} so far. */
    public static int checksOf(String rawPassword) {
        AtomicInteger checks = CHECKS.get(rawPassword);
        return checks == null ? 0 : checks.get();
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return real.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        CHECKS.computeIfAbsent(String.valueOf(rawPassword), p -> new AtomicInteger())
                .incrementAndGet();
        return real.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return real.upgradeEncoding(encodedPassword);
    }

    /** Wraps the {@code PasswordEncoder} bean. */
    static final class Wrapper implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof PasswordEncoder encoder && !(bean instanceof CountingPasswordEncoder)
                    ? new CountingPasswordEncoder(encoder)
                    : bean;
        }
    }
}
