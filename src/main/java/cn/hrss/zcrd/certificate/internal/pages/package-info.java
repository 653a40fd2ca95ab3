/**
 * The certificate pages (issue 7): 证书库管理 → 职称认定 ({@code /sdmanager/certificates/library.xhtml}),
 * 职称认定证书管理 ({@code /sdmanager/certificates/manage.xhtml}), the applicant's 我的证书
 * ({@code /rsrc/person/certificates.xhtml}) and the PDF downloads behind them. They only translate user actions into
 * calls of the module's public services ({@code CertificateLibrary}, {@code CertificateIssuance},
 * {@code TitleCertificates}), which check every action themselves, and their refusals into Chinese messages.
 */
package cn.hrss.zcrd.certificate.internal.pages;
