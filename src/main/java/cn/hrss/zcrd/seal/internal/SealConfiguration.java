package cn.hrss.zcrd.seal.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SealConfiguration {

    @Bean
    SealImageInspector sealImageInspector(SealProperties properties) {
        return new SealImageInspector(properties.maxBytes(), properties.maxSide(), properties.minSide());
    }
}
