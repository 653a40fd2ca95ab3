package cn.hrss.zcrd.support;

import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.account.BackOfficeLoginDetails;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * Back-office accounts with a ready password + TOTP fallback, and the codes an authenticator app would show.
 * A code's time step can be used once per account; {@link #code} hands out the next unused step of the window
 * (waiting for the next 30-second step when the window is used up), so tests may log in several times.
 */
public final class BackOfficeLogins {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private BackOfficeLogins() {}

    /** A new Base32 TOTP secret. */
    public static String newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return new String(Base32.encode(secret), StandardCharsets.US_ASCII).replace("=", "");
    }

    /**
     * An account with its own password and an enrolled authenticator (secret returned), or the existing one with
     * that username (whose secret must be known: use a unique username per test class).
     */
    public static Fallback account(
            BackOfficeAccounts accounts, String username, String displayName, BackOfficeRole role, String password) {
        BackOfficeAccount account = accounts.findByUsername(username)
                .orElseGet(() -> accounts.create(username, displayName, role, password));
        String secret = SECRETS.computeIfAbsent(username, name -> {
            String fresh = newSecret();
            accounts.installTotp(account.getId(), fresh);
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
            return session.submit(
                    "/sdmanager/login.xhtml",
                    "/sdmanager/login",
                    Map.of("username", username, "password", password, "totp", code(secret)));
        }
    }

    /**
     * The user of a fallback (password + TOTP) session of a new account of {@code role}, authenticated by the real
     * login provider — for tests that call services as that user. The account keeps {@code password} and its TOTP
     * secret (see {@link #account}), so the same username can log in through the form again.
     */
    public static BackOfficeUser passwordUser(
            BackOfficeAccounts accounts, String username, String displayName, BackOfficeRole role, String password) {
        Fallback fallback = account(accounts, username, displayName, role, password);
        UsernamePasswordAuthenticationToken request =
                UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        request.setDetails(new BackOfficeLoginDetails("127.0.0.1", code(fallback.secret())));
        return (BackOfficeUser) accounts.passwordLogin().authenticate(request).getPrincipal();
    }

    /** A code for the next time step of {@code secret} not handed out before (the server refuses a used step). */
    public static synchronized String code(String secret) {
        while (true) {
            long current = Instant.now().getEpochSecond() / STEP.getSeconds();
            long last = LAST_STEP.getOrDefault(secret, Long.MIN_VALUE);
            // the server takes one step either side; the current and the next step stay valid for at least 30 s on a
            // busy machine, the previous one may be gone by the time the request is handled
            for (long step = current; step <= current + 1; step++) {
                if (step > last) {
                    LAST_STEP.put(secret, step);
                    return codeAt(secret, step);
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The code of one time step (for replay tests). */
    public static String codeAt(String secret, long step) {
        try {
            TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, 6);
            String clean = secret.toUpperCase(Locale.ROOT);
            byte[] key = Base32.decode(clean + "=".repeat((8 - clean.length() % 8) % 8));
            return generator.generateOneTimePasswordString(
                    new SecretKeySpec(key, generator.getAlgorithm()),
                    Instant.ofEpochSecond(step * STEP.getSeconds()),
                    Locale.ROOT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The current time step. */
    public static long currentStep() {
        return Instant.now().getEpochSecond() / STEP.getSeconds();
    }
}
