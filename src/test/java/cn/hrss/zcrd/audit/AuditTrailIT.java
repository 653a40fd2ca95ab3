package cn.hrss.zcrd.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.audit.internal.AuditRow;
import cn.hrss.zcrd.audit.internal.AuditRows;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.SignsOut;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trail on MariaDB: which transaction a row is written in (a success commits with its action, a refusal
 * survives the rollback), the admin's search with database paging, the access check, and that rows never change.
 */
@IntegrationTest
@ExtendWith(SignsOut.class)
class AuditTrailIT {

    @Autowired
    AuditTrail trail;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    TransactionTemplate inTransaction;
    String tag;

    @BeforeEach
    void setUp() {
        inTransaction = new TransactionTemplate(transactions);
        tag = "trail-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aPublishedSuccessCommitsWithItsTransactionAndARefusalSurvivesARollback() {
        assertThatThrownBy(() -> inTransaction.executeWithoutResult(status -> {
                    events.publishEvent(entry("REVIEW_APPROVED", 1).toEvent());
                    events.publishEvent(entry("REVIEW_APPROVED", 2)
                            .refused()
                            .detail("rule said no")
                            .toEvent());
                    throw new IllegalStateException("the business action failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        inTransaction.executeWithoutResult(
                status -> events.publishEvent(entry("REVIEW_APPROVED", 3).toEvent()));

        assertThat(stored())
                .extracting(row -> row.get("target_id") + ":" + row.get("outcome"))
                .containsExactly("3:SUCCESS", "2:REFUSED");
    }

    @Test
    void aSuccessIsNotVisibleBeforeItsTransactionCommits() {
        inTransaction.executeWithoutResult(status -> {
            events.publishEvent(entry("REVIEW_APPROVED", 1).toEvent());
            assertThat(stored())
                    .as("written just before commit, in the same transaction")
                    .isEmpty();
        });

        assertThat(stored()).hasSize(1);
    }

    @Test
    void directRecordsFollowTheSameRules() {
        assertThatThrownBy(() -> inTransaction.executeWithoutResult(status -> {
                    trail.record(entry("CERTIFICATE_REVOKED", 1).build());
                    trail.record(entry("CERTIFICATE_REVOKED", 2).refused().build());
                    throw new IllegalStateException("the business action failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        trail.record(entry("CERTIFICATE_REVOKED", 3).build());

        assertThat(stored())
                .extracting(row -> row.get("target_id") + ":" + row.get("outcome"))
                .containsExactly("3:SUCCESS", "2:REFUSED");
        signIn("ROLE_SYSTEM_ADMIN");
        Instant written = trail.search(AuditQuery.all().withActor(tag), 0, 1)
                .getContent()
                .get(0)
                .occurredAt();
        assertThat(Duration.between(written, Instant.now()).abs())
                .as("the Clock's time")
                .isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void onlyASystemAdminMaySearch() {
        assertThatThrownBy(() -> trail.search(AuditQuery.all(), 0, 10)).isInstanceOf(AccessDeniedException.class);

        signIn("ROLE_BUREAU_REVIEWER");
        assertThatThrownBy(() -> trail.search(AuditQuery.all(), 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> trail.count(AuditQuery.all())).isInstanceOf(AccessDeniedException.class);

        signIn("ROLE_SYSTEM_ADMIN");
        assertThat(trail.search(AuditQuery.all(), 0, 10)).isNotNull();
    }

    @Test
    void searchPagesNewestFirstInTheDatabase() {
        for (int i = 1; i <= 5; i++) {
            trail.record(entry("SEAL_APPROVED", i).build());
        }
        signIn("ROLE_SYSTEM_ADMIN");
        AuditQuery mine = AuditQuery.all().withActor(tag).withAction("SEAL_APPROVED");

        Page<AuditRecord> first = trail.search(mine, 0, 2);
        Page<AuditRecord> last = trail.search(mine, 2, 2);

        assertThat(first.getTotalElements()).isEqualTo(5);
        assertThat(first.getTotalPages()).isEqualTo(3);
        assertThat(first.getContent()).extracting(r -> r.target().id()).containsExactly("5", "4");
        assertThat(last.getContent()).extracting(r -> r.target().id()).containsExactly("1");
        assertThat(trail.count(mine.withOutcome(AuditOutcome.REFUSED))).isZero();
        assertThat(trail.count(mine.withMethod(AuthenticatedBy.NONE).withClientAddress("192.0.2.")))
                .isEqualTo(5);
        assertThat(trail.count(mine.between(Instant.now().plusSeconds(3600), null)))
                .isZero();
        assertThat(trail.search(mine, 0, 10_000).getSize()).isEqualTo(AuditTrail.MAX_PAGE_SIZE);
    }

    @Test
    void rowsCannotBeChanged() throws Exception {
        trail.record(entry("UKEY_REVOKED", 1).detail("original").build());
        long id = ((Number) stored().get(0).get("id")).longValue();

        // no method changes or removes a row …
        assertThat(publicMethods(AuditTrail.class)).containsExactlyInAnyOrder("record", "search", "rowsAfter", "count");
        assertThat(publicMethods(AuditRows.class)).containsExactlyInAnyOrder("page", "rowsAfter", "count");
        // … and a loaded row changed behind Hibernate's back is not written: the entity is immutable
        assertThat(AuditRow.class.isAnnotationPresent(Immutable.class)).isTrue();
        inTransaction.executeWithoutResult(status -> {
            AuditRow row = entityManager.find(AuditRow.class, id);
            try {
                Field detail = AuditRow.class.getDeclaredField("detail");
                detail.setAccessible(true);
                detail.set(row, "tampered");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(jdbc.queryForObject("select detail from audit_record where id = ?", String.class, id))
                .isEqualTo("original");
    }

    private AuditEntry.Builder entry(String action, int target) {
        return AuditEntry.action(action)
                .by(AuditActor.system(tag))
                .from("192.0.2.1")
                .target("TEST", target);
    }

    private List<Map<String, Object>> stored() {
        return jdbc.queryForList("select * from audit_record where actor_login = ? order by id desc", tag);
    }

    private static void signIn(String role) {
        TestingAuthenticationToken user = new TestingAuthenticationToken("someone", null, role);
        SecurityContextHolder.getContext().setAuthentication(user);
    }

    private static List<String> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .filter(m -> !m.isSynthetic())
                .map(Method::getName)
                .distinct()
                .toList();
    }
}
