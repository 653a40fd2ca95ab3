package cn.hrss.zcrd.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DivisionCodesTest {

    @Test
    void todaysAndAbolishedDivisionsAreKnownAndNothingElse() {
        assertThat(DivisionCodes.size()).isGreaterThan(7000);
        assertThat(DivisionCodes.name("370102")).contains("历下区");
        assertThat(DivisionCodes.name("110103")).contains("崇文区");
        assertThat(DivisionCodes.isKnown("370199")).isFalse();
        assertThat(DivisionCodes.isKnown("000000")).isFalse();
        assertThat(DivisionCodes.isKnown(null)).isFalse();
    }

    @Test
    void everyRegionOfTheShippedDictionaryIsANationalCode() throws Exception {
        String sql;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V3__catalog_reference_data.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher region = Pattern.compile("\\('(\\d{6})', '[^']+', '(PROVINCE|CITY|DISTRICT)'")
                .matcher(sql);
        List<String> codes = new ArrayList<>();
        while (region.find()) {
            codes.add(region.group(1));
        }

        assertThat(codes).hasSizeGreaterThan(30).allMatch(DivisionCodes::isKnown);
    }
}
