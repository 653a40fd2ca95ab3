/** What serves every feature: the PDF font and self-validating identifiers (ID number, credit code). */
package cn.hrss.zcrd.shared;
