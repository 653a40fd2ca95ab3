package cn.hrss.zcrd.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps issue 17's item 2 done: no class but {@link BusinessTime} chooses a zone or declares a date pattern, and no
 * view uses {@code f:convertDateTime} (UTC by default in Faces) — dates go through {@code #{businessTime}} and the
 * {@code #{businessDate}} converter.
 */
class OneBusinessTimeZoneTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path VIEWS = Path.of("src/main/resources/META-INF/resources");
    private static final Path BUSINESS_TIME = SOURCES.resolve("cn/hrss/zcrd/shared/BusinessTime.java");
    private static final Pattern ZONE_OR_PATTERN = Pattern.compile(
            "ZoneId\\.systemDefault\\(|ZoneId\\.of\\(|DateTimeFormatter\\.ofPattern\\(|new SimpleDateFormat\\("
                    + "|Clock\\.systemDefaultZone\\(|TimeZone\\.getDefault\\(|LocalDate\\.now\\(\\)"
                    + "|LocalDateTime\\.now\\(\\)");

    @Test
    void noClassButBusinessTimeChoosesAZoneOrADatePattern() {
        List<String> offenders = files(SOURCES, ".java").stream()
                .filter(file -> !file.equals(BUSINESS_TIME))
                .flatMap(file -> matches(file, ZONE_OR_PATTERN))
                .toList();
        assertThat(offenders).isEmpty();
    }

    @Test
    void noViewUsesConvertDateTime() {
        List<String> offenders = files(VIEWS, ".xhtml").stream()
                .flatMap(file -> matches(file, Pattern.compile("f:convertDateTime|<f:convertDateTime")))
                .toList();
        assertThat(offenders).isEmpty();
    }

    @Test
    void theCheckSeesWhatItLooksFor() {
        assertThat(matches(BUSINESS_TIME, ZONE_OR_PATTERN).toList()).isNotEmpty();
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> matches(Path file, Pattern pattern) {
        try {
            List<String> lines = Files.readAllLines(file);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> pattern.matcher(lines.get(i)).find())
                    .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
