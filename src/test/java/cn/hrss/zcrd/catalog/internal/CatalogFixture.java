package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.Bureau;
import cn.hrss.zcrd.catalog.DeclarationMethod;
import cn.hrss.zcrd.catalog.Education;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.Region;
import cn.hrss.zcrd.catalog.RegionKind;
import cn.hrss.zcrd.catalog.Series;
import cn.hrss.zcrd.catalog.Specialty;
import cn.hrss.zcrd.catalog.Title;
import cn.hrss.zcrd.catalog.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A small catalog and region tree for unit tests, shaped like the shipped data: 工程 without tracks, 卫生 with two
 * tracks, 农业 with a track-less 技术员 over two tracks. Start from {@link #catalog()} / {@link #regions()} and
 * change rows with {@code with…} before {@code build()}.
 */
final class CatalogFixture {

    private final List<Level> levels = new ArrayList<>(List.of(
            new Level(1, "YUAN", "员级", true, 1, true),
            new Level(2, "ZHULI", "助理级", true, 2, true),
            new Level(3, "ZHONGJI", "中级", true, 3, true),
            new Level(4, "FUGAO", "副高级", false, 4, true)));
    // sort orders deliberately differ from id order
    private final List<Series> series = new ArrayList<>(List.of(
            new Series(1, "GONGCHENG", "工程", 1, true),
            new Series(2, "WEISHENG", "卫生", 2, true),
            new Series(7, "NONGYE", "农业", 3, true)));
    private final List<Track> tracks = new ArrayList<>(List.of(
            new Track(1, "WEISHENG_YI", "WEISHENG", "医疗", 1, true),
            new Track(3, "WEISHENG_HU", "WEISHENG", "护理", 2, true),
            new Track(7, "NONGYE_NY", "NONGYE", "农艺", 1, true),
            new Track(9, "NONGYE_SY", "NONGYE", "兽医", 2, true)));
    private final List<Title> titles = new ArrayList<>(List.of(
            new Title(101, "GONGCHENG_YUAN", "技术员", "YUAN", "GONGCHENG", null, 1, true),
            new Title(102, "GONGCHENG_ZHULI", "助理工程师", "ZHULI", "GONGCHENG", null, 2, true),
            new Title(103, "GONGCHENG_ZHONGJI", "工程师", "ZHONGJI", "GONGCHENG", null, 3, true),
            new Title(104, "GONGCHENG_FUGAO", "高级工程师", "FUGAO", "GONGCHENG", null, 4, true),
            new Title(203, "WEISHENG_YI_ZHONGJI", "主治医师", "ZHONGJI", "WEISHENG", "WEISHENG_YI", 3, true),
            new Title(213, "WEISHENG_HU_ZHONGJI", "主管护师", "ZHONGJI", "WEISHENG", "WEISHENG_HU", 13, true),
            new Title(212, "WEISHENG_HU_ZHULI", "护师", "ZHULI", "WEISHENG", "WEISHENG_HU", 12, true),
            new Title(701, "NONGYE_YUAN", "技术员", "YUAN", "NONGYE", null, 1, true),
            new Title(703, "NONGYE_NY_ZHONGJI", "农艺师", "ZHONGJI", "NONGYE", "NONGYE_NY", 3, true),
            new Title(711, "NONGYE_SY_ZHONGJI", "兽医师", "ZHONGJI", "NONGYE", "NONGYE_SY", 11, true)));
    private final List<Specialty> specialties = new ArrayList<>(List.of(
            new Specialty(1002, "GONGCHENG_002", "电气工程", "GONGCHENG", null, 2, true),
            new Specialty(1001, "GONGCHENG_001", "机械工程", "GONGCHENG", null, 1, true),
            new Specialty(2002, "WEISHENG_002", "内科学", "WEISHENG", "WEISHENG_YI", 2, true),
            new Specialty(2003, "WEISHENG_003", "外科学", "WEISHENG", "WEISHENG_YI", 3, true),
            new Specialty(2021, "WEISHENG_021", "护理学", "WEISHENG", "WEISHENG_HU", 21, true),
            new Specialty(2022, "WEISHENG_022", "内科护理", "WEISHENG", "WEISHENG_HU", 22, true),
            new Specialty(7001, "NONGYE_001", "作物栽培与耕作", "NONGYE", "NONGYE_NY", 1, true),
            new Specialty(7015, "NONGYE_015", "兽医临床", "NONGYE", "NONGYE_SY", 15, true)));
    private final List<DeclarationMethod> methods = new ArrayList<>(List.of(
            new DeclarationMethod(9, "BOSHI", "博士研究生毕业", "ZHONGJI", Education.DOCTORATE, 0, 9, true),
            new DeclarationMethod(5, "BENKE_1Y", "全日制大学本科毕业见习期满一年", "ZHULI", Education.BACHELOR, 1, 5, true),
            new DeclarationMethod(4, "DAZHUAN_3Y", "全日制大专毕业从事专业技术工作满三年", "ZHULI", Education.JUNIOR_COLLEGE, 3, 4, true),
            new DeclarationMethod(
                    1, "ZHONGZHUAN_1Y", "全日制中专毕业从事专业技术工作满一年", "YUAN", Education.SECONDARY_VOCATIONAL, 1, 1, true)));

    private final List<Region> regions = new ArrayList<>(List.of(
            new Region("370000", "山东省", RegionKind.PROVINCE, null, 1, true),
            new Region("370200", "青岛市", RegionKind.CITY, "370000", 2, true),
            new Region("370100", "济南市", RegionKind.CITY, "370000", 1, true),
            new Region("370300", "淄博市", RegionKind.CITY, "370000", 3, true),
            new Region("370102", "历下区", RegionKind.DISTRICT, "370100", 1, true),
            new Region("370103", "市中区", RegionKind.DISTRICT, "370100", 2, true),
            new Region("370202", "市南区", RegionKind.DISTRICT, "370200", 1, true)));
    private final List<Bureau> bureaus = new ArrayList<>(List.of(
            new Bureau(1, "HRSS370000", "山东省人力资源和社会保障厅", "370000", 1, true),
            new Bureau(3, "HRSS370200", "青岛市人力资源和社会保障局", "370200", 3, true),
            new Bureau(2, "HRSS370100", "济南市人力资源和社会保障局", "370100", 2, true)));

    private CatalogFixture() {}

    static CatalogFixture catalog() {
        return new CatalogFixture();
    }

    static CatalogFixture regions() {
        return new CatalogFixture();
    }

    CatalogFixture withLevel(String code, UnaryOperator<Level> change) {
        return with(levels, Level::code, code, change);
    }

    CatalogFixture withSeries(String code, UnaryOperator<Series> change) {
        return with(series, Series::code, code, change);
    }

    CatalogFixture withTrack(String code, UnaryOperator<Track> change) {
        return with(tracks, Track::code, code, change);
    }

    CatalogFixture withTitle(String code, UnaryOperator<Title> change) {
        return with(titles, Title::code, code, change);
    }

    CatalogFixture withSpecialty(String code, UnaryOperator<Specialty> change) {
        return with(specialties, Specialty::code, code, change);
    }

    CatalogFixture plus(Title title) {
        return plus(titles, title);
    }

    CatalogFixture plus(Specialty specialty) {
        return plus(specialties, specialty);
    }

    CatalogFixture plus(Region region) {
        return plus(regions, region);
    }

    CatalogFixture plus(Bureau bureau) {
        return plus(bureaus, bureau);
    }

    /** Changes the row of the code in the list. */
    private <T> CatalogFixture with(List<T> rows, Function<T, String> codeOf, String code, UnaryOperator<T> change) {
        rows.replaceAll(row -> codeOf.apply(row).equals(code) ? change.apply(row) : row);
        return this;
    }

    private <T> CatalogFixture plus(List<T> rows, T row) {
        rows.add(row);
        return this;
    }

    CatalogFixture withRegion(String code, UnaryOperator<Region> change) {
        return with(regions, Region::code, code, change);
    }

    CatalogFixture withBureau(String code, UnaryOperator<Bureau> change) {
        return with(bureaus, Bureau::code, code, change);
    }

    TitleSnapshot build() {
        return new TitleSnapshot(levels, series, tracks, titles, specialties, methods);
    }

    RegionTree buildTree() {
        return new RegionTree(regions, bureaus);
    }

    static Level disabled(Level l) {
        return new Level(l.id(), l.code(), l.name(), l.fullTimeRecognition(), l.sortOrder(), false);
    }

    static Series disabled(Series s) {
        return new Series(s.id(), s.code(), s.name(), s.sortOrder(), false);
    }

    static Track disabled(Track t) {
        return new Track(t.id(), t.code(), t.seriesCode(), t.name(), t.sortOrder(), false);
    }

    static Title disabled(Title t) {
        return new Title(
                t.id(), t.code(), t.name(), t.levelCode(), t.seriesCode(), t.trackCode(), t.sortOrder(), false);
    }

    static Specialty disabled(Specialty s) {
        return new Specialty(s.id(), s.code(), s.name(), s.seriesCode(), s.trackCode(), s.sortOrder(), false);
    }

    static Region disabled(Region r) {
        return new Region(r.code(), r.name(), r.kind(), r.parentCode(), r.sortOrder(), false);
    }

    static Bureau disabled(Bureau b) {
        return new Bureau(b.id(), b.code(), b.name(), b.regionCode(), b.sortOrder(), false);
    }
}
