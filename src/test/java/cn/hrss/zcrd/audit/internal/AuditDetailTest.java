package cn.hrss.zcrd.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.audit.internal.AuditDetail.Line;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditDetailTest {

    static final Map<String, String> BUNDLE = Map.of(
            "audit.detail.role", "角色",
            "audit.detail.subject", "证书持有人",
            "audit.detail.serial", "证书序列号",
            "audit.detail.issuer", "证书颁发者",
            "audit.detail.reasons", "原因",
            "audit.detail.times", "次",
            "audit.detail.joiner", "，",
            "backoffice.role.SYSTEM_ADMIN", "系统管理员",
            "audit.reason.unknown-account", "账号不存在",
            "audit.reason.throttled", "本机请求过于频繁");

    final AuditDetail detail = new AuditDetail(
            BUNDLE::get,
            t -> DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(t.atZone(ZoneId.of("Asia/Shanghai"))));

    @Test
    void aUkeyLoginIsOneLabelledLinePerFieldWithTheHolderNotTheDn() {
        assertThat(detail.lines("role=SYSTEM_ADMIN; subject=CN=张管理,OU=信息中心,O=济南市人社局,C=CN; serial=1a2b;"
                        + " issuer=CN=ZCRD UKEY CA,O=省人社厅"))
                .containsExactly(
                        new Line("角色", "系统管理员"),
                        new Line("证书持有人", "张管理（济南市人社局）"),
                        new Line("证书序列号", "1a2b"),
                        new Line("证书颁发者", "ZCRD UKEY CA（省人社厅）"));
    }

    @Test
    void reasonsAndTimesAreReadableAndUnknownKeysStayAsWritten() {
        assertThat(detail.lines("reasons=unknown-account:50,throttled:7; from=2026-12-06T02:00:00Z; odd-key=x"))
                .containsExactly(
                        new Line("原因", "账号不存在 50 次，本机请求过于频繁 7 次"),
                        new Line("from", "2026-12-06 10:00:00"),
                        new Line("odd-key", "x"));
    }

    @Test
    void aDetailInAnotherFormIsOneLineAsWritten() {
        assertThat(detail.lines("GET /sdmanager/audit.xhtml"))
                .containsExactly(new Line(null, "GET /sdmanager/audit.xhtml"));
        assertThat(detail.lines("终审通过，上报单位 某单位")).containsExactly(new Line(null, "终审通过，上报单位 某单位"));
        assertThat(detail.lines(null)).isEmpty();
    }
}
