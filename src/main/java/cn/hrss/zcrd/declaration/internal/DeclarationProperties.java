package cn.hrss.zcrd.declaration.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zcrd.declaration.*}
 *
 * @param attachmentMaxBytes largest attachment accepted (default 5 MB)
 * @param maxAttachments     attachments per declaration
 * @param maxImagePixels     largest image (width × height) decoded; a bigger one is refused before decoding
 */
@ConfigurationProperties("zcrd.declaration")
public record DeclarationProperties(
        @DefaultValue("5242880") long attachmentMaxBytes,
        @DefaultValue("20") int maxAttachments,
        @DefaultValue("60000000") long maxImagePixels) {}
