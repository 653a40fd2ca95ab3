package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.seal.SealPlacement;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.NotFoundException;
import cn.hrss.zcrd.shared.RequestedIds;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.primefaces.model.file.UploadedFile;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * 印章管理 → 印章印模 (portal, unit accounts): upload a new seal version, see every version with its review state
 * and opinion, and the chosen version (the one in force by default) placed on a certificate mock-up.
 */
@Component("sealUpload")
@ViewScoped
public class SealUploadView implements Serializable {

    private final SealImpressionDesk desk;
    private final BusinessTime businessTime;
    private final SealPlacement placement;
    private final long maxKilobytes;
    private final int maxSide;
    private final int minSide;
    private transient UploadedFile file;
    private final List<SealImpression> versions;
    private Long selectedId;

    SealUploadView(SealImpressionDesk desk, BusinessTime businessTime) {
        this.desk = desk;
        this.businessTime = businessTime;
        this.placement = desk.placement();
        this.maxKilobytes = desk.limits().maxBytes() / 1024;
        this.maxSide = desk.limits().maxSide();
        this.minSide = desk.limits().minSide();
        this.versions = desk.versionsOf(CurrentPortalUser.requireKind(PortalAccountKind.UNIT));
        Optional<Long> requested = RequestedIds.optional("impression");
        if (requested.isPresent()) {
            long id = requested.get();
            if (versions.stream().noneMatch(v -> v.getId() == id)) {
                throw new NotFoundException("seal impression");
            }
            this.selectedId = id;
        }
    }

    /**
     * 上传: stores the file as a new version pending review and shows it (after a redirect, so reloading the page
     * uploads nothing again), or says at the field why not and stays.
     */
    public String upload() {
        try {
            // nothing chosen: no file name; a chosen file of 0 bytes is refused by the check as empty
            if (file == null
                    || (file.getSize() == 0
                            && (file.getFileName() == null || file.getFileName().isBlank()))) {
                throw new InvalidInputException(FieldProblem.of("file", "seal.upload.required"));
            }
            byte[] data = desk.limits().read(file.getInputStream());
            SealImpression stored = desk.upload(CurrentPortalUser.requireKind(PortalAccountKind.UNIT), data);
            return FacesMessages.infoAfterRedirect(
                    "/rsrc/unit/seal.xhtml?faces-redirect=true&impression=" + stored.getId(),
                    "seal.upload.done",
                    stored.getSealVersion());
        } catch (InvalidInputException e) {
            FacesMessages.atFields("upload", e.problems());
        } catch (SealImpressionException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal()); // e.g. the bureau has not verified the unit
        } catch (IOException e) {
            FacesMessages.atFields("upload", List.of(FieldProblem.of("file", "seal.upload.unreadable")));
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, "seal.upload.concurrent");
        } finally {
            file = null;
        }
        return null;
    }

    public List<SealImpression> getVersions() {
        return versions;
    }

    /** The version in force: the newest approved one, or null. */
    public SealImpression getInForce() {
        return versions.stream()
                .filter(v -> v.getState() == SealImpressionState.APPROVED)
                .findFirst()
                .orElse(null);
    }

    /** The version on the mock-up: the one asked for, else the one in force, else the newest. */
    public SealImpression getShown() {
        if (selectedId != null) {
            return versions.stream()
                    .filter(v -> v.getId().equals(selectedId))
                    .findFirst()
                    .orElse(null);
        }
        SealImpression inForce = getInForce();
        return inForce != null ? inForce : versions.isEmpty() ? null : versions.get(0);
    }

    public boolean isInForce(SealImpression version) {
        SealImpression inForce = getInForce();
        return inForce != null && inForce.getId().equals(version.getId());
    }

    public String time(java.time.Instant instant) {
        return businessTime.minutes(instant);
    }

    public String imageUrl(SealImpression version) {
        return SealImageController.UNIT_IMAGE + version.getId();
    }

    public String previewUrl(SealImpression version) {
        return SealImageController.UNIT_PREVIEW + version.getId();
    }

    public SealPlacement getPlacement() {
        return placement;
    }

    public long getMaxKilobytes() {
        return maxKilobytes;
    }

    public int getMaxSide() {
        return maxSide;
    }

    public int getMinSide() {
        return minSide;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}
