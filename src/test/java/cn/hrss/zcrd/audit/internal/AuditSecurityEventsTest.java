package cn.hrss.zcrd.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.account.PortalLoginDetails;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.audit.ActorKind;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditOutcome;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.audit.AuthenticatedBy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationFailureProviderNotFoundEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Spring Security's events become the right audit entries; passwords and other people's ID numbers never do. */
class AuditSecurityEventsTest {

    static final String ID_NUMBER = "370102199001011234";
    static final String PASSWORD = "Secret-Passw0rd";

    final AuditTrail trail = mock(AuditTrail.class);
    final FailedLoginTally tally = new FailedLoginTally(
            trail, java.time.Clock.fixed(java.time.Instant.parse("2026-12-06T10:00:00Z"), java.time.ZoneOffset.UTC));
    final SecurityAuditor auditor =
            new SecurityAuditor(trail, tally, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

    @Test
    void unknownNamesAndTriesRefusedBeforeTheirPasswordAreSummedUpPerAddressAndMinute() {
        for (int i = 0; i < 50; i++) {
            auditor.loginFailed(new AuthenticationFailureBadCredentialsEvent(
                    portalAttempt(PortalAccountKind.PERSON), new cn.hrss.zcrd.account.UnknownLoginNameException()));
        }
        for (int i = 0; i < 7; i++) {
            auditor.loginFailed(new AuthenticationFailureBadCredentialsEvent(
                    portalAttempt(PortalAccountKind.PERSON),
                    new cn.hrss.zcrd.account.LoginNotTriedException(
                            cn.hrss.zcrd.account.LoginNotTriedException.Reason.THROTTLED, 3)));
        }
        org.mockito.Mockito.verifyNoInteractions(trail);

        tally.flush();

        AuditEntry entry = recorded();
        assertThat(entry.action()).isEqualTo("LOGIN_FAILURES_SUMMARY");
        assertThat(entry.actor().kind()).isEqualTo(ActorKind.PORTAL_PERSON);
        assertThat(entry.clientAddress()).isEqualTo("10.0.0.7");
        assertThat(entry.refused()).isTrue();
        assertThat(entry.detail())
                .startsWith("count=57; reasons=")
                .contains("unknown-account:50", "throttled:7", "names=1;")
                .doesNotContain(ID_NUMBER);
        tally.flush();
        org.mockito.Mockito.verify(trail, org.mockito.Mockito.times(1)).record(org.mockito.ArgumentMatchers.any());
    }

    @Test
    void aFailedPortalLoginIsRecordedWithTheLoginNameMasked() {
        auditor.loginFailed(new AuthenticationFailureBadCredentialsEvent(
                portalAttempt(PortalAccountKind.PERSON), new BadCredentialsException("bad credentials")));

        AuditEntry entry = recorded();
        assertThat(entry.action()).isEqualTo("PORTAL_LOGIN_FAILED");
        assertThat(entry.actor().kind()).isEqualTo(ActorKind.PORTAL_PERSON);
        assertThat(entry.actor().loginName()).isEqualTo("370102********1234");
        assertThat(entry.actor().accountId()).isNull();
        assertThat(entry.actor().authenticatedBy()).isEqualTo(AuthenticatedBy.PASSWORD);
        assertThat(entry.clientAddress()).isEqualTo("10.0.0.7");
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(entry.toString()).doesNotContain(ID_NUMBER).doesNotContain(PASSWORD);
    }

    @Test
    void aLockedPortalLoginIsALockout() {
        auditor.loginFailed(new AuthenticationFailureLockedEvent(
                portalAttempt(PortalAccountKind.UNIT), new LockedException("locked")));

        AuditEntry entry = recorded();
        assertThat(entry.action()).isEqualTo("PORTAL_LOGIN_LOCKED");
        assertThat(entry.actor().kind()).isEqualTo(ActorKind.PORTAL_UNIT);
        assertThat(entry.detail()).isEqualTo("kind=UNIT; reason=locked");
    }

    @Test
    void aFailedBackOfficeLoginKeepsTheUsernameButNeverThePassword() {
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated("reviewer", PASSWORD);
        attempt.setDetails(new WebAuthenticationDetails("127.0.0.1", null));

        auditor.loginFailed(new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("x")));

        AuditEntry entry = recorded();
        assertThat(entry.action()).isEqualTo("BACKOFFICE_LOGIN_FAILED");
        assertThat(entry.actor().kind()).isEqualTo(ActorKind.BACK_OFFICE);
        assertThat(entry.actor().loginName()).isEqualTo("reviewer");
        assertThat(entry.actor().authenticatedBy()).isEqualTo(AuthenticatedBy.PASSWORD);
        assertThat(entry.clientAddress()).isEqualTo("127.0.0.1");
        assertThat(entry.detail()).isEqualTo("reason=bad-credentials");
        assertThat(entry.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void theGlobalManagersNoProviderFoundIsNoSecondAttempt() {
        auditor.loginFailed(new AuthenticationFailureProviderNotFoundEvent(
                portalAttempt(PortalAccountKind.PERSON), new ProviderNotFoundException("none")));

        verifyNoInteractions(trail);
    }

    @Test
    void aPortalLoginRecordsTheAccount() {
        PortalUser user = new PortalUser(7, PortalAccountKind.PERSON, ID_NUMBER, "张三");
        UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority("ROLE_PERSON")));
        login.setDetails(new PortalLoginDetails(PortalAccountKind.PERSON, "10.0.0.8"));

        auditor.loggedIn(new AuthenticationSuccessEvent(login));

        AuditEntry entry = recorded();
        assertThat(entry.action()).isEqualTo("PORTAL_LOGIN");
        assertThat(entry.actor().accountId()).isEqualTo(7L);
        assertThat(entry.actor().loginName()).isEqualTo(ID_NUMBER);
        assertThat(entry.clientAddress()).isEqualTo("10.0.0.8");
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    }

    @Test
    void anAnonymousRefusalIsNotAnAuditEvent() {
        Authentication anonymous = null;
        auditor.accessDenied(
                new AuthorizationDeniedEvent<>(() -> anonymous, "GET /sdmanager/", new AuthorizationDecision(false)));

        verifyNoInteractions(trail);
    }

    @Test
    void failureReasonsAreStableWords() {
        assertThat(SecurityAuditor.reason(new BadCredentialsException("whatever the user typed")))
                .isEqualTo("bad-credentials");
        assertThat(SecurityAuditor.reason(new LockedException("x"))).isEqualTo("locked");
    }

    private static UsernamePasswordAuthenticationToken portalAttempt(PortalAccountKind kind) {
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(ID_NUMBER, PASSWORD);
        attempt.setDetails(new PortalLoginDetails(kind, "10.0.0.7"));
        return attempt;
    }

    private AuditEntry recorded() {
        ArgumentCaptor<AuditEntry> entry = ArgumentCaptor.forClass(AuditEntry.class);
        verify(trail).record(entry.capture());
        return entry.getValue();
    }
}
