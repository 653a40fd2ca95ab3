package cn.hrss.zcrd.account;

import cn.hrss.zcrd.account.internal.UkeyBindingRepository;
import org.springframework.security.core.userdetails.AuthenticationUserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * The back office's UKEY login on the mutual-TLS port: the principal is the client certificate's SHA-256 fingerprint
 * (see {@link CertificateIdentity#fingerprint}); only an exact, unrevoked binding of an enabled account is accepted;
 * a suspended one is refused with {@link UkeySuspendedException}. Handed out by
 * {@link BackOfficeAuthentication#ukeyLogins()}.
 */
final class BackOfficeUkeyLogin implements AuthenticationUserDetailsService<PreAuthenticatedAuthenticationToken> {

    private final UkeyBindingRepository bindings;

    BackOfficeUkeyLogin(UkeyBindingRepository bindings) {
        this.bindings = bindings;
    }

    @Override
    public BackOfficeUser loadUserDetails(PreAuthenticatedAuthenticationToken token) {
        UkeyBinding binding = bindings.findByFingerprint(String.valueOf(token.getPrincipal()))
                .filter(b -> !b.isRevoked())
                .orElseThrow(() -> new UsernameNotFoundException("certificate bound to no account"));
        if (binding.isSuspended()) {
            throw new UkeySuspendedException();
        }
        return new BackOfficeUser(binding.getAccount(), AuthenticationMethod.UKEY, binding.getId(), false);
    }
}
