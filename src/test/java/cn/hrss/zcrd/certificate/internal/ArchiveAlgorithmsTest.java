package cn.hrss.zcrd.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArchiveAlgorithmsTest {

    @Test
    void configuredNamesAndOidsBecomeOids() {
        assertThat(ArchiveAlgorithms.oids(
                        List.of("SHA-1", "sha-256", " SHA1withRSA ", "SHA256withECDSA", "1.2.3.4", "")))
                .containsExactlyInAnyOrder(
                        "1.3.14.3.2.26",
                        "2.16.840.1.101.3.4.2.1",
                        "1.2.840.113549.1.1.5",
                        "1.2.840.10045.4.3.2",
                        "1.2.3.4");
    }

    @Test
    void anUnknownNameIsRefusedByName() {
        assertThatThrownBy(() -> ArchiveAlgorithms.oids(List.of("SHA-1", "MD6")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'MD6'");
    }

    @Test
    void theColumnMatchesWholeOidsOnly() {
        String column = ArchiveAlgorithms.column(Set.of("2.16.840.1.101.3.4.2.1", "1.2.840.10045.4.3.2"));
        assertThat(column).isEqualTo(" 1.2.840.10045.4.3.2 2.16.840.1.101.3.4.2.1 ");
        assertThat(ArchiveAlgorithms.like("1.2.840.10045.4.3.2")).isEqualTo("% 1.2.840.10045.4.3.2 %");
        // "2.16.840.1.101.3.4.2" (a prefix) must not match: the spaces delimit
        assertThat(column.contains(" 2.16.840.1.101.3.4.2 ")).isFalse();
    }
}
