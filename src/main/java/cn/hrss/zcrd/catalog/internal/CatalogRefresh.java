package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.TitleCatalog;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's title catalog in step with edits made on any node: every
 * {@code zcrd.catalog.refresh-interval} (2 s) it reads the shared {@link CatalogVersion} and reloads the catalog when
 * the version moved since the last look. One primary-key read per interval; the node that made the edit has
 * already reloaded after its commit, and reloading once more is harmless.
 */
@Component
class CatalogRefresh {

    private static final Logger log = LoggerFactory.getLogger(CatalogRefresh.class);

    private final CatalogVersion version;
    private final TitleCatalog catalog;
    private final AtomicLong seen;

    CatalogRefresh(CatalogVersion version, TitleCatalog catalog) {
        this.version = version;
        this.catalog = catalog;
        this.seen = new AtomicLong(version.current());
    }

    @Scheduled(fixedDelayString = "${zcrd.catalog.refresh-interval:2s}")
    void refreshIfChanged() {
        try {
            long now = version.current();
            long before = seen.getAndSet(now);
            if (now != before) {
                log.info("Reference data changed on some node (version {} -> {}): reloading the catalog", before, now);
                catalog.reload();
            }
        } catch (DataAccessException | IllegalStateException e) {
            // the database is away (failover) or the data is inconsistent: keep the snapshot, look again later
            log.warn("Catalog refresh skipped: {}", e.getMessage());
        }
    }
}
