package cn.hrss.zcrd.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Who may do which back-office action: role, set-up state and the UKEY-only policy. */
class BackOfficePolicyTest {

    final BackOfficePolicy policy = new BackOfficePolicy(BackOfficeAction.defaultUkeyRequired());

    @ParameterizedTest
    @EnumSource(BackOfficeAction.class)
    void eachActionIsForItsRolesOnlyAndAUkeySessionMayDoIt(BackOfficeAction action) {
        for (BackOfficeRole role : BackOfficeRole.values()) {
            var refusal = policy.refusal(user(role, AuthenticationMethod.UKEY, false), action);
            if (action.allowedFor(role)) {
                assertThat(refusal).as(role + " " + action).isEmpty();
            } else {
                assertThat(refusal).as(role + " " + action).hasValue(BackOfficePolicy.WRONG_ROLE);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BackOfficeAction.class)
    void aFallbackSessionMayLookAndQueryButNotDoWhatNeedsAUkey(BackOfficeAction action) {
        BackOfficeRole role = action.roles().iterator().next();
        var refusal = policy.refusal(user(role, AuthenticationMethod.PASSWORD, false), action);
        if (BackOfficeAction.defaultUkeyRequired().contains(action)) {
            assertThat(refusal).hasValue(BackOfficePolicy.UKEY_REQUIRED);
        } else {
            assertThat(refusal).isEmpty();
        }
    }

    @Test
    void theDefaultUkeyOnlyActionsAreAdministrationApprovalsCertificatesAndUkeys() {
        assertThat(BackOfficeAction.defaultUkeyRequired())
                .containsExactlyInAnyOrder(
                        BackOfficeAction.MANAGE_ACCOUNTS,
                        BackOfficeAction.EDIT_DICTIONARY,
                        BackOfficeAction.APPROVE_ISSUING_AUTHORITY,
                        BackOfficeAction.VERIFY_UNIT,
                        BackOfficeAction.APPROVE_SEAL,
                        BackOfficeAction.REVOKE_ELECTRONIC_SEAL,
                        BackOfficeAction.ISSUE_CERTIFICATE,
                        BackOfficeAction.REVOKE_CERTIFICATE,
                        BackOfficeAction.MANAGE_UKEYS,
                        BackOfficeAction.DECIDE_APPROVAL,
                        BackOfficeAction.MANAGE_SEAL_CERTIFICATES);
    }

    @Test
    void thePolicyIsConfigurable() {
        BackOfficePolicy strict = new BackOfficePolicy(EnumSet.of(BackOfficeAction.MANAGE_UKEYS));
        BackOfficeUser admin = user(BackOfficeRole.SYSTEM_ADMIN, AuthenticationMethod.PASSWORD, false);
        assertThat(strict.refusal(admin, BackOfficeAction.MANAGE_UKEYS)).hasValue(BackOfficePolicy.UKEY_REQUIRED);
        assertThat(strict.refusal(admin, BackOfficeAction.MANAGE_ACCOUNTS)).isEmpty();
    }

    @Test
    void aSessionInSetUpOrNoSessionMayDoNothing() {
        for (BackOfficeAction action : BackOfficeAction.values()) {
            BackOfficeRole role = action.roles().iterator().next();
            assertThat(policy.refusal(user(role, AuthenticationMethod.PASSWORD, true), action))
                    .hasValue(BackOfficePolicy.SETUP_PENDING);
            assertThat(policy.refusal(null, action)).hasValue(BackOfficePolicy.NOT_SIGNED_IN);
        }
    }

    @Test
    void aSessionInSetUpHoldsNoRole() {
        assertThat(user(BackOfficeRole.SYSTEM_ADMIN, AuthenticationMethod.PASSWORD, true)
                        .getAuthorities())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder(BackOfficeUser.SETUP_PENDING, "AUTH_PASSWORD");
        assertThat(user(BackOfficeRole.SYSTEM_ADMIN, AuthenticationMethod.UKEY, false)
                        .getAuthorities())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_SYSTEM_ADMIN", "AUTH_UKEY");
    }

    static BackOfficeUser user(BackOfficeRole role, AuthenticationMethod method, boolean setupPending) {
        BackOfficeAccount account = new BackOfficeAccount("u-" + role, "name", role, null, java.time.Instant.EPOCH);
        org.springframework.test.util.ReflectionTestUtils.setField(account, "id", 7L);
        return new BackOfficeUser(account, method, null, setupPending);
    }
}
