/**
 * 统计分析 (issue 17 item 8): declarations and certificates of the viewer's region counted by region, series
 * (系列), level (级别), state and month, with the page's filters (a month range in the business zone, business type,
 * series, level), shown as tables and Chart.js charts and exportable to Excel.
 *
 * <p>API: {@link cn.hrss.zcrd.statistics.Statistics#report} with a
 * {@link cn.hrss.zcrd.statistics.StatisticsQuery}, answering a {@link cn.hrss.zcrd.statistics.StatisticsReport}.
 * Who may look: {@code BackOfficeAction.VIEW_STATISTICS} (system admins and bureau reviewers, a password session
 * too); what they see: their own region and everything below it (a city's staff their city only).
 *
 * <p>Why this module reads other modules' tables with its own SQL instead of going through their APIs: the figures
 * are {@code GROUP BY} counts over up to a province's whole year of declarations; no module's API answers counts, and
 * reading 100,000 records through them to count in Java would load what a single indexed query counts in the
 * database. The SQL is read-only, lives in one class ({@code internal.StatisticsSql}), reads only stable columns
 * (declaration state, business type, series, level, first submission time and declaring unit; a certificate's status,
 * issue time and declaration; a unit's region) and runs against the real schema in {@code StatisticsIT}, so a
 * change of those tables fails there. Names and labels come from the modules' APIs (catalog, declaration states,
 * certificate statuses, business types).
 */
package cn.hrss.zcrd.statistics;
