package cn.hrss.zcrd.backoffice.internal;

import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.account.BackOfficeCredentials;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.TotpEnrolment;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.NewPassword;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * {@code /sdmanager/setup.xhtml}: the first fallback login (or the first after a reset) chooses its own password
 * and enrols a TOTP authenticator from the QR code; a code from the app confirms it. Then the session continues
 * with the account's role (new session id). Until then the session can open nothing else.
 */
@Component("setupView")
@ViewScoped
public class SetupView implements Serializable {

    static final String SETUP_COMPLETED = "BACKOFFICE_FALLBACK_ENROLLED";
    private static final String PENDING_ENROLMENT = SetupView.class.getName() + ".enrolment.";

    private final BackOfficeCredentials credentials;
    private final AuditTrail trail;
    private final long accountId;
    private final boolean passwordRequired;
    private final TotpEnrolment enrolment;
    private final String qrCode;
    private final NewPassword newPassword = new NewPassword();
    private String code;

    SetupView(BackOfficeAccounts accounts, BackOfficeCredentials credentials, AuditTrail trail) {
        this.credentials = credentials;
        this.trail = trail;
        BackOfficeUser user = BackOfficeUser.current()
                .filter(BackOfficeUser::isSetupPending)
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("not in set-up"));
        BackOfficeAccount account = accounts.find(user.getAccountId()).orElseThrow();
        this.accountId = account.getId();
        this.passwordRequired = account.isPasswordChangeRequired();
        this.enrolment = pendingEnrolment(credentials, accountId);
        this.qrCode = QrCodes.pngDataUri(enrolment.uri());
    }

    /** One secret per session until it is confirmed: reloading the page does not spoil a QR code already scanned. */
    private static TotpEnrolment pendingEnrolment(BackOfficeCredentials credentials, long accountId) {
        Map<String, Object> session =
                FacesContext.getCurrentInstance().getExternalContext().getSessionMap();
        String key = PENDING_ENROLMENT + accountId;
        if (!(session.get(key) instanceof TotpEnrolment pending)) {
            TotpEnrolment fresh = credentials.newTotpEnrolment(accountId);
            session.put(key, fresh);
            return fresh;
        }
        return pending;
    }

    /** 完成设置: stores password and authenticator, then continues the session with the account's rights. */
    public void complete() throws IOException {
        BackOfficeUser user;
        try {
            user = credentials.completeSetup(
                    accountId, newPassword.getPassword(), newPassword.getConfirmation(), enrolment, code);
        } catch (InvalidInputException e) {
            FacesMessages.atFields("setup", e.problems());
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        UsernamePasswordAuthenticationToken authentication =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        authentication.setDetails(new WebAuthenticationDetails(request.getRemoteAddr(), null));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        external.getSessionMap().remove(PENDING_ENROLMENT + accountId);
        request.changeSessionId();
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
        trail.record(AuditEntry.action(SETUP_COMPLETED)
                .target("BACKOFFICE_ACCOUNT", accountId)
                .detail("password-changed=" + passwordRequired + "; totp=enrolled")
                .build());
        external.redirect(external.getRequestContextPath() + "/sdmanager/index.xhtml");
    }

    public boolean isPasswordRequired() {
        return passwordRequired;
    }

    public String getQrCode() {
        return qrCode;
    }

    /** The secret in groups of four, for typing into an app by hand. */
    public String getSecret() {
        return enrolment.secret().replaceAll("(.{4})(?!$)", "$1 ");
    }

    public NewPassword getNewPassword() {
        return newPassword;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
