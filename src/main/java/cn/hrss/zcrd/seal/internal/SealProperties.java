package cn.hrss.zcrd.seal.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zcrd.seal.*}: limits of an uploaded seal image.
 *
 * @param maxBytes largest PNG accepted (default 512 KB: a real seal is tens of KB; keep it below the servlet
 *                 container's multipart limit, {@code spring.servlet.multipart.max-file-size}, default 1 MB, so the
 *                 refusal is this check's Chinese message and not the container's error)
 * @param maxSide  longest side in pixels (default 2000: 150 pt on the certificate at more than 900 dpi); checked
 *                 from the PNG header before any pixel is decoded
 * @param minSide  shortest side in pixels (default 100: smaller is blurred on the certificate)
 */
@ConfigurationProperties("zcrd.seal")
public record SealProperties(
        @DefaultValue("524288") long maxBytes,
        @DefaultValue("2000") int maxSide,
        @DefaultValue("100") int minSide) {}
