package cn.hrss.zcrd.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A UKEY client certificate bound to a back-office account, matched exactly by its SHA-256 fingerprint
 * (issuer and serial are kept too, unique, for revocation and display) — never by a name pattern.
 */
@Entity
@Table(name = "ukey_binding")
public class UkeyBinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    private BackOfficeAccount account;

    @Column(name = "cert_sha256", nullable = false, unique = true, length = 64)
    private String certificateSha256;

    @Column(name = "issuer_dn", nullable = false, length = 500)
    private String issuerDn;

    @Column(name = "serial_hex", nullable = false, length = 64)
    private String serialHex;

    @Column(name = "subject_dn", nullable = false, length = 500)
    private String subjectDn;

    @Column(name = "not_after", nullable = false)
    private Instant notAfter;

    @Column(name = "bound_at", nullable = false)
    private Instant boundAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "issued_via", length = 16)
    private UkeyIssuance issuedVia;

    @Column(name = "token_label", length = 64)
    private String tokenLabel;

    @Column(name = "revocation_reason", length = 32)
    private String revocationReason;

    @Column(name = "suspended_at")
    private Instant suspendedAt;

    protected UkeyBinding() {}

    UkeyBinding(BackOfficeAccount account, CertificateIdentity identity, Instant now) {
        this.account = account;
        this.certificateSha256 = identity.sha256();
        this.issuerDn = identity.issuerDn();
        this.serialHex = identity.serialHex();
        this.subjectDn = identity.subjectDn();
        this.notAfter = identity.notAfter();
        this.boundAt = now;
    }

    UkeyBinding(
            BackOfficeAccount account,
            CertificateIdentity identity,
            UkeyIssuance issuedVia,
            String tokenLabel,
            Instant now) {
        this(account, identity, now);
        this.issuedVia = issuedVia;
        this.tokenLabel = tokenLabel;
    }

    /** Suspended after a role, unit or region change of its account: no login until a system admin confirms it. */
    void suspend(Instant now) {
        if (revokedAt == null && suspendedAt == null) {
            this.suspendedAt = now;
        }
    }

    void confirm() {
        this.suspendedAt = null;
    }

    void revoke(String reason, Instant now) {
        this.revokedAt = now;
        this.revocationReason = reason;
    }

    public Long getId() {
        return id;
    }

    public BackOfficeAccount getAccount() {
        return account;
    }

    public String getCertificateSha256() {
        return certificateSha256;
    }

    public String getSubjectDn() {
        return subjectDn;
    }

    public String getSerialHex() {
        return serialHex;
    }

    public String getIssuerDn() {
        return issuerDn;
    }

    public Instant getNotAfter() {
        return notAfter;
    }

    public Instant getBoundAt() {
        return boundAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    /** How the certificate came to be; null for bindings made before this was recorded. */
    public UkeyIssuance getIssuedVia() {
        return issuedVia;
    }

    /** The label of the dev SoftHSM2 token that holds the key (dev and tests only), else null. */
    public String getTokenLabel() {
        return tokenLabel;
    }

    /** The CRL reason code name (e.g. {@code keyCompromise}) of a revoked binding. */
    public String getRevocationReason() {
        return revocationReason;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** When the binding was suspended (a role, unit or region change), or null when it is not. */
    public Instant getSuspendedAt() {
        return suspendedAt;
    }

    public boolean isSuspended() {
        return suspendedAt != null && revokedAt == null;
    }

    /** Logs its holder in: neither revoked nor suspended. */
    public boolean isUsable() {
        return revokedAt == null && suspendedAt == null;
    }
}
