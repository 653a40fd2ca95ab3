package cn.hrss.zcrd.verification.internal;

import cn.hrss.zcrd.certificate.OriginalCertificate;
import cn.hrss.zcrd.certificate.RegisteredCertificate;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The JSON API of verification, {@code /api/verify/…}, described by {@code GET /api/verify/openapi.yaml}
 * (written by hand in {@code resources/openapi/verification.yaml}; a test checks it against these mappings).
 * Stateless: no session, no CSRF token, rate-limited like the page.
 */
@RestController
@RequestMapping("/api/verify")
class VerificationApi {

    private static final Logger log = LoggerFactory.getLogger(VerificationApi.class);

    private final VerificationService verification;
    private final VerificationMessages messages;

    VerificationApi(VerificationService verification, VerificationMessages messages) {
        this.verification = verification;
        this.messages = messages;
    }

    /** A look-up's question. */
    record NumberQuery(String number, String holderName) {}

    /** A registered certificate as the API shows it. */
    record CertificateView(
            String number,
            String holderName,
            String maskedIdNumber,
            String levelName,
            String seriesName,
            String titleName,
            String specialtyName,
            LocalDate publishDate,
            String unitName,
            Instant issuedAt,
            String status,
            String statusLabel,
            Instant revokedAt,
            String revocationReason,
            String predecessorNumber,
            String successorNumber,
            String kind,
            String kindLabel,
            OriginalCertificate original) {}

    /** A look-up's answer. */
    record LookupAnswer(boolean found, String message, CertificateView certificate) {}

    /** An uploaded PDF's verdict. */
    record PdfAnswer(
            String verdict,
            String verdictLabel,
            String detail,
            String sha256,
            boolean signed,
            boolean unchanged,
            String signerUnit,
            String signerSubject,
            boolean chainsToPlatformRoot,
            boolean validAtSigningTime,
            Instant signedAt,
            java.util.List<Instant> archiveTimeStamps,
            Instant evidenceUntil,
            boolean registered,
            CertificateView certificate) {}

    /** A refusal. */
    record Problem(String error, String message) {}

    @PostMapping(path = "/number", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LookupAnswer> byNumber(HttpServletRequest request, @RequestBody NumberQuery query) {
        String number = query == null || query.number() == null ? "" : cut(query.number());
        String name = query == null || query.holderName() == null ? "" : cut(query.holderName());
        return lookup(request, verification.byNumberAndHolder(number, name), "verify.lookup.not-found");
    }

    @GetMapping("/c/{number}")
    ResponseEntity<LookupAnswer> byKey(
            HttpServletRequest request,
            @PathVariable String number,
            @RequestParam(name = "k", defaultValue = "") String key) {
        return lookup(request, verification.byNumberAndKey(cut(number), cut(key)), "verify.lookup.qr-not-found");
    }

    @PostMapping(path = "/pdf", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> pdf(HttpServletRequest request, @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        try {
            PdfVerification v = verification.verify(file);
            return ResponseEntity.ok(new PdfAnswer(
                    v.verdict().name(),
                    messages.text(request, v.verdict().messageKey()),
                    messages.text(request, v.detailKey()),
                    v.sha256(),
                    v.signed(),
                    v.unchanged(),
                    v.signerUnit(),
                    v.signerSubject(),
                    v.chainsToPlatformRoot(),
                    v.validAtSigningTime(),
                    v.signedAt(),
                    v.archiveTimeStamps(),
                    v.evidenceUntil(),
                    v.registered(),
                    v.certificate() == null ? null : view(request, v.certificate())));
        } catch (UploadRefusedException e) {
            return refused(request, e);
        }
    }

    @GetMapping(path = "/openapi.yaml", produces = "application/yaml")
    ResponseEntity<byte[]> openApi() throws IOException {
        try (InputStream in = new ClassPathResource("openapi/verification.yaml").getInputStream()) {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/yaml;charset=UTF-8"))
                    .body(in.readAllBytes());
        }
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, MultipartException.class})
    ResponseEntity<Problem> multipart(HttpServletRequest request, Exception e) {
        return refused(request, UploadRefusedException.ofMultipart(e));
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpServletRequest request) {
        return ResponseEntity.badRequest()
                .body(new Problem("BAD_REQUEST", messages.text(request, "verify.lookup.required")));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Problem> unexpected(HttpServletRequest request, RuntimeException e) {
        log.warn("verification API failed: {}", e.toString());
        return ResponseEntity.status(503)
                .body(new Problem("UNAVAILABLE", messages.text(request, "verify.unavailable")));
    }

    private ResponseEntity<LookupAnswer> lookup(
            HttpServletRequest request, Optional<RegisteredCertificate> found, String notFoundKey) {
        return found.map(c -> ResponseEntity.ok(new LookupAnswer(true, null, view(request, c))))
                .orElseGet(() -> ResponseEntity.status(404)
                        .body(new LookupAnswer(false, messages.text(request, notFoundKey), null)));
    }

    private ResponseEntity<Problem> refused(HttpServletRequest request, UploadRefusedException e) {
        return ResponseEntity.status(e.httpStatus())
                .body(new Problem(e.problem().name(), messages.refusal(request, e, verification.maxUploadBytes())));
    }

    private CertificateView view(HttpServletRequest request, RegisteredCertificate c) {
        return new CertificateView(
                c.number(),
                c.holderName(),
                c.maskedIdNumber(),
                c.levelName(),
                c.seriesName(),
                c.titleName(),
                c.specialtyName(),
                c.publishDate(),
                c.unitName(),
                c.issuedAt(),
                c.status().name(),
                messages.text(request, "verify.status." + c.status().name()),
                c.revokedAt(),
                c.revocationReason(),
                c.predecessorNumber(),
                c.successorNumber(),
                c.confirmation() ? "CONFIRMATION" : "RECOGNITION",
                messages.text(request, c.confirmation() ? "verify.kind.confirmation" : "verify.kind.recognition"),
                c.original());
    }

    private static String cut(String value) {
        return value.length() > 100 ? value.substring(0, 100) : value;
    }
}
