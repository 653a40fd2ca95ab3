package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.shared.RateLimits;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filters that bound what a stranger's requests cost, in front of everything (Spring Security's chain is at
 * -100, verification's own limit at -200): uploads by address before their body is parsed, and sessions made for
 * visitors who are not signed in.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

    @Bean
    FilterRegistrationBean<UploadLimitFilter> uploadLimitFilter(RateLimits limits, MessageSource messages) {
        FilterRegistrationBean<UploadLimitFilter> registration =
                new FilterRegistrationBean<>(new UploadLimitFilter(limits.named("upload"), messages));
        registration.addUrlPatterns("/*");
        registration.setOrder(-300);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AnonymousSessions> anonymousSessions(
            RateLimits limits, @Value("${zcrd.anonymous-sessions.timeout:10m}") Duration timeout) {
        FilterRegistrationBean<AnonymousSessions> registration =
                new FilterRegistrationBean<>(new AnonymousSessions(limits.named("anonymous-session"), timeout));
        registration.addUrlPatterns("/*");
        registration.setOrder(-250);
        return registration;
    }
}
