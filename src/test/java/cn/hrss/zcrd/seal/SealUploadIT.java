package cn.hrss.zcrd.seal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Uploads through the portal form as a unit's browser would send them (multipart, CSRF token, view state): bad
 * files are each refused at the field with their Chinese message and nothing is stored; a good one becomes version 1.
 */
@IntegrationTest
class SealUploadIT {

    static final String PAGE = "/rsrc/unit/seal.xhtml";
    static final Pattern FILE_INPUT = Pattern.compile("<input[^>]*type=\"file\"[^>]*>");
    static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");

    @Autowired
    SealFixtures sealFixtures;

    @Autowired
    ConnectorPorts ports;

    @Autowired
    JdbcTemplate jdbc;

    SealFixtures.SealUnit unit;
    BrowserlessSession session;

    @BeforeEach
    void signIn() throws Exception {
        unit = sealFixtures.aUnit("印模上传测试单位");
        session = Faces.publicSession(ports);
        assertThat(session.portalLogin("unit", unit.creditCode(), SealFixtures.UNIT_PASSWORD)
                        .body())
                .contains(unit.name());
    }

    @Test
    void aJpegRenamedToPngIsRefused() throws Exception {
        assertRefused(
                upload("seal.png", "image/png", SealImages.jpegSeal(300)),
                "该文件实际是JPEG图片（与文件扩展名无关），JPEG不支持透明背景，请上传透明背景的PNG图片。");
    }

    @Test
    void aPngWithoutTransparencyIsRefused() throws Exception {
        assertRefused(upload("seal.png", "image/png", SealImages.opaqueSeal(300)), "该PNG图片没有透明背景，请将印章以外的底色设为透明后再上传。");
    }

    @Test
    void anOversizedFileIsRefused() throws Exception {
        byte[] large = SealImages.noisyTransparentPng(400);
        assertThat(large.length).isBetween(512 * 1024 + 1, 1024 * 1024 - 1);

        assertRefused(upload("seal.png", "image/png", large), "文件超过512KB，请压缩后再上传。");
    }

    @Test
    void aDecompressionBombOf20000By20000PixelsIsRefusedFromItsHeader() throws Exception {
        byte[] bomb = SealImages.pngHeaderClaiming(20_000, 20_000);

        assertRefused(upload("seal.png", "image/png", bomb), "图片尺寸20000×20000像素过大，宽和高均不得超过2000像素。");
    }

    @Test
    void anSvgIsRefused() throws Exception {
        assertRefused(upload("seal.svg", "image/svg+xml", SealImages.svgSeal()), "不接受SVG矢量图形文件，请上传透明背景的PNG图片。");
        assertRefused(upload("seal.png", "image/png", SealImages.svgSeal()), "不接受SVG矢量图形文件，请上传透明背景的PNG图片。");
    }

    @Test
    void submittingWithoutAFileAsksForOne() throws Exception {
        assertRefused(upload("", "application/octet-stream", new byte[0]), "请选择要上传的印章图片。");
    }

    @Test
    void aTransparentPngBecomesVersionOnePendingReview() throws Exception {
        HttpResponse<String> page = upload("any-name.bin", "application/octet-stream", SealImages.transparentSeal(400));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("第1版印模已上传，等待人社局审核。")
                .contains("待审核")
                .contains("证书效果预览：第1版（待审核）")
                .contains("尚无审核通过的印模");
        assertThat(stored()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select concat(seal_version, state, width, 'x', height) from seal_impression "
                                + "where unit_id = ?",
                        String.class,
                        unit.id()))
                .isEqualTo("1PENDING400x400");
    }

    private HttpResponse<String> upload(String fileName, String contentType, byte[] content) throws Exception {
        return session.submitMultipart(
                PAGE, PAGE, Map.of("upload:submit", ""), fileInputName(), fileName, contentType, content);
    }

    private String fileInputName() throws Exception {
        Matcher input = FILE_INPUT.matcher(session.get(PAGE).body());
        assertThat(input.find()).as("a file input on the page").isTrue();
        Matcher name = NAME.matcher(input.group());
        assertThat(name.find()).isTrue();
        return name.group(1);
    }

    private void assertRefused(HttpResponse<String> page, String message) {
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(fieldMessage(page.body())).isEqualTo(message);
        assertThat(stored()).as("nothing stored").isZero();
    }

    /** The text of the message at the file field. */
    private static String fieldMessage(String page) {
        Matcher message = Pattern.compile("class=\"ui-message-error-detail\"[^>]*>([^<]*)<")
                .matcher(page);
        assertThat(message.find()).as("a field message on the page").isTrue();
        return message.group(1).strip();
    }

    private int stored() {
        return jdbc.queryForObject("select count(*) from seal_impression where unit_id = ?", Integer.class, unit.id());
    }
}
