package cn.hrss.zcrd.catalog.internal;

import static cn.hrss.zcrd.catalog.internal.CatalogFixture.catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import cn.hrss.zcrd.catalog.DeclarationMethod;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.Series;
import cn.hrss.zcrd.catalog.Specialty;
import cn.hrss.zcrd.catalog.Title;
import cn.hrss.zcrd.catalog.Track;
import org.junit.jupiter.api.Test;

/** The cascade 申报级别 → 申报职称 → 现从事专业 and the 申报方式 on a small fixture. */
class TitleSnapshotTest {

    @Test
    void levelsAndSeriesComeInDisplayOrder() {
        TitleSnapshot snapshot = catalog().build();

        assertThat(snapshot.levels()).extracting(Level::code).containsExactly("YUAN", "ZHULI", "ZHONGJI", "FUGAO");
        assertThat(snapshot.series()).extracting(Series::code).containsExactly("GONGCHENG", "WEISHENG", "NONGYE");
        assertThat(snapshot.tracks("WEISHENG")).extracting(Track::name).containsExactly("医疗", "护理");
        assertThat(snapshot.tracks("GONGCHENG")).isEmpty();
    }

    @Test
    void aLevelOffersTheTitlesOfEverySeriesInSeriesOrder() {
        TitleSnapshot snapshot = catalog().build();

        assertThat(snapshot.titles("ZHONGJI"))
                .extracting(Title::name)
                .containsExactly("工程师", "主治医师", "主管护师", "农艺师", "兽医师");
        assertThat(snapshot.titles("YUAN")).extracting(Title::code).containsExactly("GONGCHENG_YUAN", "NONGYE_YUAN");
        assertThat(snapshot.titles("ZHONGJI", "WEISHENG"))
                .extracting(Title::name)
                .containsExactly("主治医师", "主管护师");
        assertThat(snapshot.titles("FUGAO", "WEISHENG")).isEmpty();
        assertThat(snapshot.titlesBySeries("ZHONGJI"))
                .hasSize(3)
                .hasEntrySatisfying(
                        snapshot.findSeries("WEISHENG").orElseThrow(),
                        titles -> assertThat(titles).extracting(Title::name).containsExactly("主治医师", "主管护师"))
                .extractingFromEntries(e -> e.getKey().code())
                .containsExactly("GONGCHENG", "WEISHENG", "NONGYE");
    }

    @Test
    void aTitleOffersTheSpecialtiesOfItsSeriesAndTrack() {
        TitleSnapshot snapshot = catalog().build();

        assertThat(snapshot.specialties(103)).extracting(Specialty::name).containsExactly("机械工程", "电气工程");
        assertThat(snapshot.specialties(213)).extracting(Specialty::name).containsExactly("护理学", "内科护理");
        assertThat(snapshot.specialties(203)).extracting(Specialty::name).containsExactly("内科学", "外科学");
        assertThat(snapshot.offers(213, 2021)).isTrue();
        assertThat(snapshot.offers(213, 2002)).as("主管护师 with 内科学").isFalse();
        assertThat(snapshot.offers(103, 2021)).as("another series").isFalse();
    }

    @Test
    void aTitleWithoutTrackOffersEveryTrackOfItsSeries_andAnUntrackedSpecialtyServesEveryTitle() {
        TitleSnapshot snapshot = catalog()
                .plus(new Specialty(7099, "NONGYE_099", "农业技术推广", "NONGYE", null, 99, true))
                .build();

        assertThat(snapshot.specialties(701)).extracting(Specialty::name).containsExactly("农业技术推广", "作物栽培与耕作", "兽医临床");
        assertThat(snapshot.specialties(711)).extracting(Specialty::name).containsExactly("农业技术推广", "兽医临床");
    }

    @Test
    void disabledRowsLeaveTheListsButAreStillFound() {
        TitleSnapshot snapshot = catalog()
                .withTitle("GONGCHENG_ZHONGJI", CatalogFixture::disabled)
                .withSpecialty("WEISHENG_022", CatalogFixture::disabled)
                .withTrack("WEISHENG_YI", CatalogFixture::disabled)
                .withSeries("NONGYE", CatalogFixture::disabled)
                .build();

        assertThat(snapshot.titles("ZHONGJI")).extracting(Title::name).containsExactly("主管护师");
        assertThat(snapshot.specialties(213)).extracting(Specialty::name).containsExactly("护理学");
        assertThat(snapshot.offers(213, 2022)).isFalse();
        assertThat(snapshot.specialties(203)).as("title of a disabled track").isEmpty();
        assertThat(snapshot.series()).extracting(Series::code).containsExactly("GONGCHENG", "WEISHENG");
        assertThat(snapshot.tracks("WEISHENG")).extracting(Track::code).containsExactly("WEISHENG_HU");

        assertThat(snapshot.findTitle(103))
                .hasValueSatisfying(t -> assertThat(t.enabled()).isFalse());
        assertThat(snapshot.findSpecialty(2022)).isPresent();
        assertThat(snapshot.findSeries("NONGYE")).isPresent();
        assertThat(snapshot.findTrack("WEISHENG_YI")).isPresent();
    }

    @Test
    void aDisabledLevelTakesItsTitlesAndDeclarationMethodsAlong() {
        TitleSnapshot snapshot =
                catalog().withLevel("YUAN", CatalogFixture::disabled).build();

        assertThat(snapshot.levels()).extracting(Level::code).doesNotContain("YUAN");
        assertThat(snapshot.titles("YUAN")).isEmpty();
        assertThat(snapshot.declarationMethods("YUAN")).isEmpty();
        assertThat(snapshot.findLevel("YUAN")).isPresent();
    }

    @Test
    void declarationMethodsAreListedByLevelThenDisplayOrder() {
        TitleSnapshot snapshot = catalog().build();

        assertThat(snapshot.declarationMethods())
                .extracting(DeclarationMethod::code)
                .containsExactly("ZHONGZHUAN_1Y", "DAZHUAN_3Y", "BENKE_1Y", "BOSHI");
        assertThat(snapshot.declarationMethods("ZHULI"))
                .extracting(DeclarationMethod::requiredYears)
                .containsExactly(3, 1);
        assertThat(snapshot.declarationMethods("FUGAO")).isEmpty();
        assertThat(snapshot.findDeclarationMethod(9)).hasValueSatisfying(m -> {
            assertThat(m.levelCode()).isEqualTo("ZHONGJI");
            assertThat(m.requiredYears()).isZero();
        });
    }

    @Test
    void nothingChosenYetOrUnknownKeysGiveEmptyAnswers() {
        TitleSnapshot snapshot = catalog().build();

        assertThat(snapshot.titles(null)).isEmpty();
        assertThat(snapshot.titles(null, null)).isEmpty();
        assertThat(snapshot.titles("NO_SUCH_LEVEL")).isEmpty();
        assertThat(snapshot.titlesBySeries(null)).isEmpty();
        assertThat(snapshot.tracks(null)).isEmpty();
        assertThat(snapshot.specialties(999_999)).isEmpty();
        assertThat(snapshot.offers(999_999, 1001)).isFalse();
        assertThat(snapshot.declarationMethods(null)).isEmpty();
        assertThat(snapshot.findLevel(null)).isEmpty();
        assertThat(snapshot.findSeries("NO_SUCH_SERIES")).isEmpty();
        assertThat(snapshot.findTitle(999_999)).isEmpty();
    }

    @Test
    void inconsistentDataIsRejectedWhenTheSnapshotIsBuilt() {
        assertThatIllegalStateException()
                .isThrownBy(() -> catalog()
                        .plus(new Title(299, "BAD", "错配", "ZHONGJI", "GONGCHENG", "WEISHENG_HU", 1, true))
                        .build())
                .withMessageContaining("not in series GONGCHENG");
        assertThatIllegalStateException()
                .isThrownBy(() -> catalog()
                        .plus(new Specialty(2999, "BAD", "错配", "NONGYE", "WEISHENG_YI", 1, true))
                        .build())
                .withMessageContaining("not in series NONGYE");
        assertThatIllegalStateException()
                .isThrownBy(() -> catalog()
                        .plus(new Title(199, "BAD", "无级别", "ZHENGGAO", "GONGCHENG", null, 1, true))
                        .build())
                .withMessageContaining("unknown ZHENGGAO");
        assertThatIllegalStateException()
                .isThrownBy(() -> catalog()
                        .plus(new Title(198, "GONGCHENG_YUAN", "重复", "YUAN", "GONGCHENG", null, 1, true))
                        .build())
                .withMessageContaining("duplicate title GONGCHENG_YUAN");
    }

    @Test
    void listsCannotBeChangedByCallers() {
        TitleSnapshot snapshot = catalog().build();

        assertThat(snapshot.titles("ZHONGJI")).isUnmodifiable();
        assertThat(snapshot.specialties(103)).isUnmodifiable();
        assertThat(snapshot.levels()).isUnmodifiable();
        assertThat(snapshot.titlesBySeries("ZHONGJI")).isUnmodifiable();
    }
}
