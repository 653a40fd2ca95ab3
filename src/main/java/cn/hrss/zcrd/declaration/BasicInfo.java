package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.catalog.Education;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * The basic form (新增申报信息 / 基本信息 module). Components may be {@code null} as submitted by a page; the service
 * reports each missing or inconsistent one as a {@link cn.hrss.zcrd.shared.FieldProblem} named after the component.
 * The applicant is never part of it: a declaration belongs to the signed-in applicant.
 *
 * @param declarationYear           申报年度 *
 * @param levelCode                 申报级别 * (a full-time recognition level: 员级, 助理级, 中级)
 * @param titleId                   申报职称 * (a title at that level)
 * @param specialtyId               现从事专业 * (offered by the title)
 * @param declarationMethodId       申报方式 * (entitling to that level)
 * @param declaringUnitId           申报单位 *
 * @param declaringUnitIsWorkUnit   是否是工作单位 *
 * @param workUnitId                工作单位, required when the declaring unit is not the work unit
 * @param workStartDate             参加工作时间 *
 * @param professionalWorkStartDate 现从事专业技术工作时间 * (not before 参加工作时间)
 * @param graduationSchool          毕业院校 *
 * @param graduationDate            毕业时间 *
 * @param education                 学历 *
 * @param majorStudied              所学专业 *
 * @param currentPosition           现任职务 (optional)
 */
public record BasicInfo(
        Integer declarationYear,
        String levelCode,
        Long titleId,
        Long specialtyId,
        Long declarationMethodId,
        Long declaringUnitId,
        Boolean declaringUnitIsWorkUnit,
        Long workUnitId,
        LocalDate workStartDate,
        LocalDate professionalWorkStartDate,
        String graduationSchool,
        LocalDate graduationDate,
        Education education,
        String majorStudied,
        String currentPosition)
        implements Serializable {}
