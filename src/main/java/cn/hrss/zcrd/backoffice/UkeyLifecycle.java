package cn.hrss.zcrd.backoffice;

import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeGuard;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.UkeyBinding;
import cn.hrss.zcrd.account.UkeyBindings;
import cn.hrss.zcrd.account.UkeyIssuance;
import cn.hrss.zcrd.audit.AuditActor;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.backoffice.internal.DevUkeyIssuer;
import cn.hrss.zcrd.backoffice.internal.ExternalUkeyCertificates;
import cn.hrss.zcrd.backoffice.internal.ExternalUkeyRequest;
import cn.hrss.zcrd.backoffice.internal.ExternalUkeyRequestRepository;
import cn.hrss.zcrd.backoffice.internal.UkeyRequests;
import cn.hrss.zcrd.catalog.Regions;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.NotFoundException;
import cn.hrss.zcrd.shared.RefusedException;
import cn.hrss.zcrd.unit.UnitDirectory;
import cn.hrss.zcrd.web.UkeyRevocationList;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The UKEY life cycle of back-office accounts (系统管理 → UKEY), for a system admin within their region:
 * <ul>
 *   <li><b>issue</b>: a client certificate from the {@link UkeyCertificateAuthority} for a key made inside the UKEY
 *   — from its PKCS#10 request (production: the request is signed by the UKEY's key, which proves possession), or,
 *   in development and tests, in a new SoftHSM2 token made for it — bound to the account by fingerprint, issuer and
 *   serial. An account may hold several (a replacement before the old one is revoked);</li>
 *   <li><b>external-CA mode</b> ({@code zcrd.backoffice.ukey-certificates: external}): the platform does not sign
 *   the request; it keeps it ({@link #requestFromExternalCa}), the admin downloads it for the licensed CA
 *   ({@link #requestPem}) and imports the certificate the CA issued ({@link #importCertificate}), which is checked —
 *   that request's key, the configured anchors, a client-authentication certificate, not on the CA's CRL — and then
 *   bound like any other;</li>
 *   <li><b>revoke</b>: the binding stops logging in at once and its open sessions end at their next request; the
 *   certificate goes onto the CA's CRL and the TLS connector reloads it, so its next handshake fails — no
 *   restart.</li>
 * </ul>
 * Both need {@link BackOfficeAction#MANAGE_UKEYS} (by default only in a UKEY session) and are on the audit trail.
 */
@Service
public class UkeyLifecycle {

    static final String UKEY_ISSUED = "UKEY_ISSUED";
    static final String UKEY_REVOKED = "UKEY_REVOKED";
    static final String UKEY_CONFIRMED = "UKEY_CONFIRMED";
    static final String UKEY_CRL_REPUBLISHED = "UKEY_CRL_REPUBLISHED";
    static final String UKEY_REQUEST_RECORDED = "UKEY_REQUEST_RECORDED";
    static final String UKEY_REQUEST_DOWNLOADED = "UKEY_REQUEST_DOWNLOADED";
    static final String UKEY_REQUEST_WITHDRAWN = "UKEY_REQUEST_WITHDRAWN";
    private static final Logger log = LoggerFactory.getLogger(UkeyLifecycle.class);

    private final BackOfficeAccounts accounts;
    private final UkeyBindings ukeys;
    private final BackOfficeGuard guard;
    private final UkeyCertificateAuthority ca;
    private final DevUkeyIssuer devTokens;
    private final AuditTrail trail;
    private final UkeyRevocationList revocationList;
    private final Regions regions;
    private final UnitDirectory units;
    private final TransactionTemplate transaction;
    private final ExternalUkeyCertificates external;
    private final ExternalUkeyRequestRepository requests;
    private final Clock clock;

    UkeyLifecycle(
            BackOfficeAccounts accounts,
            UkeyBindings ukeys,
            BackOfficeGuard guard,
            UkeyCertificateAuthority ca,
            DevUkeyIssuer devTokens,
            AuditTrail trail,
            UkeyRevocationList revocationList,
            Regions regions,
            UnitDirectory units,
            PlatformTransactionManager transactions,
            ExternalUkeyCertificates external,
            ExternalUkeyRequestRepository requests,
            Clock clock) {
        this.accounts = accounts;
        this.ukeys = ukeys;
        this.guard = guard;
        this.ca = ca;
        this.devTokens = devTokens;
        this.trail = trail;
        this.revocationList = revocationList;
        this.regions = regions;
        this.units = units;
        this.transaction = new TransactionTemplate(transactions);
        this.external = external;
        this.requests = requests;
        this.clock = clock;
    }

    /** The account's UKEY bindings, newest first. */
    public List<UkeyBinding> bindings(long accountId) {
        BackOfficeAccount account = accountInScope(BackOfficeAction.VIEW_UKEYS, accountId);
        return ukeys.bindingsOf(account.getId());
    }

    /**
     * 待发放UKEY: the enabled accounts of the admin's region that hold no UKEY (no binding, or every one revoked),
     * oldest first — each to be issued one on its UKEY page ({@link #issueFromRequest}, {@link #issueDevToken}).
     */
    public List<UkeyTask> awaitingUkey() {
        BackOfficeUser admin = guard.require(BackOfficeAction.VIEW_UKEYS);
        List<BackOfficeAccount> waiting =
                accounts.awaitingUkey(admin.regionCode() == null ? List.of() : regions.codesWithin(admin.regionCode()));
        Map<Long, String> unitNames = units.names(waiting.stream()
                .map(BackOfficeAccount::getUnitId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return waiting.stream()
                .map(a -> new UkeyTask(
                        a.getId(),
                        a.getUsername(),
                        a.getDisplayName(),
                        a.getRole(),
                        a.getUnitId() == null ? null : unitNames.get(a.getUnitId()),
                        regions.displayPath(a.getRegionCode()),
                        a.getCreatedAt()))
                .toList();
    }

    /** Whether UKEYs can be made here as SoftHSM2 tokens (development and tests). */
    public boolean devTokensEnabled() {
        return devTokens.enabled();
    }

    /** Issues a UKEY into a new dev SoftHSM2 token (development and tests only). */
    public IssuedUkey issueDevToken(long accountId) {
        BackOfficeAccount account = accountInScope(BackOfficeAction.MANAGE_UKEYS, accountId);
        return issueIntoDevToken(account, null);
    }

    /**
     * Issues a UKEY certificate for a PKCS#10 request made inside the UKEY (PEM).
     *
     * @throws InvalidInputException (field {@code csr}) when the request is unreadable, not self-signed by its key
     *                               or has a weak key; nothing is issued
     */
    public IssuedUkey issueFromRequest(long accountId, String csrPem) {
        BackOfficeAccount account = accountInScope(BackOfficeAction.MANAGE_UKEYS, accountId);
        PublicKey key = UkeyRequests.publicKeyOf(csrPem)
                .orElseThrow(() -> new InvalidInputException(FieldProblem.of("csr", "backoffice.ukey.csr.invalid")));
        if (external.enabled()) {
            throw new RefusedException("backoffice.ukey.external.platform-does-not-sign");
        }
        X509Certificate certificate = ca.issue(key, account.getUsername());
        return bind(account, certificate, UkeyIssuance.CSR, null, null);
    }

    /** Whether UKEY certificates come from a licensed external CA ({@code zcrd.backoffice.ukey-certificates}). */
    public boolean externalCaMode() {
        return external.enabled();
    }

    /**
     * External-CA mode: keeps a UKEY's PKCS#10 request (PEM) for the licensed CA; nothing is signed here. Audited.
     *
     * @throws InvalidInputException (field {@code csr}) when the request is unreadable, not self-signed by its key
     *                               or has a weak key
     * @throws RefusedException {@code backoffice.ukey.external.disabled} when the platform's UKEY CA issues
     */
    public PendingUkeyRequest requestFromExternalCa(long accountId, String csrPem) {
        BackOfficeAccount account = accountInScope(BackOfficeAction.MANAGE_UKEYS, accountId);
        requireExternalMode();
        PublicKey key = UkeyRequests.publicKeyOf(csrPem)
                .orElseThrow(() -> new InvalidInputException(FieldProblem.of("csr", "backoffice.ukey.csr.invalid")));
        String admin = guard.require(BackOfficeAction.MANAGE_UKEYS).getUsername();
        ExternalUkeyRequest saved = transaction.execute(status -> {
            ExternalUkeyRequest request = requests.saveAndFlush(new ExternalUkeyRequest(
                    account.getId(),
                    csrPem.strip() + "\n",
                    ExternalUkeyCertificates.keyFingerprint(key),
                    admin,
                    clock.instant()));
            trail.record(AuditEntry.action(UKEY_REQUEST_RECORDED)
                    .target("UKEY_REQUEST", request.getId())
                    .detail("account=" + account.getUsername() + "; key=" + request.getKeySha256())
                    .build());
            return request;
        });
        return pending(saved);
    }

    /** External-CA mode: the account's requests waiting for the CA's certificate, newest first. */
    public List<PendingUkeyRequest> pendingRequests(long accountId) {
        BackOfficeAccount account = accountInScope(BackOfficeAction.VIEW_UKEYS, accountId);
        return requests
                .findByAccountIdAndStateOrderByIdDesc(account.getId(), ExternalUkeyRequest.State.PENDING)
                .stream()
                .map(UkeyLifecycle::pending)
                .toList();
    }

    /**
     * External-CA mode: the pending request's PKCS#10 (PEM), to take to the licensed CA. Audited.
     *
     * @throws RefusedException {@code backoffice.ukey.external.not-pending} when it waits for nothing
     */
    public String requestPem(long requestId) {
        ExternalUkeyRequest request = pendingRequest(requestId);
        trail.record(AuditEntry.action(UKEY_REQUEST_DOWNLOADED)
                .target("UKEY_REQUEST", request.getId())
                .detail("account id=" + request.getAccountId() + "; key=" + request.getKeySha256())
                .build());
        return request.getCsrPem();
    }

    /**
     * External-CA mode: imports the certificate the licensed CA issued for a pending request (PEM or DER, optionally
     * with the CA's intermediates) and binds it to the request's account. Audited {@code UKEY_ISSUED} (via
     * {@link UkeyIssuance#EXTERNAL_CA}).
     *
     * @throws RefusedException {@code backoffice.ukey.external.*}: not pending, not a certificate, for another key,
     *     not valid now, from another CA, not a client-authentication certificate, revoked, already bound — nothing
     *     is stored then
     */
    public IssuedUkey importCertificate(long requestId, byte[] upload) {
        ExternalUkeyRequest request = pendingRequest(requestId);
        BackOfficeAccount account = accountInScope(BackOfficeAction.MANAGE_UKEYS, request.getAccountId());
        X509Certificate certificate = external.check(request.getKeySha256(), upload);
        if (ukeys.isBound(certificate)) {
            throw new RefusedException("backoffice.ukey.external.already-bound");
        }
        return transaction.execute(status -> {
            ExternalUkeyRequest current = requests.findById(requestId).orElseThrow();
            if (!current.isPending()) {
                throw new RefusedException("backoffice.ukey.external.not-pending");
            }
            IssuedUkey issued = bind(account, certificate, UkeyIssuance.EXTERNAL_CA, null, null);
            current.imported(issued.binding().getId(), clock.instant());
            requests.saveAndFlush(current);
            return issued;
        });
    }

    /** External-CA mode: withdraws a pending request (e.g. the UKEY was lost before the CA answered). Audited. */
    public void withdrawRequest(long requestId) {
        ExternalUkeyRequest request = pendingRequest(requestId);
        transaction.executeWithoutResult(status -> {
            request.withdraw(clock.instant());
            requests.saveAndFlush(request);
            trail.record(AuditEntry.action(UKEY_REQUEST_WITHDRAWN)
                    .target("UKEY_REQUEST", request.getId())
                    .detail("account id=" + request.getAccountId())
                    .build());
        });
    }

    private ExternalUkeyRequest pendingRequest(long requestId) {
        guard.require(BackOfficeAction.MANAGE_UKEYS); // before anything says whether the request exists
        requireExternalMode();
        ExternalUkeyRequest request = requests.findById(requestId)
                .filter(ExternalUkeyRequest::isPending)
                .orElseThrow(() -> new RefusedException("backoffice.ukey.external.not-pending"));
        accountInScope(BackOfficeAction.MANAGE_UKEYS, request.getAccountId());
        return request;
    }

    private void requireExternalMode() {
        if (!external.enabled()) {
            throw new RefusedException("backoffice.ukey.external.disabled");
        }
    }

    private static PendingUkeyRequest pending(ExternalUkeyRequest request) {
        return new PendingUkeyRequest(
                request.getId(), request.getAccountId(), request.getRequestedAt(), request.getRequestedBy());
    }

    /**
     * Revokes a binding: no more logins with it, its sessions end, its certificate goes on the CRL and the
     * connector refuses its next handshake.
     */
    public UkeyBinding revoke(long bindingId, UkeyRevocationReason reason) {
        guard.require(BackOfficeAction.MANAGE_UKEYS); // before anything says whether the binding exists
        UkeyBinding binding = ukeys.findBinding(bindingId).orElseThrow(() -> new NotFoundException("UKEY binding"));
        accountInScope(BackOfficeAction.MANAGE_UKEYS, binding.getAccount().getId());
        if (binding.isRevoked()) {
            return binding;
        }
        UkeyBinding revoked = transaction.execute(status -> {
            UkeyBinding done = ukeys.revokeBinding(bindingId, reason.crlName()).orElseThrow();
            if (issuedByOurCa(done)) {
                ca.revoke(List.of(new UkeyCertificateAuthority.Revocation(
                        new BigInteger(done.getSerialHex(), 16), done.getRevokedAt(), reason.crlCode())));
            }
            trail.record(AuditEntry.action(UKEY_REVOKED)
                    .target("UKEY", done.getId())
                    .detail("account=" + done.getAccount().getUsername() + "; serial=" + done.getSerialHex()
                            + "; reason=" + reason.crlName())
                    .build());
            return done;
        });
        revocationList.reload();
        return revoked;
    }

    /**
     * Confirms a binding suspended by a role, unit or region change of its account: its UKEY logs in again, with the
     * account's new rights. Needs {@link BackOfficeAction#MANAGE_UKEYS} (a UKEY session by default); audited.
     */
    public UkeyBinding confirm(long bindingId) {
        guard.require(BackOfficeAction.MANAGE_UKEYS); // before anything says whether the binding exists
        UkeyBinding binding = ukeys.findBinding(bindingId).orElseThrow(() -> new NotFoundException("UKEY binding"));
        accountInScope(BackOfficeAction.MANAGE_UKEYS, binding.getAccount().getId());
        if (!binding.isSuspended()) {
            return binding;
        }
        return transaction.execute(status -> {
            UkeyBinding done = ukeys.confirmBinding(bindingId).orElseThrow();
            trail.record(AuditEntry.action(UKEY_CONFIRMED)
                    .target("UKEY", done.getId())
                    .detail("account=" + done.getAccount().getUsername() + "; serial=" + done.getSerialHex()
                            + "; role=" + done.getAccount().getRole() + "; region="
                            + done.getAccount().getRegionCode())
                    .build());
            return done;
        });
    }

    /** For {@code ops/create-admin}: a dev UKEY for an account without a signed-in admin, recorded as {@code actor}. */
    IssuedUkey issueDevTokenAsOperator(BackOfficeAccount account, AuditActor actor) {
        return issueIntoDevToken(account, actor);
    }

    /** For {@code ops/create-admin}: a certificate for a request, without a signed-in admin. */
    IssuedUkey issueFromRequestAsOperator(BackOfficeAccount account, String csrPem, AuditActor actor) {
        PublicKey key = UkeyRequests.publicKeyOf(csrPem)
                .orElseThrow(() -> new IllegalArgumentException("not a valid PKCS#10 request"));
        if (external.enabled()) {
            throw new IllegalStateException("UKEY certificates come from the external CA here"
                    + " (zcrd.backoffice.ukey-certificates: external); the platform's UKEY CA signs none");
        }
        return bind(account, ca.issue(key, account.getUsername()), UkeyIssuance.CSR, null, actor);
    }

    /**
     * For {@code ops/create-admin --csr FILE --ukey-cert CERT} in external-CA mode: the licensed CA's certificate for
     * the UKEY's request, checked as an import is ({@link ExternalUkeyCertificates#check}).
     *
     * @throws RefusedException {@code backoffice.ukey.external.*} when the certificate does not pass
     * @throws IllegalArgumentException when the request is not a valid PKCS#10 request
     */
    X509Certificate checkExternalForOperator(String csrPem, byte[] certificate) {
        PublicKey key = UkeyRequests.publicKeyOf(csrPem)
                .orElseThrow(() -> new IllegalArgumentException("not a valid PKCS#10 request"));
        if (!external.enabled()) {
            throw new IllegalStateException("zcrd.backoffice.ukey-certificates is not external");
        }
        return external.check(ExternalUkeyCertificates.keyFingerprint(key), certificate);
    }

    /** For {@code ops/create-admin}: binds a certificate from {@link #checkExternalForOperator}. */
    IssuedUkey bindExternalAsOperator(BackOfficeAccount account, X509Certificate certificate, AuditActor actor) {
        return bind(account, certificate, UkeyIssuance.EXTERNAL_CA, null, actor);
    }

    /**
     * At start: every revoked binding of this CA must be on the CRL (e.g. after {@code ops/dev-setup} made a new
     * CRL from its own database); what is missing is published again.
     */
    @EventListener(ApplicationReadyEvent.class)
    void republishMissingRevocations() {
        List<UkeyCertificateAuthority.Revocation> missing = new ArrayList<>();
        for (UkeyBinding binding : ukeys.revokedBindings()) {
            BigInteger serial = new BigInteger(binding.getSerialHex(), 16);
            if (issuedByOurCa(binding) && !ca.isRevoked(serial)) {
                missing.add(new UkeyCertificateAuthority.Revocation(
                        serial, binding.getRevokedAt(), org.bouncycastle.asn1.x509.CRLReason.unspecified));
            }
        }
        if (!missing.isEmpty()) {
            ca.revoke(missing);
            revocationList.reload();
            trail.record(AuditEntry.action(UKEY_CRL_REPUBLISHED)
                    .by(AuditActor.system("ukey-crl"))
                    .detail("entries=" + missing.size())
                    .build());
            log.warn("{} revoked UKEY(s) were missing from the CRL and were published again", missing.size());
        }
    }

    private IssuedUkey issueIntoDevToken(BackOfficeAccount account, AuditActor actor) {
        if (!devTokens.enabled()) {
            throw new IllegalStateException("dev UKEY tokens are disabled");
        }
        DevUkeyIssuer.Pending pending = devTokens.begin(account.getUsername());
        try {
            X509Certificate certificate = ca.issue(pending.publicKey(), account.getUsername());
            DevUkeyToken token = devTokens.finish(pending, certificate);
            return bind(account, certificate, UkeyIssuance.DEV_TOKEN, token, actor);
        } catch (RuntimeException e) {
            devTokens.discard(pending);
            throw e;
        }
    }

    private IssuedUkey bind(
            BackOfficeAccount account,
            X509Certificate certificate,
            UkeyIssuance issuance,
            DevUkeyToken token,
            AuditActor actor) {
        UkeyBinding binding = transaction.execute(status -> {
            UkeyBinding bound =
                    ukeys.bindUkey(account.getId(), certificate, issuance, token == null ? null : token.label());
            AuditEntry.Builder entry = AuditEntry.action(UKEY_ISSUED)
                    .target("UKEY", bound.getId())
                    .detail("account=" + account.getUsername() + "; via=" + issuance + "; serial="
                            + bound.getSerialHex() + (token == null ? "" : "; token=" + token.label()));
            if (actor != null) {
                entry.by(actor);
            }
            trail.record(entry.build());
            return bound;
        });
        return new IssuedUkey(binding, certificate, pem(certificate), token);
    }

    private boolean issuedByOurCa(UkeyBinding binding) {
        return new X500Principal(binding.getIssuerDn())
                .equals(ca.caCertificate().getSubjectX500Principal());
    }

    /** The account, when the admin may do {@code action} and the account lies in the admin's region. */
    private BackOfficeAccount accountInScope(BackOfficeAction action, long accountId) {
        return BackOfficeAdministration.inScope(guard, accounts, regions, action, accountId);
    }

    private static String pem(X509Certificate certificate) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
