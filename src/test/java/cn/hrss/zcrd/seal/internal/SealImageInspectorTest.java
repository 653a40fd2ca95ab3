package cn.hrss.zcrd.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.seal.SealImages;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The seal image check: PNG with transparency by content, bounded bytes and pixels, the header before pixels. */
class SealImageInspectorTest {

    final SealImageInspector inspector = new SealImageInspector(512 * 1024, 2000, 100);

    @Test
    void aRoundSealOnATransparentBackgroundIsAccepted() {
        SealImageInspector.CheckedPng png = inspector.inspect(SealImages.transparentSeal(400));

        assertThat(png.width()).isEqualTo(400);
        assertThat(png.height()).isEqualTo(400);
        assertThat(png.png()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aPaletteImageWithATransparentEntryIsAccepted() {
        assertThat(inspector.inspect(SealImages.paletteSealWithTrns(300)).width())
                .isEqualTo(300);
    }

    @Test
    void aJpegIsRefusedWhateverItsNameSays() {
        assertRefused(() -> inspector.inspect(SealImages.jpegSeal(300)), "seal.upload.jpeg");
    }

    @Test
    void anSvgIsRefused() {
        assertRefused(() -> inspector.inspect(SealImages.svgSeal()), "seal.upload.svg");
        byte[] bareSvg = "  <svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> inspector.inspect(bareSvg), "seal.upload.svg");
    }

    @Test
    void aWebPageRenamedPngIsNamedAWebPageNotSvg() {
        byte[] page = "<!DOCTYPE html>\n<html><head><title>x</title></head><body>seal</body></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> inspector.inspect(page), "seal.upload.html");
        byte[] bare = "<html><body><img src=x></body></html>".getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> inspector.inspect(bare), "seal.upload.html");
    }

    @Test
    void otherBytesAreNotAPng() {
        assertRefused(() -> inspector.inspect("GIF89a....".getBytes(StandardCharsets.US_ASCII)), "seal.upload.not-png");
        assertRefused(() -> inspector.inspect(new byte[0]), "seal.upload.empty");
    }

    @Test
    void aPngWithoutAlphaOrTrnsIsRefused() {
        assertRefused(() -> inspector.inspect(SealImages.opaqueSeal(300)), "seal.upload.no-transparency");
    }

    @Test
    void aPngDeclaringAlphaButOpaqueEverywhereIsRefused() {
        assertRefused(
                () -> inspector.inspect(SealImages.rgbaWithoutTransparentPixels(300)), "seal.upload.no-transparency");
    }

    @Test
    void tooManyBytesAreRefusedAlsoWhileReading() {
        byte[] large = SealImages.noisyTransparentPng(400);
        assertThat(large.length).isGreaterThan(512 * 1024);

        assertRefused(() -> inspector.inspect(large), "seal.upload.too-large");
        assertRefused(() -> inspector.read(new ByteArrayInputStream(large)), "seal.upload.too-large");
        assertThat(inspector.read(new ByteArrayInputStream(new byte[1000]))).hasSize(1000);
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutAllocatingItsPixels() {
        byte[] bomb = SealImages.pngHeaderClaiming(20_000, 20_000);
        assertThat(bomb.length).isLessThan(100);
        Runtime runtime = Runtime.getRuntime();
        long usedBefore = runtime.totalMemory() - runtime.freeMemory();

        InvalidInputException refusal = catchRefusal(() -> inspector.inspect(bomb));

        assertThat(refusal.problems())
                .containsExactly(FieldProblem.of("file", "seal.upload.too-many-pixels", "20000", "20000", "2000"));
        // 20,000² RGBA pixels would be 1.6 GB; nothing near even 100 MB was allocated
        assertThat(runtime.totalMemory() - runtime.freeMemory() - usedBefore).isLessThan(100L * 1024 * 1024);
    }

    @Test
    void aLongThinImageIsRefusedByItsLongerSide() {
        assertRefused(() -> inspector.inspect(SealImages.pngHeaderClaiming(2001, 200)), "seal.upload.too-many-pixels");
        assertRefused(() -> inspector.inspect(SealImages.pngHeaderClaiming(99, 400)), "seal.upload.too-few-pixels");
    }

    @Test
    void aDamagedPngIsRefused() {
        byte[] png = SealImages.transparentSeal(300);
        byte[] badCrc = png.clone();
        badCrc[20] ^= 0x01;
        assertRefused(() -> inspector.inspect(badCrc), "seal.upload.damaged");

        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        assertRefused(() -> inspector.inspect(truncated), "seal.upload.damaged");

        byte[] signatureOnly = Arrays.copyOf(png, 8);
        assertRefused(() -> inspector.inspect(signatureOnly), "seal.upload.damaged");
    }

    @Test
    void pixelDataThatDoesNotInflateIsRefusedAsDamaged() {
        // the bomb's header within limits: its IDAT is only the start of a zlib stream
        assertRefused(() -> inspector.inspect(SealImages.pngHeaderClaiming(400, 400)), "seal.upload.damaged");
    }

    @Test
    void ancillaryChunksAreNotStoredNorInflated() {
        byte[] png = SealImages.transparentSeal(300);
        byte[] withComment = SealImages.withChunkAfterHeader(
                png, "tEXt", "Comment\0anything at all".getBytes(StandardCharsets.ISO_8859_1));
        byte[] withUnknownCritical = SealImages.withChunkAfterHeader(png, "ZZZZ", new byte[4]);

        byte[] stored = inspector.inspect(withComment).png();

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("tEXt");
        assertThat(stored).isEqualTo(inspector.inspect(png).png());
        assertRefused(() -> inspector.inspect(withUnknownCritical), "seal.upload.damaged");
    }

    @Test
    void theStoredCopyOfACleanPngIsItsBytes() {
        byte[] png = SealImages.transparentSeal(300);
        ByteArrayOutputStream kept = new ByteArrayOutputStream();

        SealImageInspector.Header header = inspector.walkChunks(png, kept);

        assertThat(header.colourType()).isEqualTo(6);
        assertThat(header.hasAlphaChannel()).isTrue();
        assertThat(kept.size()).isEqualTo(png.length - 8);
    }

    private static void assertRefused(ThrowingCallable call, String key) {
        assertThat(catchRefusal(call).problems())
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("file", key));
    }

    private static InvalidInputException catchRefusal(ThrowingCallable call) {
        var thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(InvalidInputException.class);
        return (InvalidInputException) thrown;
    }
}
