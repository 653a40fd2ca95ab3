package cn.hrss.zcrd.backoffice.internal;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.BackOfficeAccounts.CreatedAccount;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.NewBackOfficeAccount;
import cn.hrss.zcrd.backoffice.BackOfficeAdministration;
import cn.hrss.zcrd.catalog.Bureau;
import cn.hrss.zcrd.catalog.Regions;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.RefusedException;
import cn.hrss.zcrd.shared.RequestedIds;
import cn.hrss.zcrd.unit.UnitDirectory;
import cn.hrss.zcrd.unit.UnitSummary;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * One back-office account ({@code /sdmanager/system/account.xhtml?id=…}; without id: 新增后台用户): name, role,
 * scope (a bureau's region, or an issuing unit), the non-UKEY fallback, disable/enable. A one-time password is shown
 * once, right after it was made.
 */
@Component("accountView")
@ViewScoped
public class AccountView implements Serializable {

    private final BackOfficeAdministration administration;
    private final Regions regions;
    private final UnitDirectory units;
    private Long id;
    private String username;
    private String displayName;
    private String role = BackOfficeRole.BUREAU_REVIEWER.name();
    private String regionCode;
    private String unitText;
    private Long unitId;
    private boolean passwordFallback = true;
    private boolean enabled = true;
    private boolean hasPassword;
    private boolean totpEnrolled;
    private boolean mustChangePassword;
    private boolean self;
    private String oneTimePassword;
    private String reason;

    AccountView(BackOfficeAdministration administration, Regions regions, UnitDirectory units) {
        this.administration = administration;
        this.regions = regions;
        this.units = units;
        Optional<Long> requested = RequestedIds.optional("id");
        if (requested.isPresent()) {
            load(administration.account(requested.get()));
        } else {
            regionCode =
                    BackOfficeUser.current().map(BackOfficeUser::regionCode).orElse(null);
        }
    }

    private void load(BackOfficeAccount account) {
        id = account.getId();
        username = account.getUsername();
        displayName = account.getDisplayName();
        role = account.getRole().name();
        regionCode = account.getRegionCode();
        unitId = account.getUnitId();
        unitText = administration.unit(unitId).map(UnitSummary::name).orElse(null);
        enabled = account.isEnabled();
        hasPassword = account.hasPassword();
        totpEnrolled = account.isTotpEnrolled();
        mustChangePassword = account.isPasswordChangeRequired();
        self = BackOfficeUser.current()
                .map(BackOfficeUser::getAccountId)
                .filter(account.getId()::equals)
                .isPresent();
    }

    /** 保存: creates the account or changes it. */
    public void save() {
        NewBackOfficeAccount form =
                new NewBackOfficeAccount(username, displayName, roleValue(), regionCode, unitId, passwordFallback);
        act(() -> {
            if (id == null) {
                BackOfficeAdministration.Creation creation = administration.create(form, reason);
                if (creation.requested() != null) {
                    FacesMessages.page(FacesMessage.SEVERITY_INFO, "backoffice.account.admin-requested", username);
                    return;
                }
                CreatedAccount created = creation.created();
                load(created.account());
                oneTimePassword = created.oneTimePassword();
                FacesMessages.page(FacesMessage.SEVERITY_INFO, "backoffice.account.created");
            } else {
                BackOfficeAdministration.Change change = administration.update(id, form, reason);
                if (change.requested() != null) {
                    FacesMessages.page(FacesMessage.SEVERITY_INFO, "backoffice.account.elevation-requested", username);
                    return;
                }
                load(change.updated());
                FacesMessages.page(FacesMessage.SEVERITY_INFO, "backoffice.account.saved");
            }
        });
    }

    /** 停用 / 启用 */
    public void toggleEnabled() {
        act(() -> {
            load(administration.setEnabled(id, !enabled));
            FacesMessages.page(
                    FacesMessage.SEVERITY_INFO,
                    enabled ? "backoffice.account.enabled-now" : "backoffice.account.disabled-now");
        });
    }

    /** 重置非UKEY登录 */
    public void resetFallback() {
        act(() -> {
            oneTimePassword = administration.resetFallback(id);
            load(administration.account(id));
            FacesMessages.page(FacesMessage.SEVERITY_INFO, "backoffice.account.fallback-reset");
        });
    }

    /** 取消非UKEY登录 */
    public void removeFallback() {
        act(() -> {
            administration.removeFallback(id);
            load(administration.account(id));
            FacesMessages.page(FacesMessage.SEVERITY_INFO, "backoffice.account.fallback-removed");
        });
    }

    /** Units whose name contains the typed text (for the unit picker). */
    public List<String> completeUnit(String query) {
        return units.search(query, 0, 15).units().stream()
                .map(unit -> unit.name() + " #" + unit.id())
                .toList();
    }

    /** The unit picked: {@code name #id}. */
    public void setUnitText(String unitText) {
        this.unitText = unitText;
        this.unitId = null;
        if (unitText != null) {
            int hash = unitText.lastIndexOf(" #");
            String digits =
                    hash < 0 ? unitText.strip() : unitText.substring(hash + 2).strip();
            if (digits.matches("\\d{1,18}")) {
                unitId = Long.parseLong(digits);
            }
        }
    }

    /** Regions that have a bureau and lie in the admin's scope. */
    public List<SelectItem> getRegionOptions() {
        return regions.bureaus().stream()
                .filter(bureau -> administrationCovers(bureau))
                .map(bureau -> new SelectItem(
                        bureau.regionCode(), regions.displayPath(bureau.regionCode()) + " (" + bureau.name() + ")"))
                .toList();
    }

    public List<SelectItem> getRoleOptions() {
        return Arrays.stream(BackOfficeRole.values())
                .map(r -> new SelectItem(r.name(), FacesMessages.text("backoffice.role." + r.name())))
                .toList();
    }

    private boolean administrationCovers(Bureau bureau) {
        String scope = BackOfficeUser.current().map(BackOfficeUser::regionCode).orElse(null);
        return scope != null && regions.isWithin(bureau.regionCode(), scope);
    }

    private BackOfficeRole roleValue() {
        try {
            return role == null ? null : BackOfficeRole.valueOf(role);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            FacesMessages.atFields("account", e.problems());
        } catch (BackOfficeAccessDeniedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        } catch (RefusedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal()); // approval.already-pending
        }
    }

    /** 申请理由: why a new system admin is needed (the four-eyes request's reason). */
    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public boolean isCreating() {
        return id == null;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getUnitText() {
        return unitText;
    }

    public boolean isPasswordFallback() {
        return passwordFallback;
    }

    public void setPasswordFallback(boolean passwordFallback) {
        this.passwordFallback = passwordFallback;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isHasPassword() {
        return hasPassword;
    }

    public boolean isTotpEnrolled() {
        return totpEnrolled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public boolean isSelf() {
        return self;
    }

    public String getOneTimePassword() {
        return oneTimePassword;
    }

    public String getRegionPath() {
        return regionCode == null ? "" : regions.displayPath(regionCode);
    }
}
