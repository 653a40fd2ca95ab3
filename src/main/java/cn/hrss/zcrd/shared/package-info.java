/**
 * What serves every feature: the one refusal type ({@link cn.hrss.zcrd.shared.Refusal}) and message-keyed exception
 * contract ({@link cn.hrss.zcrd.shared.RefusedException}) with the one faces helper
 * ({@link cn.hrss.zcrd.shared.FacesMessages}), the one business time zone and formatter
 * ({@link cn.hrss.zcrd.shared.BusinessTime}), the PDF font and self-validating identifiers (ID number, credit code).
 */
package cn.hrss.zcrd.shared;
