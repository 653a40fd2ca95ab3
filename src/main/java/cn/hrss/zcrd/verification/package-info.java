/**
 * Public verification of title certificates (SPEC §8): the page {@code /verify/} (by number and holder name, by
 * the QR code's address {@code /verify/c/{number}?k={key}}, by uploading the PDF) and the JSON API
 * {@code /api/verify/…} described by {@code /api/verify/openapi.yaml}. No login; answers come from the certificate
 * register ({@code certificate.CertificateRegister}) and a fast strict check of the PDF's signature against the
 * platform PKI ({@code signing.CertificateAuthority}). Requests are rate-limited per client address.
 */
package cn.hrss.zcrd.verification;
