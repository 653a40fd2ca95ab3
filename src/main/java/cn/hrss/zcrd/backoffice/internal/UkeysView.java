package cn.hrss.zcrd.backoffice.internal;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.UkeyBinding;
import cn.hrss.zcrd.backoffice.BackOfficeAdministration;
import cn.hrss.zcrd.backoffice.IssuedUkey;
import cn.hrss.zcrd.backoffice.UkeyLifecycle;
import cn.hrss.zcrd.backoffice.UkeyRevocationReason;
import cn.hrss.zcrd.backoffice.UkeyTask;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.Downloads;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.RefusedException;
import cn.hrss.zcrd.shared.RequestedIds;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.primefaces.model.StreamedContent;
import org.springframework.stereotype.Component;

/**
 * 系统管理 → UKEY ({@code /sdmanager/system/ukeys.xhtml?account=…}): an account's UKEY certificates, issuing a new
 * one (from the UKEY's certificate request, or in development into a new SoftHSM2 token) and revoking one; in
 * external-CA mode the request is kept for the licensed CA, downloaded and the CA's certificate imported. These
 * actions need a UKEY session by default; a fallback session sees the list and the reason why not. Without an
 * account chosen: 待发放UKEY, the accounts of the admin's region that hold no UKEY, each linked to its UKEY page.
 */
@Component("ukeysView")
@ViewScoped
public class UkeysView implements Serializable {

    private final UkeyLifecycle ukeys;
    private final boolean devTokens;
    private final boolean externalCa;
    private final BusinessTime businessTime;
    private Long accountId;
    private String username;
    private String displayName;
    private List<Row> rows = List.of();
    private String csr;
    private String reason = UkeyRevocationReason.KEY_COMPROMISE.name();
    private IssuedView issued;
    private List<PendingRow> pending = List.of();
    private String certificate;
    private List<TaskRow> tasks = List.of();

    UkeysView(UkeyLifecycle ukeys, BackOfficeAdministration administration, BusinessTime businessTime) {
        this.ukeys = ukeys;
        this.businessTime = businessTime;
        this.devTokens = ukeys.devTokensEnabled();
        this.externalCa = ukeys.externalCaMode();
        Optional<Long> requested = RequestedIds.optional("account");
        if (requested.isPresent()) {
            BackOfficeAccount account = administration.account(requested.get());
            accountId = account.getId();
            username = account.getUsername();
            displayName = account.getDisplayName();
            refresh();
        } else {
            tasks = ukeys.awaitingUkey().stream()
                    .map(task -> new TaskRow(task, businessTime.minutes(task.since())))
                    .toList();
        }
    }

    private void refresh() {
        rows = ukeys.bindings(accountId).stream().map(this::row).toList();
        pending = externalCa
                ? ukeys.pendingRequests(accountId).stream()
                        .map(r -> new PendingRow(r.id(), businessTime.minutes(r.requestedAt()), r.requestedBy()))
                        .toList()
                : List.of();
    }

    private Row row(UkeyBinding binding) {
        return new Row(
                binding.getId(),
                binding.getSerialHex(),
                binding.getSubjectDn(),
                binding.getIssuerDn(),
                businessTime.minutes(binding.getBoundAt()),
                businessTime.minutes(binding.getNotAfter()),
                binding.getIssuedVia() == null ? "" : binding.getIssuedVia().name(),
                binding.getTokenLabel(),
                binding.isRevoked(),
                binding.isRevoked() ? businessTime.minutes(binding.getRevokedAt()) : null,
                binding.getRevocationReason(),
                binding.isSuspended());
    }

    /** 签发UKEY（开发令牌） */
    public void issueDevToken() {
        act(() -> {
            IssuedUkey done = ukeys.issueDevToken(accountId);
            issued = new IssuedView(
                    done.binding().getSerialHex(),
                    done.devToken().label(),
                    done.devToken().sunPkcs11Config().toString(),
                    done.devToken().pinFile().toString(),
                    null);
            FacesMessages.page(FacesMessage.SEVERITY_INFO, "backoffice.ukey.issued");
        });
    }

    /** 根据证书请求签发 */
    public void issueFromRequest() {
        act(() -> {
            IssuedUkey done = ukeys.issueFromRequest(accountId, csr);
            issued = new IssuedView(done.binding().getSerialHex(), null, null, null, done.certificatePem());
            csr = null;
            FacesMessages.page(FacesMessage.SEVERITY_INFO, "backoffice.ukey.issued");
        });
    }

    /** 提交证书请求 (external-CA mode): the request is kept for the licensed CA. */
    public void recordRequest() {
        act(() -> {
            ukeys.requestFromExternalCa(accountId, csr);
            csr = null;
            FacesMessages.page(FacesMessage.SEVERITY_INFO, "backoffice.ukey.external.recorded");
        });
    }

    /** 下载证书请求 (external-CA mode): the pending request's PKCS#10 file. */
    public StreamedContent request(long requestId) {
        try {
            return Downloads.certificationRequest("ukey-" + requestId + ".csr", ukeys.requestPem(requestId));
        } catch (BackOfficeAccessDeniedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        } catch (RefusedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        }
        return null;
    }

    /** 导入证书 (external-CA mode): the certificate (PEM) the licensed CA issued for request {@code requestId}. */
    public void importCertificate(long requestId) {
        act(() -> {
            byte[] upload = certificate == null ? new byte[0] : certificate.getBytes(StandardCharsets.US_ASCII);
            try {
                IssuedUkey done = ukeys.importCertificate(requestId, upload);
                issued = new IssuedView(done.binding().getSerialHex(), null, null, null, null);
                certificate = null;
                FacesMessages.page(FacesMessage.SEVERITY_INFO, "backoffice.ukey.external.imported");
            } catch (RefusedException e) {
                // at the certificate field: what is wrong with the pasted certificate
                FacesMessages.atFields(
                        "ukeys",
                        List.of(FieldProblem.of(
                                "certificate", e.messageKey(), e.arguments().toArray())));
            }
        });
    }

    /** 撤回请求 (external-CA mode) */
    public void withdrawRequest(long requestId) {
        act(() -> {
            ukeys.withdrawRequest(requestId);
            FacesMessages.page(FacesMessage.SEVERITY_INFO, "backoffice.ukey.external.withdrawn");
        });
    }

    /** 注销 */
    public void revoke(long bindingId) {
        act(() -> {
            ukeys.revoke(bindingId, UkeyRevocationReason.valueOf(reason));
            FacesMessages.page(FacesMessage.SEVERITY_INFO, "backoffice.ukey.revoked");
        });
    }

    /** 确认 (a binding suspended by a role, unit or region change) */
    public void confirm(long bindingId) {
        act(() -> {
            ukeys.confirm(bindingId);
            FacesMessages.page(FacesMessage.SEVERITY_INFO, "backoffice.ukey.confirmed");
        });
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            FacesMessages.atFields("ukeys", e.problems());
        } catch (BackOfficeAccessDeniedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        } catch (RefusedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        }
        refresh();
    }

    public List<SelectItem> getReasonOptions() {
        return Arrays.stream(UkeyRevocationReason.values())
                .map(r -> new SelectItem(r.name(), FacesMessages.text("backoffice.ukey.reason." + r.name())))
                .toList();
    }

    /** One UKEY certificate of the account. */
    public record Row(
            long id,
            String serial,
            String subject,
            String issuer,
            String boundAt,
            String notAfter,
            String issuedVia,
            String tokenLabel,
            boolean revoked,
            String revokedAt,
            String reason,
            boolean suspended)
            implements Serializable {}

    /** A request waiting for the licensed CA's certificate (external-CA mode). */
    public record PendingRow(long id, String requestedAt, String requestedBy) implements Serializable {}

    /** One account waiting for its UKEY, with the time it was made as shown. */
    public record TaskRow(UkeyTask task, String since) implements Serializable {}

    public List<TaskRow> getTasks() {
        return tasks;
    }

    /** What was just issued (shown once). */
    public record IssuedView(String serial, String tokenLabel, String config, String pinFile, String certificatePem)
            implements Serializable {}

    public boolean isAccountChosen() {
        return accountId != null;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public List<Row> getRows() {
        return rows;
    }

    public boolean isDevTokens() {
        return devTokens;
    }

    public boolean isExternalCa() {
        return externalCa;
    }

    public List<PendingRow> getPending() {
        return pending;
    }

    public String getCertificate() {
        return certificate;
    }

    public void setCertificate(String certificate) {
        this.certificate = certificate;
    }

    public String getCsr() {
        return csr;
    }

    public void setCsr(String csr) {
        this.csr = csr;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public IssuedView getIssued() {
        return issued;
    }
}
