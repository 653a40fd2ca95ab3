package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.shared.Captcha;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.json.JSONObject;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * What {@code <z:captcha/>} puts into the page: a fresh challenge and the widget's texts in the UI language (from
 * the bundle, {@code captcha.widget.*}; the widget's own footer and logo, which link outside, are hidden).
 */
@Component("captchaWidget")
@RequestScope
public class CaptchaWidget {

    private static final String[] TEXTS = {
        "label", "verifying", "verified", "verificationRequired", "error", "expired", "waitAlert", "verify"
    };

    private final Captcha captcha;
    private final MessageSource messages;
    private final UiLocale locale;

    CaptchaWidget(Captcha captcha, MessageSource messages, UiLocale locale) {
        this.captcha = captcha;
        this.messages = messages;
        this.locale = locale;
    }

    public String getChallengeJson() {
        return captcha.challengeJson();
    }

    public String getStrings() {
        Locale current = locale.getCurrent();
        Map<String, String> strings = new LinkedHashMap<>();
        for (String text : TEXTS) {
            strings.put(text, messages.getMessage("captcha.widget." + text, null, current));
        }
        return new JSONObject(strings).toString();
    }
}
