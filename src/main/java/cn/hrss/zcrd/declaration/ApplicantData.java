package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.shared.Sex;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * The applicant's registered personal data as a reviewing unit sees it beside the declaration (性别, 出生日期 — both
 * from the ID number at registration — 手机, 电子邮箱).
 */
public record ApplicantData(Sex sex, LocalDate birthDate, String mobile, String email) implements Serializable {}
