package cn.hrss.zcrd.catalog;

import java.io.Serializable;

/**
 * 现从事专业 (specialty). It belongs to a series and, optionally, to one of its tracks; a title offers the
 * specialties of its series that have no track or share its track (a title without a track offers them all).
 *
 * @param trackCode the track, or {@code null} when every title of the series offers it
 */
public record Specialty(
        long id, String code, String name, String seriesCode, String trackCode, int sortOrder, boolean enabled)
        implements Serializable {}
