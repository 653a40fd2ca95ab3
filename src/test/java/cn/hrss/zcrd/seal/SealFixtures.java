package cn.hrss.zcrd.seal;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.seal.internal.SealImpression;
import cn.hrss.zcrd.seal.internal.SealImpressionDesk;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.TestUkey;
import cn.hrss.zcrd.unit.Unit;
import cn.hrss.zcrd.unit.UnitFixtures;
import cn.hrss.zcrd.unit.UnitVerifications;
import cn.hrss.zcrd.unit.Units;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Units that upload seals and bureau reviewers that decide them, fresh for each test: a bean of the shared test
 * context ({@code @Autowired}); the static forms taking the services are for tests outside it.
 */
public final class SealFixtures {

    public static final String UNIT_PASSWORD = "UnitPass123";
    public static final String REVIEWER_PASSWORD = "Seal-Review-Passw0rd";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private final Units units;
    private final UnitVerifications verifications;
    private final BackOfficeStaff staff;
    private final SealImpressionDesk impressions;

    public SealFixtures(
            Units units, UnitVerifications verifications, BackOfficeStaff staff, SealImpressionDesk impressions) {
        this.units = units;
        this.verifications = verifications;
        this.staff = staff;
        this.impressions = impressions;
    }

    /** A registered unit its bureau verified (a pending one may not upload a seal). */
    public SealUnit aUnit(String namePrefix) {
        return aUnit(units, verifications, staff, namePrefix);
    }

    /** A registered unit of 青岛 (市南区) its bureau verified: the other city of the region-scope tests. */
    public SealUnit aQingdaoUnit(String namePrefix) {
        return sealUnit(UnitFixtures.verified(
                verifications,
                staff,
                units.register(UnitFixtures.aQingdaoUnit(namePrefix + SEQUENCE.incrementAndGet(), UNIT_PASSWORD))));
    }

    /** The unit uploads {@code png} as its seal impression (signed in as the unit for the call). */
    public SealImpression uploaded(SealUnit unit, byte[] png) {
        signIn(unit.user());
        try {
            return impressions.upload(unit.user(), png);
        } finally {
            signOut();
        }
    }

    /** {@code reviewer} approves the impression in a UKEY session, with an opinion or none ({@code null}). */
    public void approve(Reviewer reviewer, SealImpression impression, String opinion) {
        signIn(reviewer.ukeyUser());
        try {
            impressions.approve(impression.getId(), opinion);
        } finally {
            signOut();
        }
    }

    /** Uploaded by the unit and approved by {@code reviewer}: the electronic seal made from it is then in force. */
    public SealImpression approved(SealUnit unit, Reviewer reviewer, byte[] png) {
        SealImpression impression = uploaded(unit, png);
        approve(reviewer, impression, null);
        return impression;
    }

    /** A back-office account of the role with a password and a fresh UKEY certificate bound to it. */
    public Reviewer aReviewer(BackOfficeRole role) throws Exception {
        return aReviewer(staff, role);
    }

    /** A registered unit and the portal user of its account. */
    public record SealUnit(Unit unit, PortalUser user) {

        public long id() {
            return unit.getId();
        }

        public String name() {
            return unit.getName();
        }

        public String creditCode() {
            return unit.getCreditCode();
        }
    }

    /**
     * A back-office account with a password and a fresh UKEY certificate bound to it.
     *
     * @param tls the UKEY as a TLS client context, for a session on the mutual-TLS port
     */
    public record Reviewer(String username, BackOfficeUser ukeyUser, BackOfficeUser passwordUser, SSLContext tls) {}

    /** A registered unit its bureau verified (a pending one may not upload a seal). */
    public static SealUnit aUnit(
            Units units, UnitVerifications verifications, BackOfficeStaff staff, String namePrefix) {
        return sealUnit(UnitFixtures.verified(
                verifications, staff, units.register(UnitFixtures.aUnit(namePrefix + SEQUENCE.incrementAndGet()))));
    }

    private static SealUnit sealUnit(Unit unit) {
        return new SealUnit(
                unit,
                new PortalUser(unit.getAccountId(), PortalAccountKind.UNIT, unit.getCreditCode(), unit.getName()));
    }

    public static Reviewer aReviewer(BackOfficeStaff staff, BackOfficeRole role) throws Exception {
        String username = "seal-" + role.name().toLowerCase().replace('_', '-') + "-" + SEQUENCE.incrementAndGet();
        BackOfficeUser passwordUser = staff.passwordUser(username, "印模审核" + SEQUENCE.get(), role, REVIEWER_PASSWORD);
        var account = staff.accounts().findByUsername(username).orElseThrow();
        TestUkey ukey = TestUkey.fresh(username);
        BackOfficeUser ukeyUser = staff.ukeyUser(account.getId(), ukey.certificate());
        return new Reviewer(username, ukeyUser, passwordUser, ukey.tls());
    }

    /** Makes {@code user} the signed-in user of this thread (call {@link #signOut()} afterwards). */
    public static void signIn(BackOfficeUser user) {
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    public static void signIn(PortalUser user) {
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(
                        user,
                        null,
                        List.of(new SimpleGrantedAuthority(user.kind().role()))));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
