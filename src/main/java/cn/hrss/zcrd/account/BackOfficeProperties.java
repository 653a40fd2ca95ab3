package cn.hrss.zcrd.account;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Back-office login and policy settings ({@code zcrd.backoffice.*}).
 *
 * @param ukeyRequiredFor actions a password (+TOTP) session may not do; default
 *                        {@link BackOfficeAction#defaultUkeyRequired()}
 * @param oneTimePasswordValidity how long an initial or reset password may be used for the first login
 * @param totpKeyFile the AES key (hex, 32 bytes) that seals TOTP secrets in the database
 * @param totpIssuer the issuer shown by authenticator apps
 * @param ukeyCertificates who certifies back-office UKEY keys: {@code internal} (the platform's UKEY CA, at once; the
 *     default) or {@code external} (a licensed CA: the request is kept, the certificate the CA issued imported)
 */
@ConfigurationProperties("zcrd.backoffice")
public record BackOfficeProperties(
        Set<BackOfficeAction> ukeyRequiredFor,
        @DefaultValue("72h") Duration oneTimePasswordValidity,
        Path totpKeyFile,
        @DefaultValue("ZCRD") String totpIssuer,
        @DefaultValue("internal") UkeyCertificates ukeyCertificates) {

    /** Who certifies back-office UKEY keys ({@code zcrd.backoffice.ukey-certificates}). */
    public enum UkeyCertificates {
        /** the platform's UKEY CA, at once from the UKEY's PKCS#10 request */
        INTERNAL,
        /**
         * a licensed external CA ({@code zcrd.signing.external-ca.*}): the request is downloaded for it and its
         * certificate imported; the TLS listener also trusts its anchors and checks its CRLs
         */
        EXTERNAL
    }

    public BackOfficeProperties {
        ukeyRequiredFor = ukeyRequiredFor == null
                ? BackOfficeAction.defaultUkeyRequired()
                : ukeyRequiredFor.isEmpty() ? EnumSet.noneOf(BackOfficeAction.class) : EnumSet.copyOf(ukeyRequiredFor);
    }
}
