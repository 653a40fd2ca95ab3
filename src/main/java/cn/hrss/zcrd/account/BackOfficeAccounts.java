package cn.hrss.zcrd.account;

import cn.hrss.zcrd.account.internal.BackOfficeAccountRepository;
import cn.hrss.zcrd.account.internal.UkeyBindingRepository;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.userdetails.AuthenticationUserDetailsService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Back-office accounts, their UKEY bindings, and how a login (password or UKEY) finds its account. */
@Service
public class BackOfficeAccounts {

    private final BackOfficeAccountRepository accounts;
    private final UkeyBindingRepository bindings;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    BackOfficeAccounts(BackOfficeAccountRepository accounts, UkeyBindingRepository bindings,
                       PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.bindings = bindings;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional
    public BackOfficeAccount create(String username, String displayName, BackOfficeRole role, String rawPassword) {
        return accounts.save(new BackOfficeAccount(username, displayName, role,
                rawPassword == null ? null : passwordEncoder.encode(rawPassword), clock.instant()));
    }

    @Transactional
    public UkeyBinding bindUkey(long accountId, X509Certificate certificate) {
        BackOfficeAccount account = accounts.findById(accountId).orElseThrow();
        return bindings.save(new UkeyBinding(account, CertificateIdentity.of(certificate), clock.instant()));
    }

    @Transactional(readOnly = true)
    public Optional<BackOfficeAccount> findByUsername(String username) {
        return accounts.findByUsername(username);
    }

    @Transactional(readOnly = true)
    public List<UkeyBinding> bindingsOf(long accountId) {
        return bindings.findByAccountId(accountId);
    }

    @Transactional(readOnly = true)
    public boolean isBound(X509Certificate certificate) {
        return bindings.findByFingerprint(CertificateIdentity.fingerprint(certificate)).isPresent();
    }

    /** Form login on the ordinary port: the account by username, with its password hash. */
    public UserDetailsService passwordLogins() {
        return username -> accounts.findByUsername(username)
                .filter(account -> account.getPasswordHash() != null)
                .map(account -> new BackOfficeUser(account, AuthenticationMethod.PASSWORD))
                .orElseThrow(() -> new UsernameNotFoundException("no password login"));
    }

    /**
     * UKEY login on the mutual-TLS port: the principal is the client certificate's SHA-256 fingerprint (see
     * {@link CertificateIdentity#fingerprint}); only an exact, unrevoked binding of an enabled account is accepted.
     */
    public AuthenticationUserDetailsService<PreAuthenticatedAuthenticationToken> ukeyLogins() {
        return token -> bindings.findByFingerprint(String.valueOf(token.getPrincipal()))
                .filter(binding -> !binding.isRevoked())
                .map(binding -> new BackOfficeUser(binding.getAccount(), AuthenticationMethod.UKEY))
                .orElseThrow(() -> new UsernameNotFoundException("certificate bound to no account"));
    }
}
