package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.shared.Decision;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The stored electronic seal of one approved impression version: claimed ({@code GENERATING}) before its key is
 * made in the token, {@code ACTIVE} once the key and the seal CA's certificate chain exist, {@code REVOKED} when the
 * bureau revoked it (its certificate is on the seal CA's CRL; the key signs nothing any more).
 */
@Entity
@Table(name = "electronic_seal")
public class ElectronicSealRecord extends SealVersionRow {

    /** The states of a stored electronic seal. */
    public enum State {
        GENERATING,
        /** external-CA mode: the key is in the token, its certificate from the licensed CA not yet imported */
        AWAITING_CERT,
        ACTIVE,
        REVOKED
    }

    /** The longest revocation reason. */
    public static final int MAX_REASON = 500;

    private static final Base64.Encoder PEM_BASE64 =
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    @Column(name = "impression_id", nullable = false, updatable = false)
    private long impressionId;

    @Column(name = "key_alias", nullable = false, updatable = false, length = 64)
    private String keyAlias;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    @Column(name = "claimed_at", nullable = false)
    private Instant claimedAt;

    @Column(name = "chain_pem", columnDefinition = "mediumtext")
    private String chainPem;

    @Column(name = "serial_hex", length = 64)
    private String serialHex;

    @Column(name = "not_after")
    private Instant notAfter;

    @Column(name = "activated_at")
    private Instant activatedAt;

    /** 吊销: by whom, when, with the reason given */
    @AttributeOverride(name = "accountId", column = @Column(name = "revoked_by"))
    @AttributeOverride(name = "name", column = @Column(name = "revoked_by_name", length = 100))
    @AttributeOverride(name = "opinion", column = @Column(name = "revocation_reason", length = MAX_REASON))
    @AttributeOverride(name = "at", column = @Column(name = "revoked_at"))
    private Decision revocation;

    @Column(name = "revocation_code")
    private Integer revocationCode;

    protected ElectronicSealRecord() {}

    /** A claim: the key {@code keyAlias} for this impression version is about to be generated. */
    ElectronicSealRecord(long impressionId, long unitId, int sealVersion, String keyAlias, Instant now) {
        super(unitId, sealVersion);
        this.impressionId = impressionId;
        this.keyAlias = keyAlias;
        this.state = State.GENERATING;
        this.claimedAt = now;
    }

    /** Takes over a claim whose node stopped before finishing it. */
    void reclaim(Instant now) {
        if (state != State.GENERATING) {
            throw new IllegalStateException("electronic seal " + getId() + " is already active");
        }
        claimedAt = now;
    }

    /** External-CA mode: the key exists in the token and waits for the certificate a system admin imports. */
    void awaitCertificate() {
        if (state != State.GENERATING) {
            throw new IllegalStateException("electronic seal " + getId() + " is " + state);
        }
        this.state = State.AWAITING_CERT;
    }

    /** The key exists in the token and {@code chain} (seal certificate first) was issued for it. */
    void activate(List<X509Certificate> chain, Instant now) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : chain) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(PEM_BASE64.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("seal certificate cannot be encoded", e);
            }
        }
        this.chainPem = pem.toString();
        this.serialHex = chain.get(0).getSerialNumber().toString(16);
        this.notAfter = chain.get(0).getNotAfter().toInstant();
        this.activatedAt = now;
        this.state = State.ACTIVE;
    }

    /** 吊销: from now on nothing is signed with it; {@code code} is the RFC 5280 CRLReason put on the CRL. */
    void revoke(long accountId, String accountName, int code, String reason, Instant now) {
        if (state != State.ACTIVE) {
            throw new IllegalStateException("electronic seal " + getId() + " is " + state);
        }
        this.state = State.REVOKED;
        this.revocation = new Decision(accountId, accountName, reason, now);
        this.revocationCode = code;
    }

    /** The stored chain, seal certificate first. */
    @SuppressWarnings("unchecked")
    List<X509Certificate> chain() {
        if (chainPem == null) {
            throw new IllegalStateException("electronic seal " + getId() + " has no certificate yet");
        }
        try {
            return List.copyOf((java.util.Collection<X509Certificate>) CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(chainPem.getBytes(StandardCharsets.US_ASCII))));
        } catch (CertificateException e) {
            throw new IllegalStateException("stored chain of electronic seal " + getId() + " cannot be read", e);
        }
    }

    boolean isRevoked() {
        return state == State.REVOKED;
    }

    boolean isAwaitingCertificate() {
        return state == State.AWAITING_CERT;
    }

    boolean isActive() {
        return state == State.ACTIVE;
    }

    boolean claimedBefore(Instant instant) {
        return claimedAt.isBefore(instant);
    }

    public long getImpressionId() {
        return impressionId;
    }

    public String getKeyAlias() {
        return keyAlias;
    }

    public State getState() {
        return state;
    }

    public String getSerialHex() {
        return serialHex;
    }

    public Instant getActivatedAt() {
        return activatedAt;
    }

    public Instant getNotAfter() {
        return notAfter;
    }

    /** 吊销 with its reason ({@link Decision#NONE} while in use). */
    public Decision getRevocation() {
        return Decision.orNone(revocation);
    }

    public Integer getRevocationCode() {
        return revocationCode;
    }
}
