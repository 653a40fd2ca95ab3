package cn.hrss.zcrd.account;

import cn.hrss.zcrd.account.internal.LoginGuard;
import cn.hrss.zcrd.account.internal.PasswordPolicy;
import cn.hrss.zcrd.account.internal.PortalAccountRepository;
import cn.hrss.zcrd.account.internal.PortalAccountWriter;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Portal credentials of individuals and units: creation (by registration), password change, login. */
@Service
public class PortalAccounts {

    private final PortalAccountRepository accounts;
    private final PortalAccountWriter writer;
    private final AuthenticationProvider login;
    private final LoginGuard guard;

    PortalAccounts(
            PortalAccountRepository accounts, PortalAccountWriter writer, LoginGuard guard, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.writer = writer;
        this.guard = guard;
        this.login = new PortalAuthenticationProvider(accounts, guard, encoder);
    }

    /** The password problems of a registration form, checked before anything is stored. */
    public Optional<FieldProblem> passwordProblem(String password, String confirmation, String loginName) {
        return PasswordPolicy.check("password", password, confirmation, loginName);
    }

    /**
     * Creates the credentials of a newly registered person or unit; call inside the registration's transaction.
     *
     * @throws org.springframework.dao.DataIntegrityViolationException when the login name is taken
     */
    @Transactional
    public long create(PortalAccountKind kind, String loginName, String displayName, String rawPassword) {
        return writer.create(kind, loginName, displayName, rawPassword);
    }

    @Transactional
    public void changePassword(long accountId, String currentPassword, String newPassword, String confirmation) {
        var account = accounts.findById(accountId).orElseThrow();
        if (!writer.matches(account, currentPassword)) {
            throw new InvalidInputException(FieldProblem.of("currentPassword", "password.current-wrong"));
        }
        Optional<FieldProblem> problem =
                PasswordPolicy.check("newPassword", newPassword, confirmation, account.getLoginName());
        if (problem.isPresent()) {
            throw new InvalidInputException(List.of(problem.get()));
        }
        writer.changePassword(account, newPassword);
    }

    /** The portal's login: name + password of either kind, with lockout. */
    public AuthenticationProvider loginProvider() {
        return login;
    }

    /** Whether the next login of this name must carry a solved captcha (the login page then shows it). */
    public boolean captchaRequired(PortalAccountKind kind, String loginName) {
        String name = loginName == null ? "" : loginName.strip().toUpperCase(java.util.Locale.ROOT);
        return !name.isEmpty() && name.length() <= 64 && guard.captchaRequired(kind.name(), name);
    }
}
