package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.catalog.Region;
import cn.hrss.zcrd.catalog.Regions;
import java.io.Serializable;
import java.util.List;

/**
 * A region picked from the directory as unit registration picks it: the province itself (省直属单位) or one of its
 * cities, then optionally a county of that city ({@code WEB-INF/includes/region-cascade.xhtml}). Used by 单位注册 and by
 * the bureau's correction of a unit's region.
 */
public final class RegionCascade implements Serializable {

    private final Regions regions;
    private String cityCode;
    private String districtCode;

    RegionCascade(Regions regions) {
        this.regions = regions;
    }

    /** Shows {@code regionCode}: its city (the province for a province-level code) and its county. */
    void show(String regionCode) {
        List<Region> path = regionCode == null ? List.of() : regions.path(regionCode);
        cityCode = path.size() > 1 ? path.get(1).code() : regions.province().code();
        districtCode = path.size() > 2 ? path.get(2).code() : null;
    }

    /** The cities of the province (the province itself is offered first by the page). */
    public List<Region> getCities() {
        return regions.children(regions.province().code());
    }

    public Region getProvince() {
        return regions.province();
    }

    public List<Region> getDistricts() {
        return cityCode == null
                        || cityCode.isBlank()
                        || cityCode.equals(regions.province().code())
                ? List.of()
                : regions.children(cityCode);
    }

    /** ajax: a new city empties the county. */
    public void cityChanged() {
        districtCode = null;
    }

    /** The county when one is chosen, else the city (or the province); null when nothing is. */
    public String getRegionCode() {
        if (districtCode != null && !districtCode.isBlank()) {
            return districtCode;
        }
        return cityCode == null || cityCode.isBlank() ? null : cityCode;
    }

    /** 山东省 / 济南市 / 历下区, as the confirmation shows it. */
    public String getRegionPath() {
        return getRegionCode() == null ? "" : regions.displayPath(getRegionCode());
    }

    public String getCityCode() {
        return cityCode;
    }

    public void setCityCode(String cityCode) {
        this.cityCode = cityCode;
    }

    public String getDistrictCode() {
        return districtCode;
    }

    public void setDistrictCode(String districtCode) {
        this.districtCode = districtCode;
    }
}
