package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.account.ApplicantDetails;
import cn.hrss.zcrd.declaration.AttachmentInfo;
import cn.hrss.zcrd.declaration.DeclarationDetails;
import cn.hrss.zcrd.shared.Sex;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the 认定表 prints as filed: the declaration as submitted at one 确定申报 (every module, with the catalog and
 * unit names as they read then; no review history, which the form takes from the declaration as it stands) and the
 * applicant's personal and contact data of that moment.
 *
 * @param submittedAt when 确定申报 was pressed
 * @param photoId     the attachment id of the 证件照 submitted (null when there was none)
 */
public record SubmittedForm(Instant submittedAt, Person person, DeclarationDetails declaration, Long photoId) {

    /** The form of the declaration with the applicant's data as they are at {@code at}. */
    public static SubmittedForm of(DeclarationDetails details, ApplicantDetails a, Instant at) {
        DeclarationDetails declaration = details.withoutHistory();
        return new SubmittedForm(
                at,
                new Person(a.name(), a.idNumber(), a.sex(), a.birthDate(), a.mobile(), a.email()),
                declaration,
                declaration.photo().map(AttachmentInfo::id).orElse(null));
    }

    /** The applicant's data from the profile (registration and 修改联系方式). */
    public record Person(String name, String idNumber, Sex sex, LocalDate birthDate, String mobile, String email) {}
}
