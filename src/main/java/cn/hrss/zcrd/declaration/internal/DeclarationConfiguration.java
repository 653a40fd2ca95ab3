package cn.hrss.zcrd.declaration.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeclarationConfiguration {

    @Bean
    AttachmentInspector attachmentInspector(DeclarationProperties properties) {
        return new AttachmentInspector(properties.attachmentMaxBytes(), properties.maxImagePixels());
    }
}
