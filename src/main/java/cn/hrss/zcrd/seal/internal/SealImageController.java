package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.shared.NotFoundException;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Seal images and certificate mock-ups, only to the owning unit (portal) and to bureau reviewers (back office).
 * Another unit's or an unknown impression is simply not found, so ids reveal nothing. Never cached: a seal image
 * is what a forger wants.
 */
@Controller
class SealImageController {

    static final String UNIT_IMAGE = "/rsrc/unit/seal/image/";
    static final String UNIT_PREVIEW = "/rsrc/unit/seal/preview/";
    static final String REVIEW_IMAGE = "/sdmanager/seal/image/";
    static final String REVIEW_PREVIEW = "/sdmanager/seal/preview/";

    private final SealImpressionDesk desk;

    SealImageController(SealImpressionDesk desk) {
        this.desk = desk;
    }

    @GetMapping(UNIT_IMAGE + "{id}")
    ResponseEntity<byte[]> unitImage(@PathVariable long id) {
        return png(desk.imageForUnit(id, CurrentPortalUser.requireKind(PortalAccountKind.UNIT)), id);
    }

    @GetMapping(UNIT_PREVIEW + "{id}")
    ResponseEntity<byte[]> unitPreview(@PathVariable long id) {
        return pdf(desk.previewForUnit(id, CurrentPortalUser.requireKind(PortalAccountKind.UNIT)), id);
    }

    @GetMapping(REVIEW_IMAGE + "{id}")
    ResponseEntity<byte[]> reviewImage(@PathVariable long id) {
        return png(desk.imageForReview(id), id);
    }

    @GetMapping(REVIEW_PREVIEW + "{id}")
    ResponseEntity<byte[]> reviewPreview(@PathVariable long id) {
        return pdf(desk.previewForReview(id), id);
    }

    private static ResponseEntity<byte[]> png(Optional<byte[]> image, long id) {
        return image.map(bytes -> ResponseEntity.ok()
                        .contentType(MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.noStore())
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"seal-" + id + ".png\"")
                        .header("Content-Security-Policy", "default-src 'none'; sandbox")
                        .body(bytes))
                .orElseThrow(() -> new NotFoundException("seal image"));
    }

    private static ResponseEntity<byte[]> pdf(Optional<byte[]> preview, long id) {
        return preview.map(bytes -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .cacheControl(CacheControl.noStore())
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                "inline; filename=\"seal-" + id + "-certificate-preview.pdf\"")
                        .body(bytes))
                .orElseThrow(() -> new NotFoundException("seal preview"));
    }
}
