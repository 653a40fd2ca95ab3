package cn.hrss.zcrd.support;

import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.BackOfficeLoginDetails;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.internal.TotpCodes;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * Back-office accounts with a ready password + TOTP fallback, and the codes an authenticator app would show.
 * A code's time step can be used once per account; {@link #code} hands out the next unused step of the window
 * (moving the TOTP clock of the tests forward when the window is used up, never waiting), so tests may log in as
 * often as they like.
 */
public final class BackOfficeLogins {

    private static final Duration STEP = TotpCodes.STEP;
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();
    private static final TotpCodes CODES = new TotpCodes(TestClock.totp());

    private BackOfficeLogins() {}

    /** A new Base32 TOTP secret. */
    public static String newSecret() {
        return TotpCodes.base32(TotpCodes.newSecret());
    }

    /**
     * An account with its own password and an enrolled authenticator (secret returned), or the existing one with
     * that username (whose secret must be known: use a unique username per test class).
     */
    public static Fallback account(
            BackOfficeStaff staff, String username, String displayName, BackOfficeRole role, String password) {
        BackOfficeAccount account = staff.accounts()
                .findByUsername(username)
                .orElseGet(() -> staff.accounts().create(username, displayName, role, password));
        String secret = SECRETS.computeIfAbsent(username, name -> {
            String fresh = newSecret();
            staff.credentials().installTotp(account.getId(), fresh);
            return fresh;
        });
        return new Fallback(account, username, password, secret);
    }

    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();

    /** An account, its password and its TOTP secret. */
    public record Fallback(BackOfficeAccount account, String username, String password, String secret) {

        /** Signs in on the back office's login page of {@code base} in the browser, as a person types it. */
        public void signIn(WebDriver browser, String base) {
            browser.get(base + "/sdmanager/login.xhtml");
            browser.findElement(By.id("username")).sendKeys(username);
            browser.findElement(By.id("password")).sendKeys(password);
            browser.findElement(By.id("totp")).sendKeys(code(secret));
            Browser.submit(browser, By.id("login-submit"));
        }

        /** Signs in through the fallback login form; returns the page it lands on. */
        public HttpResponse<String> login(BrowserlessSession session) throws Exception {
            return logIn(session, username, password, code(secret));
        }
    }

    /** Posts the fallback login form with a password only (a first login, or one that must fail). */
    public static HttpResponse<String> logIn(BrowserlessSession session, String username, String password)
            throws IOException, InterruptedException {
        return session.submit(
                "/sdmanager/login.xhtml", "/sdmanager/login", Map.of("username", username, "password", password));
    }

    /** Posts the fallback login form with password and TOTP code; returns the page it lands on. */
    public static HttpResponse<String> logIn(BrowserlessSession session, String username, String password, String totp)
            throws IOException, InterruptedException {
        return session.submit(
                "/sdmanager/login.xhtml",
                "/sdmanager/login",
                Map.of("username", username, "password", password, "totp", totp));
    }

    /**
     * The user of a fallback (password + TOTP) session of a new account of {@code role}, authenticated by the real
     * login provider — for tests that call services as that user. The account keeps {@code password} and its TOTP
     * secret (see {@link #account}), so the same username can log in through the form again.
     */
    public static BackOfficeUser passwordUser(
            BackOfficeStaff staff, String username, String displayName, BackOfficeRole role, String password) {
        Fallback fallback = account(staff, username, displayName, role, password);
        UsernamePasswordAuthenticationToken request =
                UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        request.setDetails(new BackOfficeLoginDetails("127.0.0.1", code(fallback.secret())));
        return (BackOfficeUser)
                staff.logins().passwordLogin().authenticate(request).getPrincipal();
    }

    /**
     * A code for the next time step of {@code secret} not handed out before (the server refuses a used step): the
     * current step, else the next one, else — both used — the one after, for which the TOTP clock the server reads
     * ({@link TestClock#totp()}) is moved forward to the step before it rather than waited for.
     */
    public static synchronized String code(String secret) {
        TestClock clock = TestClock.totp();
        long current = TotpCodes.stepOf(clock.instant());
        long step = Math.max(current, LAST_STEP.getOrDefault(secret, Long.MIN_VALUE) + 1);
        if (step > current + 1) {
            // the server takes one step either side: from the start of step - 1 on, step stays valid for 60 s
            clock.advance(Duration.between(clock.instant(), Instant.ofEpochSecond((step - 1) * STEP.getSeconds())));
        }
        LAST_STEP.put(secret, step);
        return codeAt(secret, step);
    }

    /** The code of one time step (for replay tests). */
    public static String codeAt(String secret, long step) {
        return CODES.code(TotpCodes.fromBase32(secret), step);
    }

    /** The current time step of the TOTP clock the server reads. */
    public static long currentStep() {
        return TotpCodes.stepOf(TestClock.totp().instant());
    }
}
