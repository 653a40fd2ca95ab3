package cn.hrss.zcrd.verification.internal;

import cn.hrss.zcrd.shared.FileSizes;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Texts of the verification page and API from the bundles, in the UI language: Simplified Chinese unless the
 * visitor chose English (cookie {@code zcrd-lang=en}, as everywhere in the application).
 */
@Component
class VerificationMessages {

    private final MessageSource messages;

    VerificationMessages(MessageSource messages) {
        this.messages = messages;
    }

    static Locale locale(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if ("zcrd-lang".equals(c.getName()) && "en".equals(c.getValue())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    String text(HttpServletRequest request, String key, Object... args) {
        return text(locale(request), key, args);
    }

    String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** Why an upload was refused, in the request's language (the limit named where it was too large). */
    String refusal(HttpServletRequest request, UploadRefusedException refused, long maxUploadBytes) {
        return text(request, refused.messageKey(), size(maxUploadBytes));
    }

    /** Bytes as 5 MB / 512 KB for messages (the product's one size formatter). */
    static String size(long bytes) {
        return FileSizes.of(bytes);
    }
}
