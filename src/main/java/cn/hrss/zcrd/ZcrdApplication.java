package cn.hrss.zcrd;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * 职称认定与电子证书系统: portal ({@code /rsrc}), back office ({@code /sdmanager}) and verification in one application.
 * Each top-level package is one feature (a Spring Modulith module); see CONVENTIONS.md.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZcrdApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZcrdApplication.class, args);
    }
}
