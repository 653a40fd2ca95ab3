package cn.hrss.zcrd.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.audit.ActorKind;
import cn.hrss.zcrd.audit.AuditActor;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditQuery;
import cn.hrss.zcrd.audit.AuditRecord;
import cn.hrss.zcrd.audit.AuthenticatedBy;
import cn.hrss.zcrd.support.H2Schema;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ops/run} uses H2 in MySQL mode: V6 must migrate there, the entity must validate against it, and the
 * search JPQL (LIKE with the {@code !} escape, lower(), newest-first order) must run on it. No Spring here.
 */
class AuditSchemaOnH2Test {

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    private static H2Schema schema;

    @BeforeAll
    static void migrateAndValidate() {
        schema = H2Schema.migrated("audit", AuditRow.class);
        schema.inTransaction(em -> {
            em.persist(AuditRow.of(entry("ADMIN_100%", AuthenticatedBy.UKEY, "10.1.0.5"), T0));
            em.persist(AuditRow.of(entry("admin_1000", AuthenticatedBy.PASSWORD, "10.2.0.5"), T0.plusSeconds(60)));
            em.persist(AuditRow.of(entry("someone", AuthenticatedBy.PASSWORD, "10.1.0.9"), T0.plusSeconds(120)));
            return null;
        });
    }

    @AfterAll
    static void close() {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void everythingComesNewestFirst() {
        assertThat(search(AuditQuery.all()))
                .extracting(r -> r.actor().loginName())
                .containsExactly("someone", "admin_1000", "ADMIN_100%");
    }

    @Test
    void aPercentSignInTheFilterIsJustAPercentSign() {
        assertThat(search(AuditQuery.all().withActor("100%")))
                .extracting(r -> r.actor().loginName())
                .containsExactly("ADMIN_100%");
        assertThat(search(AuditQuery.all().withActor("admin"))).hasSize(2);
    }

    @Test
    void methodAddressPrefixAndTimeRangeFilterInTheDatabase() {
        assertThat(search(AuditQuery.all().withMethod(AuthenticatedBy.PASSWORD)))
                .hasSize(2);
        assertThat(search(AuditQuery.all().withClientAddress("10.1.")))
                .extracting(AuditRecord::clientAddress)
                .containsExactly("10.1.0.9", "10.1.0.5");
        assertThat(search(AuditQuery.all().between(T0.plusSeconds(1), T0.plusSeconds(120))))
                .extracting(r -> r.actor().loginName())
                .containsExactly("admin_1000");
    }

    private static AuditEntry entry(String login, AuthenticatedBy by, String address) {
        return AuditEntry.action("BACKOFFICE_LOGIN")
                .by(AuditActor.attempt(ActorKind.BACK_OFFICE, login, by))
                .from(address)
                .build();
    }

    private static List<AuditRecord> search(AuditQuery filter) {
        return schema.inTransaction(em -> {
            AuditSearchJpql jpql = AuditSearchJpql.of(filter);
            TypedQuery<AuditRow> query = em.createQuery(jpql.select(), AuditRow.class);
            jpql.parameters().forEach(query::setParameter);
            TypedQuery<Long> count = em.createQuery(jpql.count(), Long.class);
            jpql.parameters().forEach(count::setParameter);
            List<AuditRecord> rows =
                    query.getResultList().stream().map(AuditRow::toRecord).toList();
            assertThat(count.getSingleResult()).isEqualTo(rows.size());
            return rows;
        });
    }
}
