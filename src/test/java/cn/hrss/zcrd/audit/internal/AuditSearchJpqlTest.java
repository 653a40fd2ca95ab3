package cn.hrss.zcrd.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import cn.hrss.zcrd.audit.AuditOutcome;
import cn.hrss.zcrd.audit.AuditQuery;
import cn.hrss.zcrd.audit.AuthenticatedBy;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The admin's filter becomes JPQL with bound parameters only; newest first, stable paging. */
class AuditSearchJpqlTest {

    @Test
    void noFilterSelectsEverythingNewestFirst() {
        AuditSearchJpql jpql = AuditSearchJpql.of(AuditQuery.all());

        assertThat(jpql.select()).isEqualTo("select r from AuditRow r order by r.occurredAt desc, r.id desc");
        assertThat(jpql.count()).isEqualTo("select count(r) from AuditRow r");
        assertThat(jpql.parameters()).isEmpty();
    }

    @Test
    void everyFilterIsAConditionWithABoundParameter() {
        Instant from = Instant.parse("2025-01-01T00:00:00Z");
        Instant to = Instant.parse("2025-02-01T00:00:00Z");
        AuditQuery filter = AuditQuery.all()
                .between(from, to)
                .withAction(" backoffice_login ")
                .withActor("Admin")
                .withMethod(AuthenticatedBy.UKEY)
                .withOutcome(AuditOutcome.REFUSED)
                .withClientAddress("10.1.");

        AuditSearchJpql jpql = AuditSearchJpql.of(filter);

        assertThat(jpql.select())
                .isEqualTo("select r from AuditRow r where r.occurredAt >= :from"
                        + " and r.occurredAt < :to and r.action = :action and lower(r.actorLogin) like :actor escape '!'"
                        + " and r.authenticatedBy = :method and r.outcome = :outcome"
                        + " and r.clientAddress like :address escape '!'"
                        + " order by r.occurredAt desc, r.id desc");
        assertThat(jpql.parameters())
                .containsExactly(
                        entry("from", AuditSearchJpql.utc(from)),
                        entry("to", AuditSearchJpql.utc(to)),
                        entry("action", "BACKOFFICE_LOGIN"),
                        entry("actor", "%admin%"),
                        entry("method", AuthenticatedBy.UKEY),
                        entry("outcome", AuditOutcome.REFUSED),
                        entry("address", "10.1.%"));
    }

    @Test
    void wildcardsTypedIntoTheFilterMatchOnlyThemselves() {
        assertThat(AuditSearchJpql.of(AuditQuery.all().withActor("a%b_c!d")).parameters())
                .containsEntry("actor", "%a!%b!_c!!d%");
        assertThat(AuditSearchJpql.of(AuditQuery.all().withActor("x' or '1'='1"))
                        .select())
                .doesNotContain("'1'='1");
    }

    @Test
    void blankFiltersMatchEverything() {
        AuditQuery blank = new AuditQuery(null, null, " ", "", null, null, "  ", null);

        assertThat(AuditSearchJpql.of(blank).parameters()).isEmpty();
    }
}
