package cn.hrss.zcrd.review;

import cn.hrss.zcrd.shared.Refusal;
import java.util.List;

/** What 数据上报 did with each selected declaration: reported (to whom) or refused (why). */
public record ReportResult(List<Reported> reported, List<Refused> refused) {

    public ReportResult {
        reported = List.copyOf(reported);
        refused = List.copyOf(refused);
    }

    public record Reported(long declarationId, String applicantName, String superiorUnitName) {}

    /** @param reason message key and arguments of the Chinese text */
    public record Refused(long declarationId, String applicantName, Refusal reason) {}
}
