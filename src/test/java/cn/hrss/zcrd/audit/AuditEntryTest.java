package cn.hrss.zcrd.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.AuthenticationMethod;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.support.SignsOut;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** What an audit entry accepts and how it fills itself in from the current thread. */
@ExtendWith(SignsOut.class)
class AuditEntryTest {

    @Test
    void anActionIsAStableUpperCaseCode() {
        assertThat(AuditEntry.action("DECLARATION_FINAL_APPROVED").build().action())
                .isEqualTo("DECLARATION_FINAL_APPROVED");
        assertThatThrownBy(() -> AuditEntry.action("declaration approved").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditEntry.action("A".repeat(65)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditEntry.action("X").target("declaration", 1).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outsideARequestAndWithoutLoginTheActorIsAnonymousFromNowhere() {
        AuditEntry entry = AuditEntry.action("VERIFY").build();

        assertThat(entry.actor()).isEqualTo(AuditActor.anonymous());
        assertThat(entry.actor().authenticatedBy()).isEqualTo(AuthenticatedBy.NONE);
        assertThat(entry.clientAddress()).isNull();
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    }

    @Test
    void theSignedInPortalUserIsTheDefaultActor() {
        PortalUser user = new PortalUser(42, PortalAccountKind.UNIT, "91370100MA3C00001X", "某某公司");
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        user, null, List.of(new SimpleGrantedAuthority("ROLE_UNIT"))));

        AuditActor actor = AuditEntry.action("PATH_APPLIED").build().actor();

        assertThat(actor)
                .isEqualTo(new AuditActor(ActorKind.PORTAL_UNIT, 42L, "91370100MA3C00001X", AuthenticatedBy.PASSWORD));
    }

    @Test
    void theDetailLosesControlCharactersAndIsCutWithoutBreakingACharacter() {
        AuditEntry entry =
                AuditEntry.action("X").detail("  第一行\r\n第二行\u001b[31m  ").build();
        assertThat(entry.detail()).isEqualTo("第一行 第二行 [31m");

        String cutInsideAPair = "a".repeat(499) + "\uD842\uDFB7"; // 𠮷 needs two UTF-16 units
        assertThat(AuditEntry.action("X").detail(cutInsideAPair).build().detail())
                .isEqualTo("a".repeat(499));
        assertThat(AuditEntry.action("X").detail("   ").build().detail()).isNull();
    }

    @Test
    void anExplicitActorAddressAndRefusalAreKept() {
        AuditEntry entry = AuditEntry.action("CERTIFICATE_BATCH_RESUMED")
                .by(AuditActor.system("certificate-batch"))
                .from("10.1.2.3")
                .target("BATCH", 7)
                .refused()
                .detail("token fault")
                .build();

        assertThat(entry.actor().kind()).isEqualTo(ActorKind.SYSTEM);
        assertThat(entry.actor().loginName()).isEqualTo("certificate-batch");
        assertThat(entry.clientAddress()).isEqualTo("10.1.2.3");
        assertThat(entry.target()).isEqualTo(new AuditTarget("BATCH", "7"));
        assertThat(entry.refused()).isTrue();
        assertThat(new AuditEvent(entry).entry()).isSameAs(entry);
    }

    @Test
    void theAccountModulesMethodsMapOneToOne() {
        assertThat(AuthenticatedBy.of(AuthenticationMethod.UKEY)).isEqualTo(AuthenticatedBy.UKEY);
        assertThat(AuthenticatedBy.of(AuthenticationMethod.PASSWORD)).isEqualTo(AuthenticatedBy.PASSWORD);
        assertThat(AuthenticatedBy.of(null)).isEqualTo(AuthenticatedBy.NONE);
    }
}
