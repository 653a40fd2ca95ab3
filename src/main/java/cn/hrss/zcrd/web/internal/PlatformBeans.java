package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.shared.BusinessDateConverter;
import cn.hrss.zcrd.shared.BusinessTime;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
// @Retryable on services: transactions re-run after a Galera conflict or a lost connection (shared.DatabaseFailover)
@EnableResilientMethods
class PlatformBeans {

    /** The platform clock, in the business zone, so even a stray {@code LocalDate.now(clock)} is the bureau's day. */
    @Bean
    Clock clock(@Value("${zcrd.time-zone:Asia/Shanghai}") ZoneId zone) {
        return Clock.system(zone);
    }

    /** The one business time zone and formatter ({@code #{businessTime}} on pages). */
    @Bean
    BusinessTime businessTime(Clock clock, @Value("${zcrd.time-zone:Asia/Shanghai}") ZoneId zone) {
        return new BusinessTime(clock, zone);
    }

    /** The date fields' converter ({@code converter="#{businessDate}"}). */
    @Bean
    BusinessDateConverter businessDate() {
        return new BusinessDateConverter();
    }

    /**
     * The UI texts of {@code messages/messages_*.properties} (the same bundles the faces views use). Chinese is the
     * default; there is deliberately no base bundle, so Boot's auto-configuration would not pick them up.
     */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return messages;
    }

    /** Spring Security's delegating encoder: bcrypt today, upgradable by prefix. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
