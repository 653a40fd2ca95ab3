package cn.hrss.zcrd.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The buttons of a page as the server rendered it (for tests that read pages without a browser). */
public final class PageButtons {

    private static final Pattern BUTTON = Pattern.compile("<button\\b[^>]*>");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");
    private static final Pattern DISABLED = Pattern.compile("\\sdisabled(=|\\s|>|/)");

    private PageButtons() {}

    /** The ids of the buttons on {@code html} that a user could press (no {@code disabled} attribute). */
    public static List<String> enabled(String html) {
        List<String> ids = new ArrayList<>();
        Matcher button = BUTTON.matcher(html);
        while (button.find()) {
            String tag = button.group();
            Matcher id = ID.matcher(tag);
            if (id.find() && !DISABLED.matcher(tag).find()) {
                ids.add(id.group(1));
            }
        }
        return ids;
    }

    /** The ids of the buttons on {@code html}, pressable or not. */
    public static List<String> all(String html) {
        List<String> ids = new ArrayList<>();
        Matcher button = BUTTON.matcher(html);
        while (button.find()) {
            Matcher id = ID.matcher(button.group());
            if (id.find()) {
                ids.add(id.group(1));
            }
        }
        return ids;
    }
}
