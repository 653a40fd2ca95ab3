package cn.hrss.zcrd.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The shipped reference data, migrated by Flyway into a fresh MariaDB database and read through the services. */
@IntegrationTest
class CatalogIT {

    private static final List<String> LEVELS = List.of("YUAN", "ZHULI", "ZHONGJI", "FUGAO", "ZHENGGAO");

    /** Series → titles per level (员级 … 正高级); several names at one level are the series' tracks. */
    private static final Map<String, List<Set<String>>> TITLES = Map.of(
            "工程", List.of(Set.of("技术员"), Set.of("助理工程师"), Set.of("工程师"), Set.of("高级工程师"), Set.of("正高级工程师")),
            "卫生",
                    List.of(
                            Set.of("医士", "药士", "护士", "技士"),
                            Set.of("医师", "药师", "护师", "技师"),
                            Set.of("主治医师", "主管药师", "主管护师", "主管技师"),
                            Set.of("副主任医师", "副主任药师", "副主任护师", "副主任技师"),
                            Set.of("主任医师", "主任药师", "主任护师", "主任技师")),
            "教育",
                    List.of(
                            Set.of("三级教师"),
                            Set.of("二级教师", "助教"),
                            Set.of("一级教师", "讲师"),
                            Set.of("高级教师", "副教授"),
                            Set.of("正高级教师", "教授")),
            "经济", List.of(Set.of(), Set.of("助理经济师"), Set.of("经济师"), Set.of("高级经济师"), Set.of("正高级经济师")),
            "会计", List.of(Set.of(), Set.of("助理会计师"), Set.of("会计师"), Set.of("高级会计师"), Set.of("正高级会计师")),
            "统计", List.of(Set.of(), Set.of("助理统计师"), Set.of("统计师"), Set.of("高级统计师"), Set.of("正高级统计师")),
            "农业",
                    List.of(
                            Set.of("技术员"),
                            Set.of("助理农艺师", "助理畜牧师", "助理兽医师"),
                            Set.of("农艺师", "畜牧师", "兽医师"),
                            Set.of("高级农艺师", "高级畜牧师", "高级兽医师"),
                            Set.of("正高级农艺师", "正高级畜牧师", "正高级兽医师")));

    @Autowired
    TitleCatalog catalog;

    @Autowired
    Regions regions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void flywayLoadedTheCatalogIntoMariaDb(@Autowired Flyway flyway) {
        assertThat(jdbc.queryForObject("select version()", String.class)).containsIgnoringCase("mariadb");
        assertThat(flyway.info().applied())
                .extracting(MigrationInfo::getDescription)
                .contains("catalog schema", "catalog reference data");
        assertThat(jdbc.queryForObject("select name from title_level where code = 'ZHONGJI'", String.class))
                .as("Chinese text survived the migration")
                .isEqualTo("中级");
    }

    @Test
    void fiveLevels_fullTimeRecognitionCoversTheLowerThree() {
        assertThat(catalog.levels()).extracting(Level::code).containsExactlyElementsOf(LEVELS);
        assertThat(catalog.levels()).extracting(Level::name).containsExactly("员级", "助理级", "中级", "副高级", "正高级");
        assertThat(catalog.fullTimeRecognitionLevels()).extracting(Level::name).containsExactly("员级", "助理级", "中级");
    }

    @Test
    void everySeriesHasItsRealTitlesAtTheRightLevels() {
        assertThat(catalog.series()).extracting(Series::name).containsAll(TITLES.keySet());
        TITLES.forEach((seriesName, perLevel) -> {
            Series series = catalog.series().stream()
                    .filter(s -> s.name().equals(seriesName))
                    .findFirst()
                    .orElseThrow();
            for (int i = 0; i < LEVELS.size(); i++) {
                assertThat(catalog.titles(LEVELS.get(i), series.code()))
                        .extracting(Title::name)
                        .as("%s at %s", seriesName, LEVELS.get(i))
                        .containsExactlyInAnyOrderElementsOf(perLevel.get(i));
            }
        });
    }

    @Test
    void theFirstCascadeStepListsTitlesOfAllSeriesInSeriesOrder() {
        List<Title> zhongji = catalog.titles("ZHONGJI");

        assertThat(zhongji).extracting(Title::name).startsWith("工程师").contains("主管护师", "一级教师", "会计师");
        assertThat(zhongji).extracting(Title::seriesCode).containsSequence("GONGCHENG", "WEISHENG");
        assertThat(catalog.titlesBySeries("YUAN").keySet())
                .extracting(Series::name)
                .containsExactly("工程", "卫生", "教育", "农业");
    }

    @Test
    void everyTitleOffersSpecialties_everySeriesAtLeastEight() {
        List<Title> all =
                LEVELS.stream().flatMap(level -> catalog.titles(level).stream()).toList();
        assertThat(all)
                .as("every enabled title is offered at its level")
                .hasSize(jdbc.queryForObject("select count(*) from title where enabled", Integer.class))
                .allSatisfy(title -> assertThat(catalog.specialties(title.id()))
                        .as(title.name())
                        .isNotEmpty());
        Map<String, Set<String>> bySeries = all.stream()
                .collect(Collectors.groupingBy(
                        Title::seriesCode,
                        Collectors.flatMapping(
                                t -> catalog.specialties(t.id()).stream().map(Specialty::name), Collectors.toSet())));
        assertThat(bySeries)
                .hasSize(7)
                .allSatisfy((series, names) -> assertThat(names).as(series).hasSizeGreaterThanOrEqualTo(8));
    }

    @Test
    void aTrackedTitleOffersItsTrackOnly_theTracklessFarmTechnicianOffersAll() {
        Title nurse = title("ZHONGJI", "主管护师");
        assertThat(catalog.specialties(nurse.id()))
                .extracting(Specialty::name)
                .contains("护理学", "内科护理")
                .doesNotContain("内科学", "药学");
        Title engineer = title("ZHONGJI", "工程师");
        assertThat(catalog.specialties(engineer.id()))
                .extracting(Specialty::name)
                .contains("机械工程", "电气工程", "计算机应用技术", "土木工程", "水利工程");
        Title technician = catalog.titles("YUAN", "NONGYE").get(0);
        assertThat(catalog.specialties(technician.id()))
                .extracting(Specialty::name)
                .contains("作物栽培与耕作", "动物营养与饲料", "兽医临床");

        Specialty nursing = catalog.specialties(nurse.id()).get(0);
        assertThat(catalog.offers(nurse.id(), nursing.id())).isTrue();
        assertThat(catalog.offers(engineer.id(), nursing.id())).isFalse();
        assertThat(catalog.findSpecialty(nursing.id())).hasValue(nursing);
        assertThat(catalog.findTitle(nurse.id())).hasValue(nurse);
    }

    @Test
    void declarationMethodsExistForEveryFullTimeLevelWithSensibleYears() {
        for (Level level : catalog.fullTimeRecognitionLevels()) {
            assertThat(catalog.declarationMethods(level.code()))
                    .as(level.name())
                    .isNotEmpty()
                    .allSatisfy(m -> assertThat(m.requiredYears()).isBetween(0, 5));
        }
        assertThat(catalog.declarationMethods("FUGAO")).isEmpty();
        assertThat(catalog.declarationMethods("ZHENGGAO")).isEmpty();
        assertThat(catalog.declarationMethods())
                .allSatisfy(m -> assertThat(
                                catalog.findLevel(m.levelCode()).orElseThrow().fullTimeRecognition())
                        .isTrue());

        assertThat(method("全日制大学本科毕业见习期满一年"))
                .extracting(
                        DeclarationMethod::levelCode,
                        DeclarationMethod::requiredEducation,
                        DeclarationMethod::requiredYears)
                .containsExactly("ZHULI", Education.BACHELOR, 1);
        assertThat(method("全日制大专毕业从事专业技术工作满三年"))
                .extracting(
                        DeclarationMethod::levelCode,
                        DeclarationMethod::requiredEducation,
                        DeclarationMethod::requiredYears)
                .containsExactly("ZHULI", Education.JUNIOR_COLLEGE, 3);
        assertThat(method("硕士研究生毕业"))
                .extracting(DeclarationMethod::levelCode, DeclarationMethod::requiredYears)
                .containsExactly("ZHULI", 0);
        assertThat(method("博士研究生毕业"))
                .extracting(
                        DeclarationMethod::levelCode,
                        DeclarationMethod::requiredEducation,
                        DeclarationMethod::requiredYears)
                .containsExactly("ZHONGJI", Education.DOCTORATE, 0);
        DeclarationMethod any = catalog.declarationMethods().get(0);
        assertThat(catalog.findDeclarationMethod(any.id())).hasValue(any);
    }

    @Test
    void theProvinceHasItsCitiesAndEachCityItsBureau() {
        Region province = regions.province();
        assertThat(province).extracting(Region::code, Region::name).containsExactly("370000", "山东省");
        assertThat(regions.bureauOf(province.code())).map(Bureau::name).hasValue("山东省人力资源和社会保障厅");

        List<Region> cities = regions.children(province.code());
        assertThat(cities).hasSizeGreaterThanOrEqualTo(10).allSatisfy(city -> {
            assertThat(city.kind()).isEqualTo(RegionKind.CITY);
            assertThat(city.code()).matches("37\\d\\d00");
            Bureau bureau = regions.bureauOf(city.code()).orElseThrow();
            assertThat(bureau.regionCode()).as(city.name()).isEqualTo(city.code());
            assertThat(bureau.name()).isEqualTo(city.name() + "人力资源和社会保障局");
        });
        assertThat(cities).extracting(Region::name).startsWith("济南市", "青岛市").contains("临沂市", "菏泽市");
        assertThat(regions.bureaus()).hasSize(cities.size() + 1);
    }

    @Test
    void aDistrictIsServedByItsCityBureau() {
        assertThat(regions.bureauOf("370102")).map(Bureau::name).hasValue("济南市人力资源和社会保障局");
        assertThat(regions.bureauOf("370285")).map(Bureau::name).hasValue("青岛市人力资源和社会保障局");
        assertThat(regions.displayPath("370102")).isEqualTo("山东省 / 济南市 / 历下区");
        assertThat(regions.children("370100")).extracting(Region::name).contains("历下区", "章丘区", "莱芜区", "商河县");
        Bureau jinan = regions.findBureau("HRSS370100").orElseThrow();
        assertThat(regions.codesWithin(jinan.regionCode()))
                .contains("370100", "370102", "370117")
                .doesNotContain("370000", "370200", "370202");
        assertThat(regions.isWithin("370116", "370100")).isTrue();
    }

    @Test
    void anAdminEditTakesEffectOnReload_andNewRowsGetFreshIds() {
        Title engineer = title("ZHONGJI", "工程师");
        Specialty mechanical = catalog.specialties(engineer.id()).stream()
                .filter(s -> s.name().equals("机械工程"))
                .findFirst()
                .orElseThrow();
        try {
            jdbc.update("update specialty set enabled = false where id = ?", mechanical.id());
            jdbc.update("insert into specialty (code, series_id, name, sort_order) "
                    + "select 'IT_PROBE', id, '智能制造工程', 99 from title_series where code = 'GONGCHENG'");
            assertThat(catalog.specialties(engineer.id())).as("before reload").contains(mechanical);

            catalog.reload();

            assertThat(catalog.specialties(engineer.id()))
                    .extracting(Specialty::name)
                    .doesNotContain("机械工程")
                    .endsWith("智能制造工程");
            assertThat(catalog.findSpecialty(mechanical.id()))
                    .hasValueSatisfying(s -> assertThat(s.enabled()).isFalse());
            Long probeId = jdbc.queryForObject("select id from specialty where code = 'IT_PROBE'", Long.class);
            assertThat(probeId).isGreaterThan(7019);
        } finally {
            jdbc.update("delete from specialty where code = 'IT_PROBE'");
            jdbc.update("update specialty set enabled = true where id = ?", mechanical.id());
            catalog.reload();
        }
        assertThat(catalog.specialties(engineer.id())).contains(mechanical);
    }

    private Title title(String levelCode, String name) {
        return catalog.titles(levelCode).stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private DeclarationMethod method(String name) {
        return catalog.declarationMethods().stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
