package cn.hrss.zcrd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Chinese UI text lives in the bundles, and the bundles say the same things (spring-petclinic's habit). */
class MessageBundlesTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** The key of a property line (no continuation lines or escaped separators in these bundles). */
    static final Pattern KEY = Pattern.compile("([^#!\\s=:][^=:\\s]*)\\s*[=:]");

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Properties zh = load("messages/messages_zh_CN.properties");
        Properties en = load("messages/messages_en.properties");

        assertThat(zh.stringPropertyNames()).isNotEmpty().isEqualTo(en.stringPropertyNames());
        assertThat(en.values())
                .allSatisfy(v -> assertThat(HAN.matcher(v.toString()).find()).isFalse());
    }

    /** Branches append their blocks and merge by union: a key defined twice would silently take the last value. */
    @Test
    void noKeyIsDefinedTwice() throws IOException {
        for (String bundle : List.of("messages/messages_zh_CN.properties", "messages/messages_en.properties")) {
            Set<String> seen = new HashSet<>();
            List<String> twice = new ArrayList<>();
            for (String line : Files.readAllLines(RESOURCES.resolve(bundle), StandardCharsets.UTF_8)) {
                Matcher key = KEY.matcher(line);
                if (key.lookingAt() && !seen.add(key.group(1))) {
                    twice.add(key.group(1));
                }
            }
            assertThat(twice).as(bundle).isEmpty();
        }
    }

    @Test
    void noViewHoldsHardCodedChineseText() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("META-INF/resources"))) {
            offenders = files.filter(f -> f.toString().endsWith(".xhtml"))
                    .filter(f -> HAN.matcher(read(f)).find())
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyMessageKeyAViewUsesExists() throws IOException {
        Properties zh = load("messages/messages_zh_CN.properties");
        Pattern key = Pattern.compile("msg\\['([^']+)'\\]");
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("META-INF/resources"))) {
            files.filter(f -> f.toString().endsWith(".xhtml"))
                    .forEach(f -> key.matcher(read(f))
                            .results()
                            .forEach(m ->
                                    assertThat(zh).as(f + " uses " + m.group(1)).containsKey(m.group(1))));
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
