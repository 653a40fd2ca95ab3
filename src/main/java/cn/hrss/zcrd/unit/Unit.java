package cn.hrss.zcrd.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A registered unit. Name and credit code are fixed at registration; contact data may change. */
@Entity
@Table(name = "unit")
public class Unit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(name = "credit_code", nullable = false, updatable = false, length = 18)
    private String creditCode;

    @Column(nullable = false, updatable = false, length = 100)
    private String name;

    /** {@link UnitNameKey} of the name: unique (index uk_unit_name_key). */
    @Column(name = "name_key", updatable = false, length = 120)
    private String nameKey;

    @Column(name = "region_code", nullable = false, length = 12)
    private String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "unit_type", nullable = false, length = 32)
    private UnitType unitType;

    @Column(name = "competent_unit_id")
    private Long competentUnitId;

    @Column(name = "contact_person", nullable = false, length = 30)
    private String contactPerson;

    @Column(nullable = false, length = 20)
    private String phone;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Unit() {}

    Unit(
            long accountId,
            String creditCode,
            String name,
            String regionCode,
            UnitType unitType,
            Long competentUnitId,
            String contactPerson,
            String phone,
            Instant now) {
        this.accountId = accountId;
        this.creditCode = creditCode;
        this.name = name;
        this.nameKey = UnitNameKey.of(name);
        this.regionCode = regionCode;
        this.unitType = unitType;
        this.competentUnitId = competentUnitId;
        this.contactPerson = contactPerson;
        this.phone = phone;
        this.createdAt = now;
    }

    void changeContact(String contactPerson, String phone) {
        this.contactPerson = contactPerson;
        this.phone = phone;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public String getName() {
        return name;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public UnitType getUnitType() {
        return unitType;
    }

    public Long getCompetentUnitId() {
        return competentUnitId;
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public String getPhone() {
        return phone;
    }
}
