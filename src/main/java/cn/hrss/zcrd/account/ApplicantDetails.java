package cn.hrss.zcrd.account;

import cn.hrss.zcrd.shared.Sex;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * A registered individual (个人) as other modules and the pages see one: the data fixed at registration and the
 * current contact data. A value, read when asked for ({@link Applicants#ofAccount}); the entity stays in the account
 * module.
 */
public record ApplicantDetails(
        long accountId, String idNumber, String name, LocalDate birthDate, Sex sex, String mobile, String email)
        implements Serializable {}
