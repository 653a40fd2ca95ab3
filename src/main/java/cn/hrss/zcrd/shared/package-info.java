/** What truly serves every feature: the Chinese PDF font. */
package cn.hrss.zcrd.shared;
