package cn.hrss.zcrd.audit.internal;

import cn.hrss.zcrd.audit.ActorKind;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditIntegrity;
import cn.hrss.zcrd.audit.AuditOutcome;
import cn.hrss.zcrd.audit.AuditQuery;
import cn.hrss.zcrd.audit.AuditRecord;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.audit.AuthenticatedBy;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.PagedRows;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeSet;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.springframework.stereotype.Component;

/**
 * 审计日志 ({@code /sdmanager/audit.xhtml}): the system admin filters the audit trail; the table pages in the
 * database. The initial filter may come from the URL ({@code ?action=…&actor=…&method=…&outcome=…&address=…}),
 * so other pages can link to, say, one account's trail. Opening the page is itself recorded.
 */
@Component("auditView")
@ViewScoped
public class AuditView implements Serializable {

    static final String AUDIT_VIEWED = "AUDIT_VIEWED";
    private static final String ACTION_PREFIX = "audit.action.";

    private final AuditTrail trail;
    private final AuditIntegrity integrity;
    private final AuditScope scope;
    private AuditIntegrity.ChainStatus chainStatus;
    private final BusinessTime businessTime;
    private final Records records = new Records();
    private LocalDateTime from;
    private LocalDateTime to;
    private String action;
    private String actor;
    private String method;
    private String outcome;
    private String address;
    private AuditQuery applied;

    AuditView(AuditTrail trail, AuditIntegrity integrity, AuditScope scope, BusinessTime businessTime) {
        if (!AuditAccess.isSystemAdmin()) {
            trail.record(AuditEntry.action(AUDIT_VIEWED).refused().build());
            AuditAccess.requireSystemAdmin();
        }
        this.trail = trail;
        this.integrity = integrity;
        this.scope = scope;
        this.businessTime = businessTime;
        Map<String, String> parameters =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        this.action = parameters.get("action");
        this.actor = parameters.get("actor");
        this.method = parameters.get("method");
        this.outcome = parameters.get("outcome");
        this.address = parameters.get("address");
        this.applied = query();
        trail.record(AuditEntry.action(AUDIT_VIEWED).build());
    }

    /** 查询: applies the filter form and goes back to the first page. */
    public void search() {
        applied = query();
        firstPage();
    }

    /** 重置: everything again. */
    public void reset() {
        from = null;
        to = null;
        action = null;
        actor = null;
        method = null;
        outcome = null;
        address = null;
        applied = AuditQuery.all();
        firstPage();
    }

    /** The filter of the form as submitted (what 查询 applies; 导出Excel exports it). */
    public AuditQuery getFormQuery() {
        return query();
    }

    AuditQuery query() {
        return new AuditQuery(
                from == null ? null : businessTime.instant(from),
                // the picker has minutes: "to 10:30" includes 10:30:59
                to == null ? null : businessTime.instant(to.plusMinutes(1)),
                action,
                actor,
                parse(AuthenticatedBy.class, method),
                parse(AuditOutcome.class, outcome),
                address,
                null);
    }

    /** The chain-status line: head and last signed checkpoint (校验 on the integrity page). */
    public AuditIntegrity.ChainStatus getChainStatus() {
        if (chainStatus == null) {
            chainStatus = integrity.status();
        }
        return chainStatus;
    }

    public LazyDataModel<AuditRecord> getRecords() {
        return records;
    }

    /** The action codes that have a label, for the filter; the current one too if it has none. */
    public List<SelectItem> getActionOptions() {
        ResourceBundle bundle = bundle();
        TreeSet<String> codes = new TreeSet<>();
        for (String key : Collections.list(bundle.getKeys())) {
            if (key.startsWith(ACTION_PREFIX)) {
                codes.add(key.substring(ACTION_PREFIX.length()));
            }
        }
        if (action != null && !action.isBlank()) {
            codes.add(action.strip().toUpperCase(Locale.ROOT));
        }
        List<SelectItem> options = new ArrayList<>();
        for (String code : codes) {
            options.add(new SelectItem(code, actionLabel(code)));
        }
        return options;
    }

    public List<SelectItem> getMethodOptions() {
        List<SelectItem> options = new ArrayList<>();
        for (AuthenticatedBy value : AuthenticatedBy.values()) {
            options.add(new SelectItem(value.name(), label("audit.method." + value.name(), value.name())));
        }
        return options;
    }

    public List<SelectItem> getOutcomeOptions() {
        List<SelectItem> options = new ArrayList<>();
        for (AuditOutcome value : AuditOutcome.values()) {
            options.add(new SelectItem(value.name(), label("audit.outcome." + value.name(), value.name())));
        }
        return options;
    }

    public String time(AuditRecord row) {
        return businessTime.seconds(row.occurredAt());
    }

    /** The action's label from {@code audit.action.<code>}, or the code itself when no feature gave it one. */
    public String actionLabel(String code) {
        return label(ACTION_PREFIX + code, code);
    }

    public String actorKind(AuditRecord row) {
        ActorKind kind = row.actor().kind();
        return label("audit.actor." + kind.name(), kind.name());
    }

    public String methodLabel(AuditRecord row) {
        return label(
                "audit.method." + row.actor().authenticatedBy().name(),
                row.actor().authenticatedBy().name());
    }

    public String outcomeLabel(AuditRecord row) {
        return label("audit.outcome." + row.outcome().name(), row.outcome().name());
    }

    /** The detail column: one line per field, with Chinese labels ({@link AuditDetail}). */
    public List<AuditDetail.Line> details(AuditRecord row) {
        ResourceBundle bundle = bundle();
        return new AuditDetail(key -> bundle.containsKey(key) ? bundle.getString(key) : null, businessTime::seconds)
                .lines(row.detail());
    }

    /** Whether the reader is a city's admin, who sees its region's rows only. */
    public boolean isRegional() {
        return scope.isRegional();
    }

    public String target(AuditRecord row) {
        return row.target() == null
                ? ""
                : row.target().type() + " " + row.target().id();
    }

    private String label(String key, String fallback) {
        ResourceBundle bundle = bundle();
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    private static ResourceBundle bundle() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context.getApplication().getResourceBundle(context, "msg");
    }

    private static void firstPage() {
        PagedRows.firstPage("audit:records");
    }

    /** The constant named {@code text}, or null (any) for a blank or unknown one — a tampered form finds nothing new. */
    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The table's rows: one count and one page query per request, both in the database. */
    private final class Records extends LazyDataModel<AuditRecord> {

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(trail.count(applied), Integer.MAX_VALUE);
        }

        @Override
        public List<AuditRecord> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            int size = pageSize > 0 ? pageSize : AuditTrail.MAX_PAGE_SIZE;
            return trail.search(applied, first / size, size).getContent();
        }

        @Override
        public String getRowKey(AuditRecord row) {
            return Long.toString(row.id());
        }
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
