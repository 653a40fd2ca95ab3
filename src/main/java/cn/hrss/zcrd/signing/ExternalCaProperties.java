package cn.hrss.zcrd.signing;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The licensed external CA of {@code zcrd.signing.seal-certificates: external}: what an imported seal certificate
 * must chain to and carry, and what the verifier then accepts as a seal.
 *
 * @param anchors PEM files, each with one or more certificates of the external CA that are trusted as anchors: its
 *     root and/or the intermediate that issues seal certificates (an imported certificate must chain to one of them)
 * @param intermediates PEM files with the external CA's intermediate certificates between an anchor and the seal
 *     certificates, used to build chains (an upload may also carry them)
 * @param crls the external CA's current CRLs (PEM or DER files, re-read on use): checked on import and by the
 *     verifier, and embedded in each signed certificate as long-term validation data
 * @param sealPolicy the certificate policy OID the external CA writes into seal certificates; empty: the platform's
 *     own seal policy ({@code policy-arc.1.1}, see {@link CertificateProfile#SEAL})
 */
@ConfigurationProperties("zcrd.signing.external-ca")
public record ExternalCaProperties(
        @DefaultValue List<Path> anchors,
        @DefaultValue List<Path> intermediates,
        @DefaultValue List<Path> crls,
        @DefaultValue("") String sealPolicy) {}
