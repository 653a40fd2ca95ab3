package cn.hrss.zcrd.catalog;

import cn.hrss.zcrd.catalog.internal.CatalogLoader;
import cn.hrss.zcrd.catalog.internal.RegionTree;
import cn.hrss.zcrd.shared.DivisionCodes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The region tree (省 → 地级市 → 区县) and its HR bureaus, answered from an immutable in-memory copy that is read at
 * start and replaced as a whole by {@link #reload()}. A bureau's data scope is its region and everything below it
 * ({@link #codesWithin}); a region without a bureau of its own is served by the nearest one above
 * ({@link #bureauOf}).
 */
@Service
public class Regions {

    /** Separator of {@link #displayPath}. */
    public static final String PATH_SEPARATOR = " / ";

    private static final Logger log = LoggerFactory.getLogger(Regions.class);

    private final CatalogLoader loader;
    private volatile RegionTree tree;

    Regions(CatalogLoader loader) {
        this.loader = loader;
        reload();
    }

    /**
     * Reads regions and bureaus again and switches every caller to them at once. Call it after an edit has
     * committed; it affects this application instance only. When the tree is inconsistent it throws and the
     * previous one stays in use.
     */
    public synchronized void reload() {
        long start = System.nanoTime();
        RegionTree loaded = loader.loadRegions();
        tree = loaded;
        log.info("Regions loaded in {} ms: {}", (System.nanoTime() - start) / 1_000_000, loaded.summary());
    }

    /** The province this system serves (root of the tree). */
    public Region province() {
        return tree.province();
    }

    /** Enabled regions directly below {@code code}, in display order (a cascading region picker). */
    public List<Region> children(String code) {
        return tree.children(code);
    }

    /** Any region by its six-digit code, enabled or not. */
    public Optional<Region> find(String code) {
        return tree.find(code);
    }

    /**
     * Why {@code code} cannot be stored as a unit's or an account's region, as a message key; empty when it can: it
     * must be given, be a GB/T 2260 code ({@link DivisionCodes}), be in this province's dictionary and be enabled
     * together with every region above it (what the region pickers offer).
     */
    public Optional<String> choiceProblem(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of("field.required");
        }
        if (!DivisionCodes.isKnown(code)) {
            return Optional.of("region.invalid.code");
        }
        List<Region> path = tree.path(code);
        if (path.isEmpty()) {
            return Optional.of("region.invalid.outside");
        }
        if (!path.stream().allMatch(Region::enabled)) {
            return Optional.of("region.invalid.disabled");
        }
        return Optional.empty();
    }

    /** Province first, the region itself last; empty for an unknown code. */
    public List<Region> path(String code) {
        return tree.path(code);
    }

    /** The path for display, e.g. {@code 山东省 / 济南市 / 历下区}; empty for an unknown code. */
    public String displayPath(String code) {
        return tree.path(code).stream().map(Region::name).collect(Collectors.joining(PATH_SEPARATOR));
    }

    /** The bureau responsible for a region: its own if enabled, else the nearest enabled one above it. */
    public Optional<Bureau> bureauOf(String regionCode) {
        return tree.bureauOf(regionCode);
    }

    /** Enabled bureaus, the province's first. */
    public List<Bureau> bureaus() {
        return tree.bureaus();
    }

    /** Any bureau by id, enabled or not. */
    public Optional<Bureau> findBureau(long id) {
        return tree.findBureau(id);
    }

    /** Any bureau by code, enabled or not. */
    public Optional<Bureau> findBureau(String code) {
        return tree.findBureau(code);
    }

    /** Whether {@code regionCode} is {@code scopeCode} or lies below it. */
    public boolean isWithin(String regionCode, String scopeCode) {
        return tree.isWithin(regionCode, scopeCode);
    }

    /** {@code scopeCode} and all regions below it, disabled ones included (a bureau's data scope). */
    public Set<String> codesWithin(String scopeCode) {
        return tree.codesWithin(scopeCode);
    }
}
