package cn.hrss.zcrd.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

/** A seal certificate's subject as the verification page labels it. */
class SubjectNamesTest {

    @Test
    void aSealSubjectBecomesLabelledPartsInTheOrderAPersonReadsThem() {
        String dn = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, "济南市某某有限公司（测试）")
                .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, "91370100MA3C00001X")
                .addRDN(BCStyle.CN, "济南市某某有限公司（测试） 电子印章")
                .build()
                .toString();

        assertThat(dn).contains("organizationIdentifier="); // what the page used to show
        assertThat(SubjectNames.parts(dn))
                .extracting(part -> part[0] + "|" + part[1])
                .containsExactly(
                        "O|济南市某某有限公司（测试）",
                        "organizationIdentifier|91370100MA3C00001X",
                        "CN|济南市某某有限公司（测试） 电子印章",
                        "C|CN");
    }

    @Test
    void unknownAttributesAreOtherAndNothingIsNothing() {
        assertThat(SubjectNames.parts("O=单位,2.5.4.12=经理"))
                .extracting(part -> part[0] + "|" + part[1])
                .containsExactly("O|单位", "other|经理");
        assertThat(SubjectNames.parts(null)).isEmpty();
        assertThat(SubjectNames.parts(" ")).isEqualTo(List.of());
    }
}
