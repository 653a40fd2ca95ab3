/**
 * Reference data (字典, SPEC §3): the title cascade 申报级别 → 申报职称 → 现从事专业 inside a 职称系列, the
 * 申报方式 of full-time recognition, and the region tree with its HR bureaus (人社局).
 *
 * <p>The data ships as Flyway migrations and is read once into immutable in-memory snapshots, so cascades answer
 * without a database round trip; {@link cn.hrss.zcrd.catalog.TitleCatalog#reload()} and
 * {@link cn.hrss.zcrd.catalog.Regions#reload()} pick up an admin's edits. Rows are disabled rather than deleted:
 * lists offer only enabled rows, {@code find…} methods find every row so old declarations still display.
 */
package cn.hrss.zcrd.catalog;
