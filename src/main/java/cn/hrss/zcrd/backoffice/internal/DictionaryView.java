package cn.hrss.zcrd.backoffice.internal;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.backoffice.DictionaryMaintenance;
import cn.hrss.zcrd.catalog.DeclarationMethod;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.ReferenceDataChange;
import cn.hrss.zcrd.catalog.ReferenceDataKind;
import cn.hrss.zcrd.catalog.Series;
import cn.hrss.zcrd.catalog.Specialty;
import cn.hrss.zcrd.catalog.Title;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.catalog.Track;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * 系统管理 → 字典维护 ({@code /sdmanager/system/dictionary.xhtml}): choose a 职称系列 and see its titles (by level)
 * and specialties, disabled ones too; add a specialty or a title; rename, enable or disable a series, title,
 * specialty or 申报方式. Every edit goes through {@link DictionaryMaintenance} (guard, audit, catalog reload).
 */
@Component("dictionary")
@ViewScoped
public class DictionaryView implements Serializable {

    private final DictionaryMaintenance maintenance;
    private final TitleCatalog catalog;
    private String seriesCode;
    private String chosenSeries;
    private Series series;
    private List<Series> allSeries;
    private List<Track> tracks;
    private List<Title> titles;
    private List<Specialty> specialties;
    private List<DeclarationMethod> methods;
    private String specialtyTrack;
    private String specialtyName;
    private String titleLevel;
    private String titleTrack;
    private String titleName;
    private ReferenceDataKind editKind;
    private long editId;
    private String editName;
    private String editLabel;
    private final boolean mayEdit;

    DictionaryView(DictionaryMaintenance maintenance, TitleCatalog catalog) {
        this.maintenance = maintenance;
        this.catalog = catalog;
        maintenance.requireViewer();
        this.mayEdit = maintenance.mayEdit();
        String requested = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("series");
        seriesCode = requested != null && catalog.findSeries(requested).isPresent()
                ? requested
                : catalog.allSeries().stream().findFirst().map(Series::code).orElse(null);
        chosenSeries = seriesCode;
        load();
    }

    private void load() {
        allSeries = catalog.allSeries();
        series = seriesCode == null ? null : catalog.findSeries(seriesCode).orElse(null);
        tracks = series == null ? List.of() : catalog.allTracks(series.code());
        titles = series == null ? List.of() : catalog.allTitles(series.code());
        specialties = series == null ? List.of() : catalog.allSpecialties(series.code());
        methods = catalog.allDeclarationMethods();
    }

    /** 查看: shows the chosen series (the choice is its own form's, so another form's post never changes it). */
    public void show() {
        if (chosenSeries != null && catalog.findSeries(chosenSeries).isPresent()) {
            seriesCode = chosenSeries;
        }
        editKind = null;
        load();
    }

    /** 新增专业 */
    public void addSpecialty() {
        if (edit(
                "specialty",
                Set.of("track", "name"),
                () -> maintenance.addSpecialty(seriesCode, specialtyTrack, specialtyName))) {
            specialtyName = null;
        }
    }

    /** 新增职称 */
    public void addTitle() {
        if (edit(
                "title",
                Set.of("level", "track", "name"),
                () -> maintenance.addTitle(seriesCode, titleLevel, titleTrack, titleName))) {
            titleName = null;
        }
    }

    /** 重命名: opens the rename form for one row. */
    public void startRename(String kind, long id, String currentName) {
        editKind = ReferenceDataKind.valueOf(kind);
        editId = id;
        editName = currentName;
        editLabel = currentName;
    }

    /** 保存名称 */
    public void rename() {
        if (editKind != null && edit("entry", Set.of("name"), () -> maintenance.rename(editKind, editId, editName))) {
            editKind = null;
        }
    }

    /** 取消 */
    public void cancelRename() {
        editKind = null;
    }

    /** 启用 / 停用 */
    public void toggle(String kind, long id, boolean enabledNow) {
        edit("dictionary", Set.of(), () -> maintenance.setEnabled(ReferenceDataKind.valueOf(kind), id, !enabledNow));
    }

    private boolean edit(String formId, Set<String> fields, Supplier<ReferenceDataChange> work) {
        try {
            ReferenceDataChange change = work.get();
            String kind = FacesMessages.text(change.kind().messageKey());
            String key = change.before() == null
                    ? "catalog.edit.added"
                    : !change.before().equals(change.after())
                            ? "catalog.edit.renamed"
                            : change.enabled() ? "catalog.edit.enabled" : "catalog.edit.disabled";
            FacesMessages.page(FacesMessage.SEVERITY_INFO, key, kind, change.after());
            load();
            return true;
        } catch (InvalidInputException e) {
            List<FieldProblem> atFields = new ArrayList<>();
            for (FieldProblem problem : e.problems()) {
                if (fields.contains(problem.field())) {
                    atFields.add(problem);
                } else {
                    FacesMessages.page(
                            FacesMessage.SEVERITY_ERROR,
                            problem.messageKey(),
                            problem.arguments().toArray());
                }
            }
            FacesMessages.atFields(formId, atFields);
        } catch (BackOfficeAccessDeniedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        }
        return false;
    }

    /** Whether edits are possible in this session (a password session may only look). */
    public boolean isMayEdit() {
        return mayEdit;
    }

    public String levelName(String code) {
        return catalog.findLevel(code).map(Level::name).orElse(code);
    }

    public String trackName(String code) {
        return code == null ? "" : catalog.findTrack(code).map(Track::name).orElse(code);
    }

    public List<Level> getLevels() {
        return catalog.allLevels();
    }

    public List<Series> getAllSeries() {
        return allSeries;
    }

    public Series getSeries() {
        return series;
    }

    public List<Track> getTracks() {
        return tracks;
    }

    public List<Title> getTitles() {
        return titles;
    }

    public List<Specialty> getSpecialties() {
        return specialties;
    }

    public List<DeclarationMethod> getMethods() {
        return methods;
    }

    public String getChosenSeries() {
        return chosenSeries;
    }

    public void setChosenSeries(String chosenSeries) {
        this.chosenSeries = chosenSeries;
    }

    public String getSpecialtyTrack() {
        return specialtyTrack;
    }

    public void setSpecialtyTrack(String specialtyTrack) {
        this.specialtyTrack = specialtyTrack;
    }

    public String getSpecialtyName() {
        return specialtyName;
    }

    public void setSpecialtyName(String specialtyName) {
        this.specialtyName = specialtyName;
    }

    public String getTitleLevel() {
        return titleLevel;
    }

    public void setTitleLevel(String titleLevel) {
        this.titleLevel = titleLevel;
    }

    public String getTitleTrack() {
        return titleTrack;
    }

    public void setTitleTrack(String titleTrack) {
        this.titleTrack = titleTrack;
    }

    public String getTitleName() {
        return titleName;
    }

    public void setTitleName(String titleName) {
        this.titleName = titleName;
    }

    public boolean isEditing() {
        return editKind != null;
    }

    public String getEditKindKey() {
        return editKind == null ? "" : editKind.messageKey();
    }

    public String getEditLabel() {
        return editLabel;
    }

    public String getEditName() {
        return editName;
    }

    public void setEditName(String editName) {
        this.editName = editName;
    }
}
