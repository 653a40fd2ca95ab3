package cn.hrss.zcrd.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CertificateNumberTest {

    @Test
    void printsYearUnitAndSequenceInEighteenCharacters() {
        CertificateNumber n = CertificateNumber.of(12, 2026, 1);
        assertThat(n.value()).isEqualTo("ZC2026000012000001").hasSize(18);
        assertThat(CertificateNumber.parse(" zc2026000012000001 ")).isEqualTo(n);
        assertThat(CertificateNumber.parse("ZC2026000012999999").sequence()).isEqualTo(999_999);
        assertThat(n.unitId()).isEqualTo(12);
        assertThat(n.year()).isEqualTo(2026);
    }

    @Test
    void ordersByYearUnitAndSequence() {
        assertThat(CertificateNumber.of(12, 2026, 2)).isGreaterThan(CertificateNumber.of(12, 2026, 1));
        assertThat(CertificateNumber.of(12, 2027, 1)).isGreaterThan(CertificateNumber.of(12, 2026, 999_999));
    }

    @Test
    void refusesWhatIsNotACertificateNumber() {
        for (String bad : new String[] {
            null,
            "",
            "ZC2026000012",
            "ZC20260000120000001",
            "XX2026000012000001",
            "ZC2026000012000000",
            "ZC20260000A2000001",
            "ZC1999000012000001"
        }) {
            assertThat(CertificateNumber.isValid(bad)).as(bad).isFalse();
        }
        assertThatThrownBy(() -> CertificateNumber.of(0, 2026, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateNumber.of(1_000_000, 2026, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateNumber.of(12, 2026, 1_000_000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
