package cn.hrss.zcrd.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The integration tier: the whole application on random ports (UKEY TLS, public HTTPS and plain HTTP), a fresh MariaDB database
 * ({@link TestDatabase}), the dev SoftHSM2 token and PKI of {@code ops/dev-setup}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "zcrd.http.port=0",
            "zcrd.https.port=0",
            "zcrd.http.address=127.0.0.1",
            "zcrd.dev.specimen-enabled=true",
            "zcrd.ukey.dev-tokens.enabled=true",
            "zcrd.ukey.dev-tokens.directory=target/test-ukeys"
        })
@ActiveProfiles("mysql")
@ContextConfiguration(initializers = IntegrationTestInitializer.class)
public @interface IntegrationTest {}
