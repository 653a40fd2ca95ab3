package cn.hrss.zcrd.catalog.internal;

import static cn.hrss.zcrd.catalog.internal.CatalogFixture.regions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import cn.hrss.zcrd.catalog.Bureau;
import cn.hrss.zcrd.catalog.Region;
import cn.hrss.zcrd.catalog.RegionKind;
import org.junit.jupiter.api.Test;

/** Region paths, children, data scope and the nearest bureau on a small tree. */
class RegionTreeTest {

    @Test
    void theProvinceIsTheRootAndChildrenComeInDisplayOrder() {
        RegionTree tree = regions().buildTree();

        assertThat(tree.province().code()).isEqualTo("370000");
        assertThat(tree.children("370000")).extracting(Region::name).containsExactly("济南市", "青岛市", "淄博市");
        assertThat(tree.children("370100")).extracting(Region::code).containsExactly("370102", "370103");
        assertThat(tree.children("370102")).isEmpty();
    }

    @Test
    void aPathRunsFromTheProvinceDown() {
        RegionTree tree = regions().buildTree();

        assertThat(tree.path("370102")).extracting(Region::name).containsExactly("山东省", "济南市", "历下区");
        assertThat(tree.path("370000")).extracting(Region::kind).containsExactly(RegionKind.PROVINCE);
        assertThat(tree.path("999999")).isEmpty();
        assertThat(tree.path(null)).isEmpty();
    }

    @Test
    void aDistrictIsServedByItsCityBureau_aCityWithoutOneByTheProvince() {
        RegionTree tree = regions().buildTree();

        assertThat(tree.bureauOf("370102")).map(Bureau::code).hasValue("HRSS370100");
        assertThat(tree.bureauOf("370100")).map(Bureau::code).hasValue("HRSS370100");
        assertThat(tree.bureauOf("370202")).map(Bureau::name).hasValue("青岛市人力资源和社会保障局");
        assertThat(tree.bureauOf("370300")).map(Bureau::code).hasValue("HRSS370000");
        assertThat(tree.bureauOf("999999")).isEmpty();
    }

    @Test
    void aDistrictWithItsOwnBureauIsServedByIt() {
        RegionTree tree = regions()
                .plus(new Bureau(9, "HRSS370102", "济南市历下区人力资源和社会保障局", "370102", 9, true))
                .buildTree();

        assertThat(tree.bureauOf("370102")).map(Bureau::code).hasValue("HRSS370102");
        assertThat(tree.bureauOf("370103")).map(Bureau::code).hasValue("HRSS370100");
    }

    @Test
    void aDisabledBureauHandsItsRegionsToTheNextOneUp() {
        RegionTree tree =
                regions().withBureau("HRSS370100", CatalogFixture::disabled).buildTree();

        assertThat(tree.bureauOf("370102")).map(Bureau::code).hasValue("HRSS370000");
        assertThat(tree.bureaus()).extracting(Bureau::code).containsExactly("HRSS370000", "HRSS370200");
        assertThat(tree.findBureau("HRSS370100")).isPresent();
        assertThat(tree.findBureau(2)).map(Bureau::regionCode).hasValue("370100");
    }

    @Test
    void aBureauScopeIsItsRegionAndEverythingBelow_disabledRegionsIncluded() {
        RegionTree tree =
                regions().withRegion("370103", CatalogFixture::disabled).buildTree();

        assertThat(tree.codesWithin("370100")).containsExactlyInAnyOrder("370100", "370102", "370103");
        assertThat(tree.codesWithin("370000")).hasSize(7);
        assertThat(tree.codesWithin("999999")).isEmpty();
        assertThat(tree.isWithin("370103", "370100")).isTrue();
        assertThat(tree.isWithin("370202", "370100")).isFalse();
        assertThat(tree.isWithin("370100", "370100")).isTrue();
        assertThat(tree.children("370100")).extracting(Region::code).containsExactly("370102");
        assertThat(tree.find("370103")).isPresent();
    }

    @Test
    void aBrokenTreeIsRejected() {
        assertThatIllegalStateException()
                .isThrownBy(() -> regions()
                        .plus(new Region("379999", "无", RegionKind.DISTRICT, "378888", 1, true))
                        .buildTree())
                .withMessageContaining("unknown parent 378888");
        assertThatIllegalStateException()
                .isThrownBy(() -> regions()
                        .plus(new Region("410000", "河南省", RegionKind.PROVINCE, null, 2, true))
                        .buildTree())
                .withMessageContaining("one province");
        assertThatIllegalStateException()
                .isThrownBy(() -> regions()
                        .withRegion("370100", r -> new Region(r.code(), r.name(), r.kind(), "370102", 1, true))
                        .buildTree())
                .withMessageContaining("cycle");
        assertThatIllegalStateException()
                .isThrownBy(() -> regions()
                        .plus(new Bureau(8, "HRSS-DUP", "重复", "370100", 8, true))
                        .buildTree())
                .withMessageContaining("duplicate bureau");
        assertThatIllegalStateException()
                .isThrownBy(() -> regions()
                        .plus(new Bureau(8, "HRSS999999", "无", "999999", 8, true))
                        .buildTree())
                .withMessageContaining("unknown region 999999");
    }
}
