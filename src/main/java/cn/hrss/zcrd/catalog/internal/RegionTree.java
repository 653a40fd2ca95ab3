package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.Bureau;
import cn.hrss.zcrd.catalog.Region;
import cn.hrss.zcrd.catalog.RegionKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One immutable copy of the region tree and its bureaus. Building it checks that the regions form one tree under a
 * single province (no unknown parent, no cycle) and that every bureau sits on a known region.
 *
 * <p>Children and bureau lists hold enabled rows only; paths, scopes and {@code find…} include disabled regions,
 * because units registered in a region that is later disabled still belong where they were.
 */
public final class RegionTree {

    private static final Comparator<Region> REGION_ORDER =
            Comparator.comparingInt(Region::sortOrder).thenComparing(Region::code);

    private final Map<String, Region> regions;
    private final Map<String, List<Region>> allChildren;
    private final Map<String, List<Region>> enabledChildren;
    private final Region province;
    private final Map<String, Bureau> bureausByRegion;
    private final Map<Long, Bureau> bureausById;
    private final Map<String, Bureau> bureausByCode;
    private final List<Bureau> bureaus;

    public RegionTree(Collection<Region> regions, Collection<Bureau> bureaus) {
        Map<String, Region> byCode = new HashMap<>();
        for (Region region : regions) {
            if (byCode.putIfAbsent(region.code(), region) != null) {
                throw new IllegalStateException("duplicate region " + region.code());
            }
        }
        this.regions = Map.copyOf(byCode);
        List<Region> roots = new ArrayList<>();
        Map<String, List<Region>> children = new HashMap<>();
        for (Region region : regions) {
            if (region.parentCode() == null) {
                roots.add(region);
            } else if (!byCode.containsKey(region.parentCode())) {
                throw new IllegalStateException(
                        "region " + region.code() + " has unknown parent " + region.parentCode());
            } else {
                children.computeIfAbsent(region.parentCode(), p -> new ArrayList<>())
                        .add(region);
            }
        }
        if (roots.size() != 1) {
            throw new IllegalStateException("expected one province at the root of the region tree, found "
                    + roots.stream().map(Region::code).toList());
        }
        this.province = roots.get(0);
        children.replaceAll((parent, list) -> list.stream().sorted(REGION_ORDER).toList());
        this.allChildren = Map.copyOf(children);
        children.replaceAll(
                (parent, list) -> list.stream().filter(Region::enabled).toList());
        this.enabledChildren = Map.copyOf(children);
        if (reachableFromProvince() != regions.size()) {
            throw new IllegalStateException("the region tree has a cycle");
        }

        Map<String, Bureau> byRegion = new HashMap<>();
        Map<Long, Bureau> byId = new HashMap<>();
        Map<String, Bureau> bureauByCode = new HashMap<>();
        for (Bureau bureau : bureaus) {
            if (!byCode.containsKey(bureau.regionCode())) {
                throw new IllegalStateException(
                        "bureau " + bureau.code() + " on unknown region " + bureau.regionCode());
            }
            if (byRegion.putIfAbsent(bureau.regionCode(), bureau) != null
                    || byId.putIfAbsent(bureau.id(), bureau) != null
                    || bureauByCode.putIfAbsent(bureau.code(), bureau) != null) {
                throw new IllegalStateException("duplicate bureau " + bureau.code() + " (id, code or region)");
            }
        }
        this.bureausByRegion = Map.copyOf(byRegion);
        this.bureausById = Map.copyOf(byId);
        this.bureausByCode = Map.copyOf(bureauByCode);
        this.bureaus = bureaus.stream()
                .filter(Bureau::enabled)
                .sorted(Comparator.comparingInt(Bureau::sortOrder).thenComparing(Bureau::code))
                .toList();
    }

    /** The province at the root; this system serves exactly one. */
    public Region province() {
        return province;
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(lookup(regions, code));
    }

    /** Enabled regions directly below {@code code}, in display order; empty for a leaf or an unknown code. */
    public List<Region> children(String code) {
        return Objects.requireNonNullElse(lookup(enabledChildren, code), List.of());
    }

    /** Province first, {@code code} last; empty for an unknown code. */
    public List<Region> path(String code) {
        Deque<Region> path = new ArrayDeque<>();
        for (Region r = lookup(regions, code); r != null; r = lookup(regions, r.parentCode())) {
            path.addFirst(r);
        }
        return List.copyOf(path);
    }

    /** The nearest enabled bureau at {@code code} or above it. */
    public Optional<Bureau> bureauOf(String code) {
        List<Region> path = path(code);
        for (int i = path.size() - 1; i >= 0; i--) {
            Bureau bureau = bureausByRegion.get(path.get(i).code());
            if (bureau != null && bureau.enabled()) {
                return Optional.of(bureau);
            }
        }
        return Optional.empty();
    }

    /** Enabled bureaus in display order (the province's first). */
    public List<Bureau> bureaus() {
        return bureaus;
    }

    public Optional<Bureau> findBureau(long id) {
        return Optional.ofNullable(bureausById.get(id));
    }

    public Optional<Bureau> findBureau(String code) {
        return Optional.ofNullable(lookup(bureausByCode, code));
    }

    /** Whether {@code code} is {@code scopeCode} or lies below it. */
    public boolean isWithin(String code, String scopeCode) {
        return path(code).stream().anyMatch(r -> r.code().equals(scopeCode));
    }

    /** {@code scopeCode} and every region below it, enabled or not; empty for an unknown code. */
    public Set<String> codesWithin(String scopeCode) {
        if (lookup(regions, scopeCode) == null) {
            return Set.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(scopeCode));
        while (!pending.isEmpty()) {
            String code = pending.pop();
            codes.add(code);
            allChildren.getOrDefault(code, List.of()).forEach(child -> pending.add(child.code()));
        }
        return Collections.unmodifiableSet(codes);
    }

    /** Row counts, for the log. */
    public String summary() {
        Map<RegionKind, Long> byKind = regions.values().stream()
                .collect(Collectors.groupingBy(
                        Region::kind, () -> new EnumMap<>(RegionKind.class), Collectors.counting()));
        return regions.size() + " regions " + byKind + ", " + bureausById.size() + " bureaus";
    }

    /** Like {@code get}, but a {@code null} code (nothing chosen yet, or above the province) finds nothing. */
    private static <V> V lookup(Map<String, V> map, String code) {
        return code == null ? null : map.get(code);
    }

    private int reachableFromProvince() {
        Set<String> seen = new HashSet<>();
        Deque<Region> pending = new ArrayDeque<>(List.of(province));
        while (!pending.isEmpty()) {
            Region region = pending.pop();
            if (seen.add(region.code())) {
                pending.addAll(allChildren.getOrDefault(region.code(), List.of()));
            }
        }
        return seen.size();
    }
}
