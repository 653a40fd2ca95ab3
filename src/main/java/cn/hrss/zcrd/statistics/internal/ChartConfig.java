package cn.hrss.zcrd.statistics.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonpCharacterEscapes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chart.js configurations for {@code p:chart} (PrimeFaces 15 draws with Chart.js 4): PrimeFaces writes the
 * configuration into the page's widget script, which carries the response's CSP nonce, so no inline script without
 * one and no {@code eval} is needed. Written by Jackson with {@code <}, {@code >}, {@code &}, U+2028 and U+2029
 * escaped as well, so a name from the data can never close the script element.
 */
final class ChartConfig {

    /** The theme's red and a lighter tone: declarations, certificates. */
    static final String DECLARATIONS_COLOUR = "#b71c1c";

    static final String CERTIFICATES_COLOUR = "#e8a33d";

    /** Slices of a doughnut, in turn. */
    static final List<String> PALETTE =
            List.of("#b71c1c", "#e8a33d", "#2e7d32", "#1565c0", "#6a1b9a", "#00838f", "#8d6e63", "#546e7a", "#f06292");

    private static final JsonMapper JSON = JsonMapper.builder(
                    JsonFactory.builder().characterEscapes(new ScriptSafe()).build())
            .build();

    private ChartConfig() {}

    /** One data series of a chart. */
    record Series(String label, List<Long> values, String colour) {}

    /** Bars side by side per label (or a line per series when {@code line}). */
    static String bars(List<String> labels, List<Series> series, boolean line) {
        List<Map<String, Object>> datasets = series.stream()
                .map(s -> {
                    Map<String, Object> dataset = new LinkedHashMap<>();
                    dataset.put("label", s.label());
                    dataset.put("data", s.values());
                    dataset.put("backgroundColor", s.colour());
                    dataset.put("borderColor", s.colour());
                    if (line) {
                        dataset.put("fill", false);
                        dataset.put("tension", 0.2);
                    }
                    return dataset;
                })
                .toList();
        Map<String, Object> options = options();
        options.put("scales", Map.of("y", Map.of("beginAtZero", true, "ticks", Map.of("precision", 0))));
        return chart(line ? "line" : "bar", labels, datasets, options);
    }

    /** One doughnut of shares. */
    static String doughnut(List<String> labels, String label, List<Long> values) {
        List<String> colours = IntStream.range(0, labels.size())
                .mapToObj(i -> PALETTE.get(i % PALETTE.size()))
                .toList();
        return chart(
                "doughnut",
                labels,
                List.of(Map.of("label", label, "data", values, "backgroundColor", colours)),
                options());
    }

    private static String chart(
            String type, List<String> labels, List<Map<String, Object>> datasets, Map<String, Object> options) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", type);
        config.put("data", Map.of("labels", labels, "datasets", datasets));
        config.put("options", options);
        return JSON.writeValueAsString(config);
    }

    // no animation (what is drawn is final at once), sized by the container (CSS), legend below
    private static Map<String, Object> options() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("animation", false);
        options.put("responsive", true);
        options.put("maintainAspectRatio", false);
        options.put("plugins", Map.of("legend", Map.of("position", "bottom")));
        return options;
    }

    /** JSON's escapes, U+2028 and U+2029 (as for JSONP), and {@code < > &}. */
    private static final class ScriptSafe extends JsonpCharacterEscapes {

        private static final long serialVersionUID = 1L;

        private static final int[] ASCII = CharacterEscapes.standardAsciiEscapesForJSON();

        static {
            ASCII['<'] = CharacterEscapes.ESCAPE_STANDARD;
            ASCII['>'] = CharacterEscapes.ESCAPE_STANDARD;
            ASCII['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII.clone();
        }
    }
}
