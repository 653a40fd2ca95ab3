package cn.hrss.zcrd.statistics.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Chart.js configurations for {@code p:chart} (PrimeFaces 15 draws with Chart.js 4): PrimeFaces writes the
 * configuration into the page's widget script, which carries the response's CSP nonce, so no inline script without
 * one and no {@code eval} is needed. Strings are JSON-escaped including {@code <}, {@code >} and {@code &}, so a name
 * from the data can never close the script element.
 */
final class ChartConfig {

    /** The theme's red and a lighter tone: declarations, certificates. */
    static final String DECLARATIONS_COLOUR = "#b71c1c";

    static final String CERTIFICATES_COLOUR = "#e8a33d";

    /** Slices of a doughnut, in turn. */
    static final List<String> PALETTE =
            List.of("#b71c1c", "#e8a33d", "#2e7d32", "#1565c0", "#6a1b9a", "#00838f", "#8d6e63", "#546e7a", "#f06292");

    private ChartConfig() {}

    /** One data series of a chart. */
    record Series(String label, List<Long> values, String colour) {}

    /** Bars side by side per label (or a line per series when {@code line}). */
    static String bars(List<String> labels, List<Series> series, boolean line) {
        String datasets = series.stream()
                .map(s -> "{\"label\":" + string(s.label()) + ",\"data\":" + numbers(s.values())
                        + ",\"backgroundColor\":" + string(s.colour()) + ",\"borderColor\":" + string(s.colour())
                        + (line ? ",\"fill\":false,\"tension\":0.2" : "") + "}")
                .collect(Collectors.joining(","));
        return "{\"type\":" + string(line ? "line" : "bar") + ",\"data\":{\"labels\":" + strings(labels)
                + ",\"datasets\":[" + datasets + "]},\"options\":" + OPTIONS
                + ",\"scales\":{\"y\":{\"beginAtZero\":true,\"ticks\":{\"precision\":0}}}}}";
    }

    /** One doughnut of shares. */
    static String doughnut(List<String> labels, String label, List<Long> values) {
        List<String> colours = java.util.stream.IntStream.range(0, labels.size())
                .mapToObj(i -> PALETTE.get(i % PALETTE.size()))
                .toList();
        return "{\"type\":\"doughnut\",\"data\":{\"labels\":" + strings(labels) + ",\"datasets\":[{\"label\":"
                + string(label) + ",\"data\":" + numbers(values) + ",\"backgroundColor\":" + strings(colours)
                + "}]},\"options\":" + OPTIONS + "}}";
    }

    // no animation (what is drawn is final at once), sized by the container (CSS), legend below
    private static final String OPTIONS =
            "{\"animation\":false,\"responsive\":true,\"maintainAspectRatio\":false,\"plugins\":{\"legend\":{\"position\":\"bottom\"}}";

    private static String strings(List<String> values) {
        return values.stream().map(ChartConfig::string).collect(Collectors.joining(",", "[", "]"));
    }

    private static String numbers(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
