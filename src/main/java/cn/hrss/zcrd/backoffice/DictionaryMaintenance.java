package cn.hrss.zcrd.backoffice;

import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeGuard;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.audit.AuditActor;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.catalog.ReferenceDataChange;
import cn.hrss.zcrd.catalog.ReferenceDataEditor;
import cn.hrss.zcrd.catalog.ReferenceDataKind;
import cn.hrss.zcrd.catalog.Regions;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 系统管理 → 字典维护: a system admin whose scope is the whole province ({@link BackOfficeAction#EDIT_DICTIONARY};
 * the reference data is the province's, so a city bureau's admin is refused with the scope reason) adds titles and
 * specialties, renames and enables or disables rows through {@link ReferenceDataEditor}. Each edit and its audit
 * record are one transaction; bad input is refused at the field with nothing stored; the catalog is reloaded after
 * the commit, so the declaration form offers the change without a restart.
 */
@Service
public class DictionaryMaintenance {

    static final String ADDED = "DICTIONARY_ENTRY_ADDED";
    static final String RENAMED = "DICTIONARY_ENTRY_RENAMED";
    static final String ENABLED = "DICTIONARY_ENTRY_ENABLED";
    static final String DISABLED = "DICTIONARY_ENTRY_DISABLED";

    private final BackOfficeGuard guard;
    private final ReferenceDataEditor editor;
    private final Regions regions;
    private final AuditTrail trail;
    private final TransactionTemplate transaction;

    DictionaryMaintenance(
            BackOfficeGuard guard,
            ReferenceDataEditor editor,
            Regions regions,
            AuditTrail trail,
            PlatformTransactionManager transactions) {
        this.guard = guard;
        this.editor = editor;
        this.regions = regions;
        this.trail = trail;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The signed-in admin when they may edit the reference data (a system admin of the province).
     *
     * @throws cn.hrss.zcrd.account.BackOfficeAccessDeniedException otherwise (recorded)
     */
    public BackOfficeUser requireEditor() {
        return guard.requireRegion(
                BackOfficeAction.EDIT_DICTIONARY, regions.province().code());
    }

    /** The signed-in admin when they may look at the reference data (a password session too); else refuses. */
    public BackOfficeUser requireViewer() {
        return guard.requireRegion(
                BackOfficeAction.VIEW_DICTIONARY, regions.province().code());
    }

    /** Whether the signed-in admin may edit now (role and the UKEY policy). */
    public boolean mayEdit() {
        return guard.allows(BackOfficeAction.EDIT_DICTIONARY);
    }

    /** 新增专业 */
    public ReferenceDataChange addSpecialty(String seriesCode, String trackCode, String name) {
        return edit(ADDED, () -> editor.addSpecialty(seriesCode, trackCode, name));
    }

    /** 新增职称 */
    public ReferenceDataChange addTitle(String seriesCode, String levelCode, String trackCode, String name) {
        return edit(ADDED, () -> editor.addTitle(seriesCode, levelCode, trackCode, name));
    }

    /** 重命名 */
    public ReferenceDataChange rename(ReferenceDataKind kind, long id, String name) {
        return edit(RENAMED, () -> editor.rename(kind, id, name));
    }

    /** 启用 / 停用 */
    public ReferenceDataChange setEnabled(ReferenceDataKind kind, long id, boolean enabled) {
        return edit(enabled ? ENABLED : DISABLED, () -> editor.setEnabled(kind, id, enabled));
    }

    private ReferenceDataChange edit(String action, Supplier<ReferenceDataChange> work) {
        BackOfficeUser admin = requireEditor();
        return transaction.execute(status -> {
            ReferenceDataChange change = work.get();
            trail.record(AuditEntry.action(action)
                    .by(AuditActor.of(admin))
                    .target(change.kind().name(), change.id())
                    .detail(change.describe())
                    .build());
            return change;
        });
    }
}
