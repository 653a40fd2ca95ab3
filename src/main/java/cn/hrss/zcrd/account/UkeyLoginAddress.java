package cn.hrss.zcrd.account;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where a back-office user logs in with a UKEY (the mutual-TLS face), as told to users: on the password login page,
 * in every "needs a UKEY" refusal and on an issuing unit's portal page. From {@code zcrd.backoffice.ukey-url}
 * (production: the address users reach, e.g. behind a proxy); the default names this node's UKEY listener
 * ({@code local.server.port}, so also its random port in tests). Read at each call: the listening port is known only
 * after the server started.
 */
@Component("ukeyLoginAddress")
public class UkeyLoginAddress {

    static final String PROPERTY = "zcrd.backoffice.ukey-url";
    private static final String DEFAULT = "https://localhost:${local.server.port:${server.port:8443}}/sdmanager/";

    private final Environment environment;

    UkeyLoginAddress(Environment environment) {
        this.environment = environment;
    }

    /** The UKEY face's back-office address, e.g. {@code https://zcrd.example.gov.cn:8443/sdmanager/}. */
    public String url() {
        String configured = environment.getProperty(PROPERTY);
        return environment.resolvePlaceholders(configured == null || configured.isBlank() ? DEFAULT : configured);
    }

    /** For EL: {@code #{ukeyLoginAddress.url}}. */
    public String getUrl() {
        return url();
    }
}
