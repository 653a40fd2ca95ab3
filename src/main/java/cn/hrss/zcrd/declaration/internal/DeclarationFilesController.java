package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.declaration.AttachmentDownload;
import cn.hrss.zcrd.declaration.DeclarationException;
import cn.hrss.zcrd.declaration.Declarations;
import cn.hrss.zcrd.declaration.RecognitionForm;
import cn.hrss.zcrd.declaration.RecognitionForms;
import cn.hrss.zcrd.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Downloads of a declaration's files on the portal: an attachment (附件材料) and the recognition form (认定表预览).
 * Whoever asks — the applicant, or a unit the declaration is or was sent to — the service decides; anyone else,
 * and any id that does not exist, gets the same refusal (403, Chinese page). The files go out as attachments under
 * their generated ASCII names, with their stored type (Spring Security adds {@code nosniff}), never cached.
 */
@Controller
class DeclarationFilesController {

    static final String BASE = "/rsrc/declaration-files";

    private final Declarations declarations;
    private final RecognitionForms forms;

    DeclarationFilesController(Declarations declarations, RecognitionForms forms) {
        this.declarations = declarations;
        this.forms = forms;
    }

    @GetMapping(BASE + "/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long attachmentId) {
        AttachmentDownload file = declarations.attachment(attachmentId, CurrentPortalUser.get());
        return download(file.fileName(), MediaType.parseMediaType(file.contentType()), file.content())
                .header("X-Content-SHA256", file.sha256())
                .body(file.content());
    }

    /** The recognition form (or 外地调入确认表); before the first 确定申报 there is none (404). */
    @GetMapping({BASE + "/{declarationId}/recognition-form.pdf", BASE + "/{declarationId}/transfer-form.pdf"})
    ResponseEntity<byte[]> recognitionForm(@PathVariable long declarationId) {
        try {
            RecognitionForm form = forms.render(declarationId, CurrentPortalUser.get());
            return download(form.fileName(), MediaType.APPLICATION_PDF, form.pdf())
                    .body(form.pdf());
        } catch (DeclarationException e) {
            throw new NotFoundException("recognition form");
        }
    }

    private static ResponseEntity.BodyBuilder download(String fileName, MediaType type, byte[] content) {
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(content.length)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString());
    }
}
