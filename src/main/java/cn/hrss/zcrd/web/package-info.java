/**
 * What truly serves every face: the three connectors (public HTTPS, the back office's mutual-TLS UKEY port, plain
 * HTTP for {@code /pki/} and redirects; {@link cn.hrss.zcrd.web.ConnectorPorts}) and the CRL the UKEY port checks
 * client certificates against ({@link cn.hrss.zcrd.web.UkeyRevocationList}).
 *
 * <p>Inside ({@code internal}): the security configuration (one filter chain per face, the back-office session
 * check, CSRF, security headers and the faces' content security policy, request limits), the layout's shared beans,
 * error and refusal pages, and the production-readiness checks at start-up.
 */
package cn.hrss.zcrd.web;
