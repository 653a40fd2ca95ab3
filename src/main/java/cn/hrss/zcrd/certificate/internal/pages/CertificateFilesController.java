package cn.hrss.zcrd.certificate.internal.pages;

import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.certificate.CertificateFile;
import cn.hrss.zcrd.certificate.CertificateRefusedException;
import cn.hrss.zcrd.certificate.TitleCertificates;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The signed certificate PDFs: the back office's 下载 (an operator, its own unit's certificates only; another unit's
 * looks missing: 404) and the applicant's 下载证书 on 我的证书 (their own only; anyone else's — or a missing one —
 * is refused alike: 403). The service decides who may have the file; the URL rules only keep the faces apart.
 * Sent as an attachment named by its number, never cached, with its stored SHA-256.
 */
@Controller
class CertificateFilesController {

    static final String BACK_OFFICE = "/sdmanager/certificates/files/";
    static final String PORTAL = "/rsrc/person/certificate-files/";

    private final TitleCertificates certificates;

    CertificateFilesController(TitleCertificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping(BACK_OFFICE + "{certificateId}")
    ResponseEntity<byte[]> backOffice(@PathVariable long certificateId) {
        try {
            return send(certificates.download(certificateId));
        } catch (CertificateRefusedException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @GetMapping(PORTAL + "{certificateId}")
    ResponseEntity<byte[]> applicant(@PathVariable long certificateId) {
        try {
            return send(
                    certificates.downloadMine(certificateId, CurrentPortalUser.requireKind(PortalAccountKind.PERSON)));
        } catch (AccessDeniedException e) {
            // answered here, as the refusal page, whichever filter would otherwise see the exception first
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private static ResponseEntity<byte[]> send(CertificateFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(file.content().length)
                .cacheControl(CacheControl.noStore())
                .header("X-Content-SHA256", file.sha256())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName())
                                .build()
                                .toString())
                .body(file.content());
    }
}
