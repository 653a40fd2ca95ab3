package cn.hrss.zcrd.support;

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
 * An IT that changes its application context (properties, profiles, mocked beans, a dirtied context) gets a context
 * of its own; in the JVM the other ITs share, that second faces application takes over Weld's static container and
 * every later browser page with a view-scoped bean answers 500 ("No active contexts for scope type SessionScoped").
 * Such an IT must be tagged {@code @Tag("own-jvm")} (pom.xml runs those each in a JVM of its own).
 */
class OwnJvmTagTest {

    private static final Path TESTS = Path.of("src/test/java");
    private static final Pattern CONTEXT_OF_ITS_OWN = Pattern.compile(
            "@TestPropertySource|@DynamicPropertySource|@ActiveProfiles|@MockitoBean|@MockitoSpyBean|@DirtiesContext"
                    + "|@SpringBootTest\\(");

    @Test
    void everyItWithAContextOfItsOwnRunsInAJvmOfItsOwn() {
        List<String> untagged = its().stream()
                .filter(file -> CONTEXT_OF_ITS_OWN.matcher(read(file)).find())
                .filter(file -> !read(file).contains("@Tag(\"own-jvm\")"))
                .map(Path::toString)
                .toList();
        assertThat(untagged).isEmpty();
    }

    @Test
    void theCheckSeesWhatItLooksFor() {
        assertThat(its()).extracting(p -> p.getFileName().toString()).contains("FreshDevOnboardingBrowserIT.java");
        assertThat(its().stream()
                        .filter(file -> CONTEXT_OF_ITS_OWN.matcher(read(file)).find()))
                .isNotEmpty();
    }

    private static List<Path> its() {
        try (Stream<Path> walk = Files.walk(TESTS)) {
            return walk.filter(p -> p.getFileName().toString().endsWith("IT.java"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
