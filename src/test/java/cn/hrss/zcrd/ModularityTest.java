package cn.hrss.zcrd;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** One package per feature: a reference into another module's internals fails the build. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(ZcrdApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagram() {
        new Documenter(MODULES).writeModulesAsPlantUml();
    }
}
