package cn.hrss.zcrd.shared;

import java.util.List;

/**
 * A request refused for a reason the user should read; nothing was stored. The one message-keyed exception
 * contract: modules throw it or a subclass that names their domain ({@code DeclarationException},
 * {@code CertificateRefusedException} …), pages show {@link #refusal()} with
 * {@link FacesMessages#page(jakarta.faces.application.FacesMessage.Severity, Refusal)}.
 */
public class RefusedException extends RuntimeException {

    private final Refusal refusal;

    public RefusedException(Refusal refusal) {
        super(refusal.messageKey() + " " + refusal.arguments());
        this.refusal = refusal;
    }

    public RefusedException(String messageKey, Object... arguments) {
        this(Refusal.of(messageKey, arguments));
    }

    public Refusal refusal() {
        return refusal;
    }

    public String messageKey() {
        return refusal.messageKey();
    }

    public List<Object> arguments() {
        return refusal.arguments();
    }
}
