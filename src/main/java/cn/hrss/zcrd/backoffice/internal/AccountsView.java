package cn.hrss.zcrd.backoffice.internal;

import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.backoffice.BackOfficeAdministration;
import cn.hrss.zcrd.catalog.Regions;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.util.List;
import org.springframework.stereotype.Component;

/** 系统管理 → 后台用户 ({@code /sdmanager/system/accounts.xhtml}): the accounts of the admin's region. */
@Component("accountsView")
@ViewScoped
public class AccountsView implements Serializable {

    private final BackOfficeAdministration administration;
    private final Regions regions;
    private String text;
    private List<Row> rows;

    AccountsView(BackOfficeAdministration administration, Regions regions) {
        this.administration = administration;
        this.regions = regions;
        search();
    }

    /** 查询 */
    public void search() {
        rows = administration.search(text).stream().map(this::row).toList();
    }

    private Row row(BackOfficeAccount account) {
        return new Row(
                account.getId(),
                account.getUsername(),
                account.getDisplayName(),
                "backoffice.role." + account.getRole().name(),
                account.getRegionCode() == null ? "" : regions.displayPath(account.getRegionCode()),
                account.isEnabled(),
                account.hasPassword(),
                account.isTotpEnrolled());
    }

    /** One line of the list. */
    public record Row(
            long id,
            String username,
            String displayName,
            String roleKey,
            String region,
            boolean enabled,
            boolean fallback,
            boolean totp)
            implements Serializable {}

    public List<Row> getRows() {
        return rows;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
