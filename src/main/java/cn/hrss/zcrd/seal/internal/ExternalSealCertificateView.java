package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.shared.Downloads;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.RefusedException;
import cn.hrss.zcrd.signing.ExternalSealCertificates;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;
import org.springframework.stereotype.Component;

/**
 * 系统管理 → 电子印章证书 ({@code /sdmanager/system/seal-certificates.xhtml}), external-CA mode: the seal keys awaiting
 * their certificate, 下载证书请求 (PKCS#10) and 导入证书 per seal (a UKEY session by default; a refused certificate is
 * named at the upload field).
 */
@Component("sealCertificates")
@ViewScoped
public class ExternalSealCertificateView implements Serializable {

    private final ExternalSealCertificateDesk desk;
    private final boolean enabled;
    private final boolean mayManage;
    private List<ExternalSealCertificateDesk.Awaiting> awaiting;
    private Long selectedId;
    private transient UploadedFile file;

    ExternalSealCertificateView(ExternalSealCertificateDesk desk) {
        this.desk = desk;
        this.enabled = desk.enabled();
        this.mayManage = enabled && desk.mayManage();
        this.awaiting = mayManage ? desk.awaiting() : List.of();
    }

    /** 下载证书请求: the PEM request of seal {@code sealId}. */
    public StreamedContent request(long sealId) {
        try {
            return Downloads.certificationRequest("seal-" + sealId + ".csr", desk.certificationRequest(sealId));
        } catch (BackOfficeAccessDeniedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        } catch (RefusedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        }
        return null;
    }

    /** Opens the import form for one seal. */
    public void select(long sealId) {
        selectedId = sealId;
        file = null;
    }

    /** 导入证书 */
    public void importCertificate() {
        if (selectedId == null) {
            return;
        }
        ExternalSealCertificateDesk.Awaiting seal = getSelected();
        try {
            if (file == null || file.getSize() == 0) {
                throw new RefusedException("eseal.external.not-certificate");
            }
            if (file.getSize() > ExternalSealCertificates.MAX_UPLOAD) {
                throw new RefusedException("eseal.external.not-certificate");
            }
            byte[] data;
            try (InputStream in = file.getInputStream()) {
                data = in.readNBytes(ExternalSealCertificates.MAX_UPLOAD + 1);
            }
            desk.importCertificate(selectedId, data);
            FacesMessages.page(
                    FacesMessage.SEVERITY_INFO,
                    "eseal.external.imported",
                    seal == null ? "" : seal.unitName(),
                    seal == null ? "" : seal.sealVersion());
            selectedId = null;
        } catch (RefusedException e) {
            FacesMessages.atFields(
                    "import-form",
                    List.of(FieldProblem.of(
                            "file", e.messageKey(), e.arguments().toArray())));
        } catch (BackOfficeAccessDeniedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        } catch (IOException e) {
            FacesMessages.atFields("import-form", List.of(FieldProblem.of("file", "eseal.external.not-certificate")));
        } finally {
            file = null;
        }
        awaiting = desk.awaiting();
    }

    public void cancel() {
        selectedId = null;
    }

    public ExternalSealCertificateDesk.Awaiting getSelected() {
        return selectedId == null
                ? null
                : awaiting.stream()
                        .filter(s -> s.id() == selectedId)
                        .findFirst()
                        .orElse(null);
    }

    public List<ExternalSealCertificateDesk.Awaiting> getAwaiting() {
        return awaiting;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isMayManage() {
        return mayManage;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}
