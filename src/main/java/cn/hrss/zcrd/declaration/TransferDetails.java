package cn.hrss.zcrd.declaration;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The title held and the move of a transfer-in confirmation (columns {@code transfer_*} of the declaration); the
 * title itself (level, series, title, specialty) and the declaring unit are the declaration's own columns.
 */
@Embeddable
class TransferDetails {

    @Enumerated(EnumType.STRING)
    @Column(name = "transfer_obtained_by", length = 16)
    private TitleObtainedBy obtainedBy;

    @Column(name = "transfer_issuing_authority", length = 100)
    private String issuingAuthority;

    @Column(name = "transfer_authority_province", length = 30)
    private String authorityProvince;

    @Column(name = "transfer_certificate_number", length = 50)
    private String certificateNumber;

    @Column(name = "transfer_obtained_on")
    private LocalDate obtainedOn;

    @Column(name = "transfer_previous_unit", length = 100)
    private String previousUnit;

    @Column(name = "transfer_previous_province", length = 30)
    private String previousProvince;

    @Column(name = "transfer_date")
    private LocalDate transferDate;

    protected TransferDetails() {}

    TransferDetails(TransferInfo t) {
        this.obtainedBy = t.obtainedBy();
        this.issuingAuthority = t.issuingAuthority();
        this.authorityProvince = t.authorityProvince();
        this.certificateNumber = t.certificateNumber();
        this.obtainedOn = t.obtainedOn();
        this.previousUnit = t.previousUnit();
        this.previousProvince = t.previousProvince();
        this.transferDate = t.transferDate();
    }

    /** The fields of the transfer-in form that are empty, by their form names, in form order. */
    List<String> missingFields() {
        List<String> missing = new ArrayList<>();
        addIfNull(missing, "obtainedBy", obtainedBy);
        addIfNull(missing, "issuingAuthority", issuingAuthority);
        addIfNull(missing, "authorityProvince", authorityProvince);
        addIfNull(missing, "certificateNumber", certificateNumber);
        addIfNull(missing, "obtainedOn", obtainedOn);
        addIfNull(missing, "previousUnit", previousUnit);
        addIfNull(missing, "previousProvince", previousProvince);
        addIfNull(missing, "transferDate", transferDate);
        return missing;
    }

    /** The fields of the form, as {@link #missingFields()} names them when none is filled. */
    static final List<String> FIELDS = List.of(
            "obtainedBy",
            "issuingAuthority",
            "authorityProvince",
            "certificateNumber",
            "obtainedOn",
            "previousUnit",
            "previousProvince",
            "transferDate");

    private static void addIfNull(List<String> missing, String field, Object value) {
        if (value == null) {
            missing.add(field);
        }
    }

    TitleObtainedBy obtainedBy() {
        return obtainedBy;
    }

    String issuingAuthority() {
        return issuingAuthority;
    }

    String authorityProvince() {
        return authorityProvince;
    }

    String certificateNumber() {
        return certificateNumber;
    }

    LocalDate obtainedOn() {
        return obtainedOn;
    }

    String previousUnit() {
        return previousUnit;
    }

    String previousProvince() {
        return previousProvince;
    }

    LocalDate transferDate() {
        return transferDate;
    }
}
