package cn.hrss.zcrd.certificate.internal.pages;

import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.certificate.TitleCertificate;
import cn.hrss.zcrd.certificate.TitleCertificates;
import cn.hrss.zcrd.shared.BusinessTime;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 我的证书 ({@code /rsrc/person/certificates.xhtml}): the signed-in applicant's certificates — number, title, level,
 * publish date, issuing unit, status — each with 下载证书 (the controller hands out the applicant's own only).
 */
@Component("myCertificates")
@ViewScoped
public class MyCertificatesView implements Serializable {

    private final List<TitleCertificate> certificates;
    private final BusinessTime businessTime;

    MyCertificatesView(TitleCertificates certificates, BusinessTime businessTime) {
        this.businessTime = businessTime;
        this.certificates = certificates.mine(CurrentPortalUser.requireKind(PortalAccountKind.PERSON));
    }

    public List<TitleCertificate> getCertificates() {
        return certificates;
    }

    public String downloadUrl(TitleCertificate certificate) {
        return CertificateFilesController.PORTAL + certificate.id();
    }

    public String date(LocalDate date) {
        return businessTime.date(date);
    }
}
