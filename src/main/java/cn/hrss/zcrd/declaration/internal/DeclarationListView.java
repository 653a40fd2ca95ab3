package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.declaration.DeclarationException;
import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.declaration.DeclarationSummary;
import cn.hrss.zcrd.declaration.Declarations;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.unit.BusinessType;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * 我的申报信息: the applicant's declarations with the actions each state allows — 详细, 确定申报, 认定表预览,
 * 查看退回意见, 撤回. The row's id travels in the request (as a plain link would); the service decides whether this
 * applicant may act on it.
 */
@Component("declarationList")
@ViewScoped
public class DeclarationListView implements Serializable {

    private final Declarations declarations;
    private final BusinessTime businessTime;
    private List<DeclarationSummary> rows;
    /** 申报年度 filter; null: every year */
    private Integer year;

    DeclarationListView(Declarations declarations, BusinessTime businessTime) {
        this.declarations = declarations;
        this.businessTime = businessTime;
        reload();
    }

    /** 确定申报 of the row named by the request parameter {@code declarationId}. */
    public void submit() {
        try {
            declarations.submit(requestedId(), user());
            PageMessages.info("declaration.page.submitted");
        } catch (DeclarationException e) {
            PageMessages.refused(e);
        }
        reload();
    }

    /** 撤回 of the row named by the request parameter {@code declarationId}: deletes a draft, closes a returned one. */
    public void withdraw() {
        try {
            PageMessages.info(DeclarationView.withdrawnKey(declarations.withdraw(requestedId(), user())));
        } catch (DeclarationException e) {
            PageMessages.refused(e);
        }
        reload();
    }

    private void reload() {
        rows = declarations.mine(user(), business());
    }

    /** The business this list shows (我的申报信息: full-time recognition). */
    protected BusinessType business() {
        return BusinessType.FULL_TIME_RECOGNITION;
    }

    /** The id sent with the action; anything unreadable is refused like someone else's declaration. */
    static long requestedId() {
        String value = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("declarationId");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new AccessDeniedException("no declaration id");
        }
    }

    private static PortalUser user() {
        return CurrentPortalUser.requireKind(PortalAccountKind.PERSON);
    }

    /** The applicant's declarations of the business, of the chosen 申报年度 (all when none is chosen). */
    public List<DeclarationSummary> getRows() {
        return year == null
                ? rows
                : rows.stream().filter(d -> d.declarationYear() == year).toList();
    }

    /** Whether the applicant has any declaration of the business (whatever the filter). */
    public boolean isAnyDeclared() {
        return !rows.isEmpty();
    }

    /** The 申报年度 choices: the years the applicant has declarations for, newest first. */
    public List<Integer> getYears() {
        return rows.stream()
                .map(DeclarationSummary::declarationYear)
                .distinct()
                .sorted(java.util.Comparator.reverseOrder())
                .toList();
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    /** 查询: the list of the chosen year (the rows are the applicant's few; filtered here). */
    public void search() {
        reload();
    }

    public boolean submittable(DeclarationSummary row) {
        return row.state() == DeclarationState.DRAFT || row.state() == DeclarationState.RETURNED;
    }

    /** The confirmation 撤回 of the row asks for (a draft is deleted, a returned declaration closed). */
    public String withdrawConfirmKey(DeclarationSummary row) {
        return DeclarationView.withdrawConfirmKey(row.state());
    }

    public boolean returned(DeclarationSummary row) {
        return row.state() == DeclarationState.RETURNED;
    }

    public String time(Instant instant) {
        return businessTime.minutes(instant);
    }
}
