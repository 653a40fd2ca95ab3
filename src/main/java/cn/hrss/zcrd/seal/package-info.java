/**
 * Seals (印章): a unit's seal impressions (印章印模, uploaded on the portal, approved by the bureau, versioned) and
 * its electronic seals (a signing key generated inside the platform token plus a certificate from the seal CA, one
 * per approved impression version).
 */
package cn.hrss.zcrd.seal;
