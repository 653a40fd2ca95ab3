package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.NewBackOfficeAccount;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.review.ReviewDecisions;
import cn.hrss.zcrd.review.ReviewFixtures;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.support.BackOfficeLogins;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.TestUkey;
import cn.hrss.zcrd.unit.Unit;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The set-up of the certificate page tests, through public services (and the seal desk, as the bureau's page does):
 * an issuing unit with issuing authority for {@link ReviewFixtures#LEVEL} and an approved seal (so its electronic
 * seal is in force), its operators — each with a UKEY (a TLS context for the mutual-TLS port) and a password + TOTP
 * fallback login — and people final-approved by it, who log in on the portal with {@link #PERSON_PASSWORD}.
 */
public final class CertificatePageFixtures {

    public static final String OPERATOR_PASSWORD = "Cert-Pages-Passw0rd";
    public static final String PERSON_PASSWORD = "Secret123";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private final ReviewFixtures review;
    private final ReviewDecisions decisions;
    private final CertificateFixtures certificates;
    private final BackOfficeStaff staff;
    private final CertificateLibrary library;
    private final CertificateIssuance issuance;
    private final TitleCertificates issued;

    public CertificatePageFixtures(
            ReviewFixtures review,
            ReviewDecisions decisions,
            CertificateFixtures certificates,
            BackOfficeStaff staff,
            CertificateLibrary library,
            CertificateIssuance issuance,
            TitleCertificates issued) {
        this.review = review;
        this.decisions = decisions;
        this.certificates = certificates;
        this.staff = staff;
        this.library = library;
        this.issuance = issuance;
        this.issued = issued;
    }

    /** A unit that may issue: authority granted, seal approved, electronic seal in force. */
    public Unit issuingUnit(String prefix) throws Exception {
        Unit unit = review.unit(prefix);
        review.grantIssuingAuthority(unit, ReviewFixtures.LEVEL);
        certificates.approvedSeal(unit, ReviewFixtures.signedIn(unit));
        return unit;
    }

    /** A unit with issuing authority whose seal impression has not been approved: no electronic seal. */
    public Unit unitWithoutSeal(String prefix) {
        Unit unit = review.unit(prefix);
        review.grantIssuingAuthority(unit, ReviewFixtures.LEVEL);
        return unit;
    }

    /**
     * An operator of {@code unit}: its UKEY as a TLS context, the UKEY session's user for service calls, and its
     * fallback login.
     */
    public record Operator(
            String username, SSLContext ukey, BackOfficeUser ukeyUser, BackOfficeLogins.Fallback fallback) {}

    public Operator operator(Unit unit) throws Exception {
        String username = "cert-page-op-" + SEQUENCE.incrementAndGet();
        String displayName = "证书操作员" + SEQUENCE.get();
        BackOfficeAccount account =
                staff.accounts().create(username, displayName, BackOfficeRole.UNIT_OPERATOR, OPERATOR_PASSWORD);
        staff.accounts()
                .update(
                        account.getId(),
                        new NewBackOfficeAccount(
                                username, displayName, BackOfficeRole.UNIT_OPERATOR, null, unit.getId(), true));
        BackOfficeLogins.Fallback fallback =
                staff.fallback(username, displayName, BackOfficeRole.UNIT_OPERATOR, OPERATOR_PASSWORD);
        TestUkey ukey = TestUkey.fresh(username);
        BackOfficeUser ukeyUser = staff.ukeyUser(account.getId(), ukey.certificate());
        return new Operator(username, ukey.tls(), ukeyUser, fallback);
    }

    /** A person whose declaration {@code unit} approved finally (终审通过). */
    public record Approved(PortalUser person, long declarationId) {

        public String name() {
            return person.displayName();
        }

        public String idNumber() {
            return person.loginName();
        }
    }

    public Approved finallyApproved(Unit unit, String name) {
        PortalUser person = review.person(name);
        long id = review.submitted(person, unit);
        decisions.approve(id, ReviewFixtures.signedIn(unit), "同意");
        return new Approved(person, id);
    }

    /** Runs {@code work} as {@code user} on this thread (the services read the signed-in user). */
    public static <T> T as(BackOfficeUser user, Supplier<T> work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * Issues certificates for the people through the services as the operator's UKEY session, waits until the
     * batch completed, and returns the certificates (newest first).
     */
    public List<TitleCertificate> issue(Operator operator, Approved... people) {
        long batch = as(operator.ukeyUser(), () -> {
            List<Long> entries = library.find(LibraryQuery.all(), 0, 500, null, false).stream()
                    .filter(e -> List.of(people).stream().anyMatch(p -> p.declarationId() == e.declarationId()))
                    .map(LibraryEntry::id)
                    .toList();
            return issuance.start(entries, java.time.LocalDate.now(BusinessTime.DEFAULT_ZONE));
        });
        CertificateFixtures.await(
                "batch " + batch,
                Duration.ofSeconds(180),
                () -> as(operator.ukeyUser(), () -> issuance.progress(batch).finished()));
        return as(operator.ukeyUser(), () -> issued.find(CertificateQuery.all(), 0, 500, null, false)).stream()
                .filter(c -> List.of(people).stream().anyMatch(p -> p.declarationId() == c.declarationId()))
                .toList();
    }
}
