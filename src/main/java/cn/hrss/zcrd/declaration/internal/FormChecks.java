package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.catalog.DeclarationMethod;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.Title;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.declaration.BasicInfo;
import cn.hrss.zcrd.declaration.EducationRecord;
import cn.hrss.zcrd.declaration.Performance;
import cn.hrss.zcrd.declaration.TransferInfo;
import cn.hrss.zcrd.declaration.WorkRecord;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Field checks of the module forms: each problem at its field (the record component's name; list entries as
 * {@code education[0].school}), all of them at once, as an {@link InvalidInputException}. Returns the values as they
 * will be stored (text stripped, blank text as {@code null}). The cascade is checked against the catalog server-side,
 * whatever the page offered.
 */
@Component
public class FormChecks {

    public static final int MAX_TEXT = 100;
    public static final int MAX_ACHIEVEMENTS = 4000;
    public static final int MAX_EDUCATION_ENTRIES = 10;
    public static final int MAX_WORK_ENTRIES = 20;
    private static final Pattern DIPLOMA_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,50}");

    private final TitleCatalog catalog;
    private final UnitLookup units;

    FormChecks(TitleCatalog catalog, UnitLookup units) {
        this.catalog = catalog;
        this.units = units;
    }

    /** The checked basic form and the series of its title. */
    public record CheckedBasic(BasicInfo basic, String seriesCode) {}

    public CheckedBasic basic(BasicInfo form, LocalDate today) {
        Problems p = new Problems();
        Integer year = form.declarationYear();
        if (year == null) {
            p.add("declarationYear", "field.required");
        } else if (year < today.getYear() - 1 || year > today.getYear() + 1) {
            p.add(
                    "declarationYear",
                    "declaration.year.range",
                    String.valueOf(today.getYear() - 1),
                    String.valueOf(today.getYear() + 1));
        }

        Optional<Level> level = level(
                p, form.levelCode(), l -> l.enabled() && l.fullTimeRecognition(), "declaration.level.not-recognisable");

        Optional<Title> title = title(
                p,
                form.titleId(),
                level.isPresent(),
                t -> t.enabled() && t.levelCode().equals(level.get().code()),
                "declaration.title.not-offered");

        specialty(p, form.specialtyId(), title);

        if (form.declarationMethodId() == null) {
            p.add("declarationMethodId", "field.required");
        } else if (level.isPresent()) {
            String levelCode = level.get().code();
            Optional<DeclarationMethod> method = catalog.findDeclarationMethod(form.declarationMethodId())
                    .filter(m -> m.enabled() && m.levelCode().equals(levelCode));
            if (method.isEmpty()) {
                p.add("declarationMethodId", "declaration.method.not-for-level");
            }
        }

        declaringUnit(p, form.declaringUnitId());
        Long workUnitId = null;
        if (form.declaringUnitIsWorkUnit() == null) {
            p.add("declaringUnitIsWorkUnit", "field.required");
        } else if (!form.declaringUnitIsWorkUnit()) {
            workUnitId = form.workUnitId();
            if (workUnitId == null) {
                p.add("workUnitId", "declaration.work-unit.required");
            } else if (workUnitId.equals(form.declaringUnitId())) {
                p.add("workUnitId", "declaration.work-unit.same");
            } else if (!units.exists(workUnitId)) {
                p.add("workUnitId", "declaration.unit.unknown");
            } else if (!units.verified(workUnitId)) {
                p.add("workUnitId", "declaration.unit.unverified");
            }
        }

        p.pastDate("workStartDate", form.workStartDate(), today, true);
        p.pastDate("professionalWorkStartDate", form.professionalWorkStartDate(), today, true);
        if (form.workStartDate() != null
                && form.professionalWorkStartDate() != null
                && form.professionalWorkStartDate().isBefore(form.workStartDate())) {
            p.add("professionalWorkStartDate", "declaration.date.professional-before-work");
        }
        String school = p.text("graduationSchool", form.graduationSchool(), MAX_TEXT, true);
        p.pastDate("graduationDate", form.graduationDate(), today, true);
        if (form.education() == null) {
            p.add("education", "field.required");
        }
        String major = p.text("majorStudied", form.majorStudied(), MAX_TEXT, true);
        String position = p.text("currentPosition", form.currentPosition(), MAX_TEXT, false);
        p.throwIfAny();

        BasicInfo checked = new BasicInfo(
                year,
                level.orElseThrow().code(),
                form.titleId(),
                form.specialtyId(),
                form.declarationMethodId(),
                form.declaringUnitId(),
                form.declaringUnitIsWorkUnit(),
                workUnitId,
                form.workStartDate(),
                form.professionalWorkStartDate(),
                school,
                form.graduationDate(),
                form.education(),
                major,
                position);
        return new CheckedBasic(checked, title.orElseThrow().seriesCode());
    }

    public static final int MAX_PROVINCE = 30;
    public static final int MAX_CERTIFICATE_NUMBER = 50;

    /** The level: required, and one {@code usable} accepts (else {@code unusableKey}); empty when it is not. */
    private Optional<Level> level(Problems p, String levelCode, Predicate<Level> usable, String unusableKey) {
        if (blank(levelCode)) {
            p.add("levelCode", "field.required");
            return Optional.empty();
        }
        Optional<Level> level = catalog.findLevel(levelCode).filter(usable);
        if (level.isEmpty()) {
            p.add("levelCode", unusableKey);
        }
        return level;
    }

    /**
     * The title: required, and (once {@code checkable}: what it depends on is known) one {@code offered} accepts,
     * else {@code notOfferedKey}; empty when it is not, or not checked.
     */
    private Optional<Title> title(
            Problems p, Long titleId, boolean checkable, Predicate<Title> offered, String notOfferedKey) {
        if (titleId == null) {
            p.add("titleId", "field.required");
            return Optional.empty();
        }
        if (!checkable) {
            return Optional.empty();
        }
        Optional<Title> title = catalog.findTitle(titleId).filter(offered);
        if (title.isEmpty()) {
            p.add("titleId", notOfferedKey);
        }
        return title;
    }

    /** The declaring unit: required, known and verified. */
    private void declaringUnit(Problems p, Long declaringUnitId) {
        if (declaringUnitId == null) {
            p.add("declaringUnitId", "field.required");
        } else if (!units.exists(declaringUnitId)) {
            p.add("declaringUnitId", "declaration.unit.unknown");
        } else if (!units.verified(declaringUnitId)) {
            p.add("declaringUnitId", "declaration.unit.unverified");
        }
    }

    /** The specialty: required, and one the title offers (once the title is known). */
    private void specialty(Problems p, Long specialtyId, Optional<Title> title) {
        if (specialtyId == null) {
            p.add("specialtyId", "field.required");
        } else if (title.isPresent() && !catalog.offers(title.get().id(), specialtyId)) {
            p.add("specialtyId", "declaration.specialty.not-offered");
        }
    }

    /**
     * The transfer-in form (外地调入确认): the title held must be a catalog title of the chosen series and level (any
     * level) offering the specialty; 取得时间 ≤ 调入时间 ≤ today; the declaring unit verified.
     */
    public TransferInfo transfer(TransferInfo form, LocalDate today) {
        Problems p = new Problems();
        if (blank(form.seriesCode())) {
            p.add("seriesCode", "field.required");
        } else if (catalog.findSeries(form.seriesCode()).isEmpty()) {
            p.add("seriesCode", "declaration.series.unknown");
        }
        Optional<Level> level = level(p, form.levelCode(), Level::enabled, "declaration.level.unknown");
        Optional<Title> title = title(
                p,
                form.titleId(),
                level.isPresent() && !blank(form.seriesCode()),
                t -> t.enabled()
                        && t.levelCode().equals(form.levelCode())
                        && t.seriesCode().equals(form.seriesCode()),
                "declaration.transfer.title-not-in-catalog");
        specialty(p, form.specialtyId(), title);
        if (form.obtainedBy() == null) {
            p.add("obtainedBy", "field.required");
        }
        String authority = p.text("issuingAuthority", form.issuingAuthority(), MAX_TEXT, true);
        String authorityProvince = p.text("authorityProvince", form.authorityProvince(), MAX_PROVINCE, true);
        String number = p.text("certificateNumber", form.certificateNumber(), MAX_CERTIFICATE_NUMBER, true);
        p.pastDate("obtainedOn", form.obtainedOn(), today, true);
        String previousUnit = p.text("previousUnit", form.previousUnit(), MAX_TEXT, true);
        String previousProvince = p.text("previousProvince", form.previousProvince(), MAX_PROVINCE, true);
        p.pastDate("transferDate", form.transferDate(), today, true);
        if (form.obtainedOn() != null
                && form.transferDate() != null
                && form.transferDate().isBefore(form.obtainedOn())) {
            p.add("transferDate", "declaration.transfer.before-obtained");
        }
        declaringUnit(p, form.declaringUnitId());
        p.throwIfAny();
        return new TransferInfo(
                form.seriesCode(),
                form.levelCode(),
                form.titleId(),
                form.specialtyId(),
                form.obtainedBy(),
                authority,
                authorityProvince,
                number,
                form.obtainedOn(),
                previousUnit,
                previousProvince,
                form.transferDate(),
                form.declaringUnitId());
    }

    public List<EducationRecord> education(List<EducationRecord> entries, LocalDate today) {
        Problems p = new Problems();
        if (entries.size() > MAX_EDUCATION_ENTRIES) {
            p.add("education", "declaration.entries.too-many", String.valueOf(MAX_EDUCATION_ENTRIES));
            p.throwIfAny();
        }
        List<EducationRecord> checked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            EducationRecord e = entries.get(i);
            String at = "education[" + i + "].";
            String school = p.text(at + "school", e.school(), MAX_TEXT, true);
            String major = p.text(at + "major", e.major(), MAX_TEXT, true);
            if (e.level() == null) {
                p.add(at + "level", "field.required");
            }
            if (e.degree() == null) {
                p.add(at + "degree", "field.required");
            }
            p.pastDate(at + "startDate", e.startDate(), today, true);
            p.pastDate(at + "endDate", e.endDate(), today, true);
            p.order(at + "endDate", e.startDate(), e.endDate());
            String diploma = p.text(at + "diplomaNumber", e.diplomaNumber(), 50, true);
            if (diploma != null && !DIPLOMA_NUMBER.matcher(diploma).matches()) {
                p.add(at + "diplomaNumber", "declaration.diploma-number.format");
            }
            checked.add(new EducationRecord(school, major, e.level(), e.degree(), e.startDate(), e.endDate(), diploma));
        }
        p.throwIfAny();
        return checked;
    }

    public List<WorkRecord> work(List<WorkRecord> entries, LocalDate today) {
        Problems p = new Problems();
        if (entries.size() > MAX_WORK_ENTRIES) {
            p.add("work", "declaration.entries.too-many", String.valueOf(MAX_WORK_ENTRIES));
            p.throwIfAny();
        }
        List<WorkRecord> checked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            WorkRecord w = entries.get(i);
            String at = "work[" + i + "].";
            p.pastDate(at + "startDate", w.startDate(), today, true);
            p.pastDate(at + "endDate", w.endDate(), today, false);
            p.order(at + "endDate", w.startDate(), w.endDate());
            String unit = p.text(at + "unitName", w.unitName(), MAX_TEXT, true);
            String duty = p.text(at + "duty", w.duty(), MAX_TEXT, true);
            checked.add(new WorkRecord(w.startDate(), w.endDate(), unit, duty));
        }
        p.throwIfAny();
        return checked;
    }

    /** Either part may be left empty for now; the module is complete when both are there. */
    public Performance performance(Performance form) {
        Problems p = new Problems();
        String achievements = p.text("achievements", form.achievements(), MAX_ACHIEVEMENTS, false);
        p.throwIfAny();
        return new Performance(achievements, form.probationResult());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Collects the problems of one form. */
    private static final class Problems {

        private final List<FieldProblem> problems = new ArrayList<>();

        void add(String field, String key, Object... arguments) {
            problems.add(FieldProblem.of(field, key, arguments));
        }

        String text(String field, String value, int max, boolean required) {
            if (blank(value)) {
                if (required) {
                    add(field, "field.required");
                }
                return null;
            }
            String stripped = value.strip();
            if (stripped.codePointCount(0, stripped.length()) > max) {
                add(field, "declaration.text.too-long", String.valueOf(max));
            }
            if (stripped.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                add(field, "declaration.text.control-characters");
            }
            return stripped;
        }

        void pastDate(String field, LocalDate date, LocalDate today, boolean required) {
            if (date == null) {
                if (required) {
                    add(field, "field.required");
                }
            } else if (date.isAfter(today)) {
                add(field, "declaration.date.future");
            } else if (date.getYear() < 1950) {
                add(field, "declaration.date.too-early");
            }
        }

        void order(String field, LocalDate start, LocalDate end) {
            if (start != null && end != null && end.isBefore(start)) {
                add(field, "declaration.date.end-before-start");
            }
        }

        void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }
    }
}
