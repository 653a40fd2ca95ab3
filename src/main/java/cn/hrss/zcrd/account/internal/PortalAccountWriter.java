package cn.hrss.zcrd.account.internal;

import cn.hrss.zcrd.account.PortalAccountKind;
import java.time.Clock;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Stores portal credentials, hashing passwords with the delegating encoder. */
@Component
public class PortalAccountWriter {

    private final PortalAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;

    PortalAccountWriter(PortalAccountRepository accounts, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
    }

    public long create(PortalAccountKind kind, String loginName, String displayName, String rawPassword) {
        PortalAccount account =
                new PortalAccount(kind, loginName, displayName, encoder.encode(rawPassword), clock.instant());
        return accounts.saveAndFlush(account).getId();
    }

    public boolean matches(PortalAccount account, String rawPassword) {
        return rawPassword != null && encoder.matches(rawPassword, account.passwordHash());
    }

    public void changePassword(PortalAccount account, String rawPassword) {
        account.changePassword(encoder.encode(rawPassword), clock.instant());
    }
}
