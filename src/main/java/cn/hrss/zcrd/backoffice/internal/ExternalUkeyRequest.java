package cn.hrss.zcrd.backoffice.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A UKEY's PKCS#10 request waiting for the licensed CA's certificate ({@code zcrd.backoffice.ukey-certificates:
 * external}); the certificate imported for it must certify exactly {@link #getKeySha256() its key}.
 */
@Entity
@Table(name = "external_ukey_request")
public class ExternalUkeyRequest {

    /** Where the request stands. */
    public enum State {
        PENDING,
        IMPORTED,
        WITHDRAWN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "csr_pem", nullable = false, columnDefinition = "mediumtext")
    private String csrPem;

    @Column(name = "key_sha256", nullable = false, length = 64)
    private String keySha256;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "requested_by", length = 64)
    private String requestedBy;

    @Column(name = "binding_id")
    private Long bindingId;

    @Column(name = "done_at")
    private Instant doneAt;

    protected ExternalUkeyRequest() {}

    public ExternalUkeyRequest(long accountId, String csrPem, String keySha256, String requestedBy, Instant now) {
        this.accountId = accountId;
        this.csrPem = csrPem;
        this.keySha256 = keySha256;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.state = State.PENDING;
    }

    public void imported(long bindingId, Instant now) {
        this.state = State.IMPORTED;
        this.bindingId = bindingId;
        this.doneAt = now;
    }

    public void withdraw(Instant now) {
        this.state = State.WITHDRAWN;
        this.doneAt = now;
    }

    public boolean isPending() {
        return state == State.PENDING;
    }

    public Long getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getCsrPem() {
        return csrPem;
    }

    public String getKeySha256() {
        return keySha256;
    }

    public State getState() {
        return state;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Long getBindingId() {
        return bindingId;
    }
}
