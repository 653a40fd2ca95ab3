package cn.hrss.zcrd.verification.internal;

import cn.hrss.zcrd.certificate.CertificateStatus;
import cn.hrss.zcrd.certificate.RegisteredCertificate;
import cn.hrss.zcrd.shared.BusinessTime;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.HtmlUtils;

/**
 * 证书查询验证, the public page {@code /verify/}: by number and holder name, by the QR code's address, by uploading
 * the PDF. A small server-rendered page (no faces view): it needs no session — the CSRF token of its two forms lives
 * in a cookie — and answers in one request, which keeps it cheap under load and simple to rate-limit. Every text
 * comes from the bundles; every value is HTML-escaped.
 */
@Controller
class VerificationPage {

    private static final Logger log = LoggerFactory.getLogger(VerificationPage.class);

    private final VerificationService verification;
    private final VerificationMessages messages;
    private final BusinessTime time;

    VerificationPage(VerificationService verification, VerificationMessages messages, BusinessTime time) {
        this.verification = verification;
        this.messages = messages;
        this.time = time;
    }

    @GetMapping({"/verify", "/verify/", "/verify/index"})
    ResponseEntity<String> form(HttpServletRequest request) {
        return html(request, 200, "", "", "");
    }

    @PostMapping("/verify/number")
    ResponseEntity<String> byNumber(
            HttpServletRequest request,
            @RequestParam(defaultValue = "") String number,
            @RequestParam(defaultValue = "") String name) {
        if (number.isBlank() || name.isBlank()) {
            return html(request, 200, number, name, problem(messages.text(request, "verify.lookup.required")));
        }
        Optional<RegisteredCertificate> found = verification.byNumberAndHolder(cut(number), cut(name));
        return html(
                request,
                200,
                number,
                name,
                found.map(c -> certificate(request, c))
                        .orElseGet(() -> problem(messages.text(request, "verify.lookup.not-found"))));
    }

    @GetMapping("/verify/c/{number}")
    ResponseEntity<String> byQrCode(
            HttpServletRequest request,
            @PathVariable String number,
            @RequestParam(name = "k", defaultValue = "") String key) {
        Optional<RegisteredCertificate> found = verification.byNumberAndKey(cut(number), cut(key));
        return html(
                request,
                found.isPresent() ? 200 : 404,
                "",
                "",
                found.map(c -> certificate(request, c))
                        .orElseGet(() -> problem(messages.text(request, "verify.lookup.qr-not-found"))));
    }

    @PostMapping("/verify/upload")
    ResponseEntity<String> upload(
            HttpServletRequest request, @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        try {
            return html(request, 200, "", "", pdf(request, verification.verify(file)));
        } catch (UploadRefusedException e) {
            return refused(request, e);
        }
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, MultipartException.class})
    ResponseEntity<String> multipart(HttpServletRequest request, Exception e) {
        return refused(request, UploadRefusedException.ofMultipart(e));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> unexpected(HttpServletRequest request, RuntimeException e) {
        log.warn("verification page failed: {}", e.toString());
        return html(request, 503, "", "", problem(messages.text(request, "verify.unavailable")));
    }

    private ResponseEntity<String> refused(HttpServletRequest request, UploadRefusedException e) {
        return html(
                request, e.httpStatus(), "", "", problem(messages.refusal(request, e, verification.maxUploadBytes())));
    }

    private static String cut(String value) {
        return value.length() > 100 ? value.substring(0, 100) : value;
    }

    // --- rendering ---

    private String certificate(HttpServletRequest request, RegisteredCertificate c) {
        StringBuilder out = new StringBuilder("<section id=\"result\" class=\"result ")
                .append(c.status() == CertificateStatus.VALID ? "good" : "bad")
                .append("\"><h2>")
                .append(t(request, "verify.result.title"))
                .append("</h2>");
        out.append("<p class=\"status\">")
                .append(t(request, "verify.field.status"))
                .append(": <strong id=\"status\">")
                .append(t(request, "verify.status." + c.status().name()))
                .append("</strong></p>");
        certificateTable(request, out, c);
        return out.append("</section>").toString();
    }

    private void certificateTable(HttpServletRequest request, StringBuilder out, RegisteredCertificate c) {
        out.append("<table class=\"certificate\">");
        row(request, out, "number", c.number());
        row(
                request,
                out,
                "kind",
                t(request, c.confirmation() ? "verify.kind.confirmation" : "verify.kind.recognition"));
        if (c.original() != null) {
            row(request, out, "original-authority", c.original().issuingAuthority());
            row(request, out, "original-number", c.original().number());
            row(
                    request,
                    out,
                    "original-obtained-on",
                    c.original().obtainedOn() == null
                            ? ""
                            : c.original().obtainedOn().toString());
        }
        row(request, out, "holder-name", c.holderName());
        row(request, out, "id-number", c.maskedIdNumber());
        row(request, out, "level", c.levelName());
        row(request, out, "series", c.seriesName());
        row(request, out, "title", c.titleName());
        row(request, out, "specialty", c.specialtyName());
        row(request, out, "publish-date", time.date(c.publishDate()));
        row(request, out, "unit", c.unitName());
        row(request, out, "issued-at", time(c.issuedAt()));
        row(request, out, "status", t(request, "verify.status." + c.status().name()));
        if (c.revoked()) {
            row(request, out, "revoked-at", time(c.revokedAt()));
            row(request, out, "revocation-reason", c.revocationReason());
        }
        if (c.successorNumber() != null) {
            row(request, out, "successor-number", c.successorNumber());
        }
        if (c.predecessorNumber() != null) {
            row(request, out, "predecessor-number", c.predecessorNumber());
        }
        out.append("</table>");
    }

    private String pdf(HttpServletRequest request, PdfVerification v) {
        boolean good = v.verdict() == Verdict.GENUINE;
        StringBuilder out = new StringBuilder("<section id=\"result\" class=\"result ")
                .append(good ? "good" : "bad")
                .append("\"><h2>")
                .append(t(request, "verify.upload.result"))
                .append("</h2>")
                .append("<p class=\"verdict\">")
                .append(t(request, "verify.verdict"))
                .append(": <strong id=\"verdict\">")
                .append(t(request, v.verdict().messageKey()))
                .append("</strong></p><p id=\"verdict-detail\">")
                .append(t(request, v.detailKey()))
                .append("</p><table class=\"checks\">");
        int reached = stepsRun(v);
        if (reached >= INTEGRITY) {
            check(request, out, "unchanged", reached > INTEGRITY);
        }
        if (reached >= CHAIN) {
            row(request, out, "signer", v.signerUnit() == null ? "" : v.signerUnit());
            subject(request, out, v.signerSubject());
            check(request, out, "chain", reached > CHAIN);
            row(request, out, "signed-at", v.signedAt() == null ? "" : time(v.signedAt()));
            if (!v.archiveTimeStamps().isEmpty()) {
                row(
                        request,
                        out,
                        "archive-time-stamps",
                        String.join(
                                ", ",
                                v.archiveTimeStamps().stream().map(this::time).toList()));
                row(request, out, "evidence-until", time(v.evidenceUntil()));
            }
        }
        if (reached >= WHOLE_FILE) {
            afterSignature(request, out, v);
        }
        if (reached >= VALIDITY) {
            check(request, out, "valid-at-signing", v.validAtSigningTime());
        }
        if (reached >= WHOLE_FILE) {
            check(request, out, "registered", v.registered());
        }
        row(request, out, "sha256", v.sha256());
        out.append("</table>");
        if (v.certificate() != null) {
            out.append("<h3>")
                    .append(t(request, "verify.upload.registered-data"))
                    .append("</h3>");
            certificateTable(request, out, v.certificate());
        }
        return out.append("</section>").toString();
    }

    // the checks of VerificationService.verify in the order it runs them; it stops at the first that fails, and the
    // page shows only those that ran (a tampered file has no "chains to the root: no" for a chain never looked at)
    private static final int NONE = 0;
    private static final int INTEGRITY = 1;
    private static final int CHAIN = 2;
    private static final int SEAL = 3;
    private static final int WHOLE_FILE = 4;
    private static final int VALIDITY = 5;
    private static final int ALL = 6;

    /** How far the checks went: the step that failed, or {@link #ALL}. */
    static int stepsRun(PdfVerification v) {
        if (!v.signed()
                || "verify.detail.broken-signature".equals(v.detailKey())
                || "verify.detail.multiple-signatures".equals(v.detailKey())) {
            return NONE;
        }
        return switch (v.verdict()) {
            case TAMPERED -> "verify.detail.appended".equals(v.detailKey()) ? WHOLE_FILE : INTEGRITY;
            case FOREIGN -> CHAIN;
            case SIGNER_INVALID -> "verify.detail.not-a-seal".equals(v.detailKey()) ? SEAL : VALIDITY;
            default -> ALL;
        };
    }

    /**
     * What follows the signed part: the file as issued (the registered bytes), only validation data not known to be
     * the issued one (the signed part is intact, the whole file is not the registered one: e.g. its DSS was altered),
     * or other content appended.
     */
    private void afterSignature(HttpServletRequest request, StringBuilder out, PdfVerification v) {
        String outcome = v.registered() ? "as-issued" : v.unchanged() ? "not-as-issued" : "appended";
        out.append("<tr><th>")
                .append(t(request, "verify.check.after-signature"))
                .append("</th><td id=\"check-after-signature\" class=\"")
                .append(v.registered() ? "yes" : "no")
                .append("\">")
                .append(t(request, "verify.check.after-signature." + outcome))
                .append("</td></tr>");
    }

    /** The signer certificate's subject as labelled parts (单位, 统一社会信用代码 …), not as a raw DN. */
    private void subject(HttpServletRequest request, StringBuilder out, String dn) {
        out.append("<tr><th>")
                .append(t(request, "verify.field.signer-subject"))
                .append("</th><td id=\"field-signer-subject\">");
        String separator = "";
        for (String[] part : SubjectNames.parts(dn)) {
            out.append(separator)
                    .append("<span class=\"dn-part\">")
                    .append(t(request, "verify.dn.part", messages.text(request, "verify.dn." + part[0]), part[1]))
                    .append("</span>");
            separator = "<br/>";
        }
        out.append("</td></tr>");
    }

    private void row(HttpServletRequest request, StringBuilder out, String field, String value) {
        out.append("<tr><th>")
                .append(t(request, "verify.field." + field))
                .append("</th><td id=\"field-")
                .append(field)
                .append("\">")
                .append(HtmlUtils.htmlEscape(value == null ? "" : value))
                .append("</td></tr>");
    }

    private void check(HttpServletRequest request, StringBuilder out, String check, boolean passed) {
        out.append("<tr><th>")
                .append(t(request, "verify.check." + check))
                .append("</th><td id=\"check-")
                .append(check)
                .append("\" class=\"")
                .append(passed ? "yes" : "no")
                .append("\">")
                .append(t(request, "verify.check." + check + (passed ? ".yes" : ".no")))
                .append("</td></tr>");
    }

    private static String problem(String message) {
        return "<section id=\"result\" class=\"result bad\"><p id=\"problem\">" + HtmlUtils.htmlEscape(message)
                + "</p></section>";
    }

    private String time(Instant at) {
        return time.seconds(at);
    }

    private String t(HttpServletRequest request, String key, Object... args) {
        return HtmlUtils.htmlEscape(messages.text(request, key, args));
    }

    private ResponseEntity<String> html(
            HttpServletRequest request, int status, String number, String name, String result) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String token = csrf == null
                ? ""
                : "<input type=\"hidden\" name=\"" + csrf.getParameterName() + "\" value=\""
                        + HtmlUtils.htmlEscape(csrf.getToken()) + "\"/>";
        String context = request.getContextPath();
        StringBuilder body = new StringBuilder();
        body.append("<form id=\"by-number\" method=\"post\" action=\"")
                .append(context)
                .append("/verify/number\">")
                .append(token)
                .append("<h2>")
                .append(t(request, "verify.lookup.title"))
                .append("</h2>")
                .append("<label>")
                .append(t(request, "verify.field.number"))
                .append(" <input type=\"text\" id=\"number\" name=\"number\" maxlength=\"18\" value=\"")
                .append(HtmlUtils.htmlEscape(cut(number)))
                .append("\"/></label> <label>")
                .append(t(request, "verify.field.holder-name"))
                .append(" <input type=\"text\" id=\"name\" name=\"name\" maxlength=\"50\" value=\"")
                .append(HtmlUtils.htmlEscape(cut(name)))
                .append("\"/></label> <button type=\"submit\" id=\"lookup\">")
                .append(t(request, "verify.lookup.submit"))
                .append("</button></form>");
        body.append("<form id=\"by-file\" method=\"post\" enctype=\"multipart/form-data\" action=\"")
                .append(context)
                .append("/verify/upload\">")
                .append(token)
                .append("<h2>")
                .append(t(request, "verify.upload.title"))
                .append("</h2><label>")
                .append(t(request, "verify.upload.file", VerificationMessages.size(verification.maxUploadBytes())))
                .append(" <input type=\"file\" id=\"file\" name=\"file\" accept=\"application/pdf,.pdf\"/></label> ")
                .append("<button type=\"submit\" id=\"check\">")
                .append(t(request, "verify.upload.submit"))
                .append("</button></form>");
        body.append(result);
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(page(messages, request, body.toString()));
    }

    /** The page frame around {@code body} (already HTML). */
    static String page(VerificationMessages messages, HttpServletRequest request, String body) {
        String title = HtmlUtils.htmlEscape(messages.text(request, "verify.title"));
        String lang = VerificationMessages.locale(request).toLanguageTag();
        return "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"UTF-8\"/>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>" + title
                + "</title><style>" + STYLE + "</style></head><body><header><h1>" + title + "</h1><p>"
                + HtmlUtils.htmlEscape(messages.text(request, "verify.intro")) + "</p><p><a id=\"portal-link\" href=\""
                + request.getContextPath() + "/rsrc/\">" + HtmlUtils.htmlEscape(messages.text(request, "verify.portal"))
                + "</a></p></header><main>" + body
                + "</main></body></html>";
    }

    /** A page with one message only (refusals before the controller: rate limit, size). */
    static String messagePage(VerificationMessages messages, HttpServletRequest request, String escapedMessage) {
        return page(
                messages,
                request,
                "<section id=\"result\" class=\"result bad\"><p id=\"problem\">"
                        + escapedMessage + "</p></section><p><a href=\"" + request.getContextPath() + "/verify/\">"
                        + HtmlUtils.htmlEscape(messages.text(request, "verify.back")) + "</a></p>");
    }

    private static final String STYLE = "body{font-family:sans-serif;margin:0;background:#f4f6f9;color:#222}"
            + "header{background:#1f5ca8;color:#fff;padding:12px 24px}header h1{margin:0;font-size:22px}"
            + "header p{margin:4px 0 0;font-size:13px}header a{color:#fff}main{max-width:880px;margin:16px auto;padding:0 16px}"
            + "form,section{background:#fff;border:1px solid #d5dbe3;border-radius:4px;padding:12px 16px;"
            + "margin-bottom:16px}h2{font-size:17px;margin:0 0 10px}label{margin-right:12px}"
            + "input[type=text]{padding:4px;width:190px}button{padding:5px 16px}table{border-collapse:collapse;"
            + "width:100%}th,td{border:1px solid #e1e5ea;padding:5px 8px;text-align:left;word-break:break-all}"
            + "th{width:220px;background:#f7f9fb;font-weight:normal}.good{border-left:6px solid #2e8b57}"
            + ".bad{border-left:6px solid #c0392b}.yes{color:#2e8b57}.no{color:#c0392b}strong{font-size:18px}";
}
