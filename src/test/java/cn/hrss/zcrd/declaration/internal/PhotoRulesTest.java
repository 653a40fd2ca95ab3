package cn.hrss.zcrd.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.support.TestPhotos;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class PhotoRulesTest {

    final AttachmentInspector inspector = new AttachmentInspector(5 * 1024 * 1024, 60_000_000L);

    @Test
    void oneAndTwoInchPhotosAsJpegOrPngAreTaken() {
        assertThat(PhotoRules.check(TestPhotos.oneInch(), inspector)).isEqualTo(new PhotoRules.Size(295, 413));
        assertThat(PhotoRules.check(TestPhotos.jpeg(413, 579), inspector)).isEqualTo(new PhotoRules.Size(413, 579));
        assertThat(PhotoRules.check(TestPhotos.png(300, 400), inspector)).isEqualTo(new PhotoRules.Size(300, 400));
    }

    @Test
    void aPdfOrTextNamedLikeAPhotoIsNotAPhoto() {
        assertRefused("%PDF-1.7\n%…".getBytes(StandardCharsets.UTF_8), "declaration.photo.type");
        assertRefused("not an image at all".getBytes(StandardCharsets.UTF_8), "declaration.photo.type");
        assertRefused(new byte[0], "declaration.photo.empty");
    }

    @Test
    void aDamagedJpegIsRefusedAsUnreadable() {
        byte[] photo = TestPhotos.oneInch();
        assertRefused(Arrays.copyOf(photo, photo.length / 2), "declaration.attachment.unreadable");
    }

    @Test
    void aFileAbove500KbIsRefusedWithTheLimitAndReadNoFurther() {
        // noise does not compress: a 700×933 PNG of random pixels is far above 500 KB
        var image = new java.awt.image.BufferedImage(700, 933, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, ThreadLocalRandom.current().nextInt(0x1000000));
            }
        }
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] big = out.toByteArray();
        assertThat(big.length).isGreaterThan(PhotoRules.MAX_BYTES);

        FieldProblem p = assertRefused(big, "declaration.photo.too-large");
        assertThat(p.arguments()).containsExactly("500");
        assertThat(PhotoRules.read(new java.io.ByteArrayInputStream(big))).hasSize(PhotoRules.MAX_BYTES + 1);
    }

    @Test
    void tooSmallOrTooLargeDimensionsAreRefusedWithTheBoundsAndTheActualSize() {
        FieldProblem small = assertRefused(TestPhotos.jpeg(120, 160), "declaration.photo.dimensions");
        assertThat(small.arguments()).containsExactly("260", "720", "350", "1000", "120", "160");
        assertRefused(TestPhotos.jpeg(900, 1200), "declaration.photo.dimensions");
    }

    @Test
    void aLandscapeOrSquareImageIsRefusedForItsShape() {
        assertRefused(TestPhotos.jpeg(600, 400), "declaration.photo.ratio");
        FieldProblem square = assertRefused(TestPhotos.jpeg(500, 500), "declaration.photo.ratio");
        assertThat(square.arguments()).containsExactly("500", "500");
        assertRefused(TestPhotos.jpeg(300, 600), "declaration.photo.ratio");
    }

    private FieldProblem assertRefused(byte[] data, String key) {
        InvalidInputException e = (InvalidInputException) catchThrowable(() -> PhotoRules.check(data, inspector));
        assertThat(e).as(key).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("file");
            assertThat(p.messageKey()).isEqualTo(key);
        });
        return e.problems().get(0);
    }
}
