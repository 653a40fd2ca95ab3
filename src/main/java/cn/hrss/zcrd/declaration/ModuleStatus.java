package cn.hrss.zcrd.declaration;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A module's review mark and the reviewer's opinion when it was rejected. Immutable: replaced as a whole. */
@Embeddable
class ModuleStatus {

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private ModuleState state;

    @Column(name = "opinion", length = 1000)
    private String opinion;

    protected ModuleStatus() {}

    private ModuleStatus(ModuleState state, String opinion) {
        this.state = state;
        this.opinion = opinion;
    }

    static ModuleStatus normal() {
        return new ModuleStatus(ModuleState.NORMAL, null);
    }

    static ModuleStatus rejected(String opinion) {
        return new ModuleStatus(ModuleState.REJECTED, opinion);
    }

    /** Changed after the return; the reviewer's opinion stays visible. */
    ModuleStatus modified() {
        return new ModuleStatus(ModuleState.MODIFIED, opinion);
    }

    ModuleState state() {
        return state;
    }

    String opinion() {
        return opinion;
    }
}
