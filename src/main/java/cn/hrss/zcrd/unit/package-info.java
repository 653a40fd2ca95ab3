/**
 * Units (单位): registration, the unit directory with fuzzy name search, and (in later issues) reporting paths and
 * issuing authority. A unit's portal credentials are kept by the account module.
 */
package cn.hrss.zcrd.unit;
