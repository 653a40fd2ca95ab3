package cn.hrss.zcrd.web.internal;

import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * The {@code prod} profile checks the configuration before any bean is made (token, database, listeners): a start
 * that {@link ProductionReadiness} finds wanting stops with every cause listed ({@link
 * ProductionSetupFailureAnalyzer}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
class ProductionProfile {

    @Bean
    static BeanFactoryPostProcessor productionReadiness(Environment environment) {
        return factory -> {
            List<ProductionReadiness.Problem> problems = ProductionReadiness.check(environment);
            if (!problems.isEmpty()) {
                throw new ProductionSetupException(problems);
            }
        };
    }
}
