package cn.hrss.zcrd.account.internal;

import cn.hrss.zcrd.account.ApplicantDetails;
import cn.hrss.zcrd.shared.Sex;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A registered individual (个人). Name, ID number, birth date and sex are fixed at registration: there is no
 * way to change them; only the contact data may change. The account module's own: other modules see an applicant as
 * {@link cn.hrss.zcrd.account.ApplicantDetails} through {@link cn.hrss.zcrd.account.Applicants}.
 */
@Entity
@Table(name = "applicant")
public class Applicant implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(name = "id_number", nullable = false, updatable = false, length = 18)
    private String idNumber;

    @Column(nullable = false, updatable = false, length = 30)
    private String name;

    @Column(name = "birth_date", nullable = false, updatable = false)
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 8)
    private Sex sex;

    @Column(nullable = false, length = 11)
    private String mobile;

    @Column(nullable = false, length = 100)
    private String email;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Applicant() {}

    public Applicant(
            long accountId,
            String idNumber,
            String name,
            LocalDate birthDate,
            Sex sex,
            String mobile,
            String email,
            Instant now) {
        this.accountId = accountId;
        this.idNumber = idNumber;
        this.name = name;
        this.birthDate = birthDate;
        this.sex = sex;
        this.mobile = mobile;
        this.email = email;
        this.createdAt = now;
    }

    public void changeContact(String mobile, String email) {
        this.mobile = mobile;
        this.email = email;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public String getName() {
        return name;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public Sex getSex() {
        return sex;
    }

    public String getMobile() {
        return mobile;
    }

    public String getEmail() {
        return email;
    }

    /** What other modules see of the applicant. */
    public ApplicantDetails details() {
        return new ApplicantDetails(accountId, idNumber, name, birthDate, sex, mobile, email);
    }
}
