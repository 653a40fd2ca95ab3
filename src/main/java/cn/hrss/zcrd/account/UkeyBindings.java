package cn.hrss.zcrd.account;

import cn.hrss.zcrd.account.internal.BackOfficeAccountRepository;
import cn.hrss.zcrd.account.internal.UkeyBindingRepository;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The UKEY bindings of back-office accounts: which client certificate logs in as which account, revoked or suspended
 * (after a change of the account's role, unit or region) bindings, and the revoked ones the UKEY CA's CRL lists.
 * Trusted, low-level API like {@link BackOfficeAccounts}; the {@code backoffice} module's {@code UkeyLifecycle}
 * checks the admin, issues the certificate and audits.
 */
@Service
public class UkeyBindings {

    private final BackOfficeAccountRepository accounts;
    private final UkeyBindingRepository bindings;
    private final Clock clock;

    UkeyBindings(BackOfficeAccountRepository accounts, UkeyBindingRepository bindings, Clock clock) {
        this.accounts = accounts;
        this.bindings = bindings;
        this.clock = clock;
    }

    @Transactional
    public UkeyBinding bindUkey(long accountId, X509Certificate certificate) {
        return bindUkey(accountId, certificate, UkeyIssuance.BOUND, null);
    }

    @Transactional
    public UkeyBinding bindUkey(long accountId, X509Certificate certificate, UkeyIssuance issuance, String tokenLabel) {
        BackOfficeAccount account = accounts.require(accountId);
        return bindings.save(
                new UkeyBinding(account, CertificateIdentity.of(certificate), issuance, tokenLabel, clock.instant()));
    }

    /**
     * Marks the binding revoked: from now on its certificate logs nobody in and its open sessions end at their next
     * request. (Publishing the certificate on the CA's CRL is the caller's part.)
     *
     * @return the binding, or empty when there is none with this id
     */
    @Transactional
    public Optional<UkeyBinding> revokeBinding(long bindingId, String reason) {
        Optional<UkeyBinding> binding = bindings.findWithAccount(bindingId);
        binding.filter(b -> !b.isRevoked()).ifPresent(b -> b.revoke(reason, clock.instant()));
        return binding;
    }

    /**
     * Lifts the suspension of a binding (after its account's role, unit or region changed): its UKEY logs in again.
     *
     * @return the binding, or empty when there is none with this id
     */
    @Transactional
    public Optional<UkeyBinding> confirmBinding(long bindingId) {
        Optional<UkeyBinding> binding = bindings.findWithAccount(bindingId);
        binding.filter(UkeyBinding::isSuspended).ifPresent(UkeyBinding::confirm);
        return binding;
    }

    @Transactional(readOnly = true)
    public Optional<UkeyBinding> findBinding(long bindingId) {
        return bindings.findWithAccount(bindingId);
    }

    @Transactional(readOnly = true)
    public List<UkeyBinding> bindingsOf(long accountId) {
        return bindings.findByAccountNewestFirst(accountId);
    }

    /** Every revoked binding (what the UKEY CA's CRL must list). */
    @Transactional(readOnly = true)
    public List<UkeyBinding> revokedBindings() {
        return bindings.findRevoked();
    }

    @Transactional(readOnly = true)
    public boolean isBound(X509Certificate certificate) {
        return bindings.findByFingerprint(CertificateIdentity.fingerprint(certificate))
                .isPresent();
    }
}
