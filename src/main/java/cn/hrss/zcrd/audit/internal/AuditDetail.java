package cn.hrss.zcrd.audit.internal;

import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * An audit row's detail as the audit page shows it: the {@code key=value; key=value} details of logins and
 * back-office actions become one line per field with a Chinese label ({@code audit.detail.<key>}) and a readable
 * value — roles, account kinds and reasons by their labels, a certificate's distinguished name by its holder's name
 * and organisation, times in the business time zone. A detail in another form (Chinese text, a request line) is one
 * line as it was written. Labels come from a lookup so the logic is plain Java.
 */
public final class AuditDetail {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*");
    private static final String SEPARATOR = "; ";

    /** One line of the detail column; {@code label} is null for a detail shown as written. */
    public record Line(String label, String value) implements Serializable {

        public String getLabel() {
            return label;
        }

        public String getValue() {
            return value;
        }
    }

    private final Function<String, String> labels;
    private final Function<Instant, String> times;

    /**
     * @param labels the text of a bundle key, or null when there is none
     * @param times how a point in time is shown
     */
    AuditDetail(Function<String, String> labels, Function<Instant, String> times) {
        this.labels = labels;
        this.times = times;
    }

    List<Line> lines(String detail) {
        if (detail == null || detail.isBlank()) {
            return List.of();
        }
        List<Line> lines = new ArrayList<>();
        for (String field : detail.split(SEPARATOR)) {
            int equals = field.indexOf('=');
            String key = equals > 0 ? field.substring(0, equals).strip() : "";
            if (!KEY.matcher(key).matches()) {
                return List.of(new Line(null, detail));
            }
            String value = field.substring(equals + 1).strip();
            String label = labels.apply("audit.detail." + key);
            lines.add(new Line(label == null ? key : label, value(key, value)));
        }
        return lines;
    }

    private String value(String key, String value) {
        return switch (key) {
            case "role" -> labelOr("backoffice.role." + value, value);
            case "kind" -> labelOr("audit.actor.PORTAL_" + value, value);
            case "reason" -> reason(value);
            case "reasons" -> reasons(value);
            case "subject", "issuer", "presented-subject" -> distinguishedName(value);
            case "from", "until" -> time(value);
            default -> value.equals("true") || value.equals("false") ? labelOr("audit.value." + value, value) : value;
        };
    }

    /** A login failure's word ({@code bad-credentials}) or a refusal's message key, by its label. */
    private String reason(String word) {
        String label = labels.apply("audit.reason." + word);
        if (label != null) {
            return label;
        }
        return labelOr(word, word);
    }

    /** {@code unknown-account:50,throttled:7} → 账号不存在 50 次，请求过于频繁 7 次. */
    private String reasons(String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split(",")) {
            int colon = part.lastIndexOf(':');
            if (colon <= 0) {
                parts.add(reason(part));
                continue;
            }
            String times = labels.apply("audit.detail.times");
            String count = part.substring(colon + 1);
            parts.add(reason(part.substring(0, colon)) + " " + count + (times == null ? "" : " " + times));
        }
        String joiner = labelOr("audit.detail.joiner", ", ");
        return String.join(joiner, parts);
    }

    /** {@code CN=张管理,OU=…,O=济南市人社局,C=CN} → 张管理（济南市人社局）: who, not the X.500 syntax. */
    static String distinguishedName(String dn) {
        try {
            String commonName = null;
            String organisation = null;
            for (Rdn rdn : new LdapName(dn).getRdns()) {
                String type = rdn.getType().toUpperCase(Locale.ROOT);
                if (type.equals("CN")) {
                    commonName = String.valueOf(rdn.getValue());
                } else if (type.equals("O")) {
                    organisation = String.valueOf(rdn.getValue());
                }
            }
            if (commonName == null) {
                return organisation == null ? dn : organisation;
            }
            return organisation == null ? commonName : commonName + "（" + organisation + "）";
        } catch (InvalidNameException | IllegalArgumentException e) {
            return dn;
        }
    }

    private String time(String value) {
        try {
            return times.apply(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    private String labelOr(String key, String fallback) {
        String label = labels.apply(key);
        return label == null ? fallback : label;
    }
}
