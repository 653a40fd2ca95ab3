package cn.hrss.zcrd.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sizes read as KB or MB wherever a file is listed (issue 17 item 4), never as raw bytes. */
class FileSizesTest {

    @ParameterizedTest
    @CsvSource({
        "0,         0 KB",
        "1,         1 KB",
        "1024,      1 KB",
        "1025,      2 KB",
        "524288,    512 KB",
        "1047552,   1023 KB",
        "1048575,   1 MB",
        "1048576,   1 MB",
        "1572864,   1.5 MB",
        "5242880,   5 MB",
        "5243000,   5 MB",
        "10380902,  9.9 MB"
    })
    void sizesReadAsKilobytesOrMegabytes(long bytes, String expected) {
        assertThat(FileSizes.of(bytes)).isEqualTo(expected);
    }
}
