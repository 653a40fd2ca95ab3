package cn.hrss.zcrd.certificate.internal.pages;

import cn.hrss.zcrd.certificate.internal.ArchiveJob;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * 系统管理 → 长期验证 ({@code /sdmanager/system/archive.xhtml}, system admins only by URL): the archive time-stamp
 * job's progress — certificates without an archive time-stamp, due for renewal, failing, archived, and the
 * earliest end of evidence.
 */
@Component("archiveStatusView")
@RequestScope
public class ArchiveStatusView {

    private final ArchiveJob.Status status;

    ArchiveStatusView(ArchiveJob job, Clock clock) {
        this.status = job.status(clock.instant());
    }

    public ArchiveJob.Status getStatus() {
        return status;
    }
}
