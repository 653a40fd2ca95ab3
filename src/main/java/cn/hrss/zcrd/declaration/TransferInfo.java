package cn.hrss.zcrd.declaration;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The basic form of a transfer-in confirmation (外地调入确认 → 新增 / 基本信息 module, SPEC §5a). Components may be
 * {@code null} as submitted by a page; the service reports each missing or inconsistent one as a
 * {@link cn.hrss.zcrd.shared.FieldProblem} named after the component.
 *
 * @param seriesCode          职称系列 * of the title held
 * @param levelCode           职称级别 * (any level)
 * @param titleId             职称名称 * (a title of that series and level in the catalog)
 * @param specialtyId         专业 * (offered by the title)
 * @param obtainedBy          取得方式 * (评审 / 认定 / 考试)
 * @param issuingAuthority    发证机关 *
 * @param authorityProvince   发证机关所在省份 *
 * @param certificateNumber   原证书编号 *
 * @param obtainedOn          取得时间 *
 * @param previousUnit        原工作单位 *
 * @param previousProvince    原工作单位所在省份 *
 * @param transferDate        调入时间 * (not before 取得时间, not after today)
 * @param declaringUnitId     申报单位 *
 */
public record TransferInfo(
        String seriesCode,
        String levelCode,
        Long titleId,
        Long specialtyId,
        TitleObtainedBy obtainedBy,
        String issuingAuthority,
        String authorityProvince,
        String certificateNumber,
        LocalDate obtainedOn,
        String previousUnit,
        String previousProvince,
        LocalDate transferDate,
        Long declaringUnitId)
        implements Serializable {}
