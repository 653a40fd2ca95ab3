package cn.hrss.zcrd.support;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.altcha.altcha.Altcha;
import org.json.JSONObject;

/**
 * Solves the page's captcha the way the ALTCHA widget does in a browser: reads the challenge the page carries
 * ({@code challengejson} of {@code <altcha-widget>}), finds the number with the ALTCHA library, and builds the
 * field value the widget would put into the form (Base64 of the JSON payload). No bypass: the server checks it
 * like any other.
 */
public final class Captchas {

    /** The form field the widget fills in. */
    public static final String FIELD = "altcha";

    private static final Pattern CHALLENGE = Pattern.compile("challengejson=\"([^\"]+)\"");

    private Captchas() {}

    /**
     * Waits until the widget on the browser's page has solved its challenge (it starts when the page loads) and put
     * the solution into the form — what a person sees as "验证已完成" before pressing the button.
     */
    public static void awaitSolved(org.openqa.selenium.WebDriver browser) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(90))
                .until(
                        page -> page
                                .findElements(
                                        org.openqa.selenium.By.cssSelector("altcha-widget input[name='" + FIELD + "']"))
                                .stream()
                                .anyMatch(input -> {
                                    String value = input.getDomProperty("value");
                                    return value != null && !value.isEmpty();
                                }));
    }

    /**
     * A person's portal login with the captcha solved as the widget would (from the third failure on the name needs
     * it): the page the login lands on.
     */
    public static HttpResponse<String> personLogin(BrowserlessSession session, String idNumber, String password)
            throws Exception {
        String page = session.get("/rsrc/login.xhtml?kind=person&error&captcha").body();
        return session.submitOn(
                page,
                "/rsrc/login",
                Map.of("kind", "person", "username", idNumber, "password", password, FIELD, solve(page)));
    }

    /** Whether the page shows the captcha. */
    public static boolean shown(String page) {
        return page.contains("<altcha-widget");
    }

    /** The solution of the (first) captcha on {@code page}. */
    public static String solve(String page) {
        Matcher challenge = CHALLENGE.matcher(page);
        if (!challenge.find()) {
            throw new AssertionError("no captcha on the page");
        }
        return solveChallenge(challenge.group(1).replace("&quot;", "\"").replace("&amp;", "&"));
    }

    /** The solution of a challenge given as the widget's JSON. */
    public static String solveChallenge(String challengeJson) {
        try {
            JSONObject challenge = new JSONObject(challengeJson);
            Altcha.Solution solution = Altcha.solveChallenge(
                    challenge.getString("challenge"),
                    challenge.getString("salt"),
                    Altcha.Algorithm.fromString(challenge.getString("algorithm")),
                    challenge.getLong("maxnumber"),
                    0);
            if (solution == null) {
                throw new AssertionError("captcha challenge without a solution");
            }
            JSONObject payload = new JSONObject()
                    .put("algorithm", challenge.getString("algorithm"))
                    .put("challenge", challenge.getString("challenge"))
                    .put("number", solution.number)
                    .put("salt", challenge.getString("salt"))
                    .put("signature", challenge.getString("signature"))
                    .put("took", solution.took);
            return Base64.getEncoder().encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("captcha not solved", e);
        }
    }
}
