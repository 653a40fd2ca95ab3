package cn.hrss.zcrd.backoffice;

import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.account.BackOfficeAccounts.CreatedAccount;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.NewBackOfficeAccount;
import cn.hrss.zcrd.audit.AuditActor;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.catalog.Regions;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.RefusedException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code ops/create-admin NAME}: creates the first (or another) provincial system admin from the server's shell —
 * the root of trust, since no account with a known password ships. It prints a one-time password (valid for
 * {@code zcrd.backoffice.one-time-password-validity}, to be replaced at the first login, where the TOTP
 * authenticator is enrolled) and, on request, issues the admin's first UKEY: from a PKCS#10 request file
 * ({@code --zcrd.ops.ukey-csr=FILE}, the certificate is written beside it) or, in development, into a new SoftHSM2
 * token ({@code --zcrd.ops.dev-ukey=true}). In external-CA mode for UKEY certificates the platform signs nothing: the
 * licensed CA's certificate for the request ({@code --zcrd.ops.ukey-certificate=FILE}) is checked before the account
 * is made, then bound. Everything is on the audit trail as actor {@code ops/create-admin}.
 * The application then exits.
 */
@Component
@ConditionalOnProperty("zcrd.ops.create-admin")
class CreateAdminCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String ADMIN_CREATED = "BACKOFFICE_ADMIN_CREATED_BY_OPS";
    private static final AuditActor OPS = AuditActor.system("ops/create-admin");

    private final BackOfficeAccounts accounts;
    private final UkeyLifecycle ukeys;
    private final Regions regions;
    private final AuditTrail trail;
    private final ConfigurableApplicationContext context;
    private final String username;
    private final String displayName;
    private final boolean devUkey;
    private final String csrFile;
    private final String certificateFile;
    private final String publicBase;
    private final BusinessTime time;
    private int exitCode;

    CreateAdminCommand(
            BackOfficeAccounts accounts,
            UkeyLifecycle ukeys,
            Regions regions,
            AuditTrail trail,
            ConfigurableApplicationContext context,
            @Value("${zcrd.ops.create-admin}") String username,
            @Value("${zcrd.ops.display-name:}") String displayName,
            @Value("${zcrd.ops.dev-ukey:false}") boolean devUkey,
            @Value("${zcrd.ops.ukey-csr:}") String csrFile,
            @Value("${zcrd.ops.ukey-certificate:}") String certificateFile,
            @Value("${zcrd.verification.base-url}") String publicBase,
            BusinessTime time) {
        this.accounts = accounts;
        this.time = time;
        this.ukeys = ukeys;
        this.regions = regions;
        this.trail = trail;
        this.context = context;
        this.username = username.strip();
        this.displayName = displayName.isBlank() ? this.username : displayName.strip();
        this.devUkey = devUkey;
        this.csrFile = csrFile.strip();
        this.certificateFile = certificateFile.strip();
        this.publicBase = publicBase.strip();
    }

    @Override
    public void run(ApplicationArguments args) {
        exitCode = createAdmin(new PrintStream(System.out, true, StandardCharsets.UTF_8));
        int code = exitCode;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Does the work and says what happened on {@code out}; 0 when done, 2 when refused (nothing done). */
    int createAdmin(PrintStream out) {
        if (accounts.findByUsername(username).isPresent()) {
            out.println("ERROR: a back-office account named '" + username + "' exists already; nothing done.");
            return 2;
        }
        X509Certificate external = null;
        if (ukeys.externalCaMode() && !csrFile.isEmpty()) {
            if (certificateFile.isEmpty()) {
                out.println("ERROR: UKEY certificates come from the external CA here; have it certify " + csrFile
                        + " and give its certificate with --ukey-cert; nothing done.");
                return 2;
            }
            try {
                external = ukeys.checkExternalForOperator(
                        Files.readString(Path.of(csrFile), StandardCharsets.US_ASCII),
                        Files.readAllBytes(Path.of(certificateFile)));
            } catch (RefusedException e) {
                out.println("ERROR: " + english(e.messageKey()) + " (" + e.messageKey() + "); nothing done.");
                return 2;
            } catch (java.io.IOException | RuntimeException e) {
                out.println("ERROR: " + e.getMessage() + "; nothing done.");
                return 2;
            }
        }
        CreatedAccount created;
        try {
            created = accounts.create(new NewBackOfficeAccount(
                    username,
                    displayName,
                    BackOfficeRole.SYSTEM_ADMIN,
                    regions.province().code(),
                    null,
                    true));
        } catch (InvalidInputException e) {
            out.println("ERROR: " + e.problems());
            return 2;
        }
        trail.record(AuditEntry.action(ADMIN_CREATED)
                .by(OPS)
                .from(null)
                .target("BACKOFFICE_ACCOUNT", created.account().getId())
                .detail("username=" + username + "; role=SYSTEM_ADMIN; region="
                        + regions.province().code())
                .build());
        out.println();
        out.println("Back-office system admin '" + username + "' created (region "
                + regions.province().code() + ").");
        out.println("One-time password (shown only now): " + created.oneTimePassword());
        out.println("Valid until "
                + time.seconds(created.account().getPasswordExpiresAt()) + " (" + time.zone() + ")"
                + "; at the first login (" + publicBase + "/sdmanager/, the public HTTPS face) choose a password and"
                + " enrol TOTP.");
        try {
            if (external != null) {
                IssuedUkey issued = ukeys.bindExternalAsOperator(created.account(), external, OPS);
                out.println("UKEY certificate of the external CA (serial "
                        + issued.binding().getSerialHex() + ") bound to the account.");
            } else if (!csrFile.isEmpty()) {
                String csr = Files.readString(Path.of(csrFile), StandardCharsets.US_ASCII);
                IssuedUkey issued = ukeys.issueFromRequestAsOperator(created.account(), csr, OPS);
                Path certificate = Path.of(csrFile + ".crt.pem");
                Files.writeString(certificate, issued.certificatePem(), StandardCharsets.US_ASCII);
                out.println("UKEY certificate (serial " + issued.binding().getSerialHex() + ") written to "
                        + certificate + ": write it into the UKEY beside its key.");
            } else if (devUkey) {
                IssuedUkey issued = ukeys.issueDevTokenAsOperator(created.account(), OPS);
                out.println("Dev UKEY: SoftHSM2 token " + issued.devToken().label() + ", SunPKCS11 config "
                        + issued.devToken().sunPkcs11Config() + ", PIN in "
                        + issued.devToken().pinFile());
            }
        } catch (java.io.IOException | RuntimeException e) {
            out.println("ERROR: the account was created, but no UKEY was issued: " + e.getMessage());
            return 3;
        }
        return 0;
    }

    /** The English text of a message key (the operator's shell), or the key itself. */
    private static String english(String key) {
        try {
            return java.text.MessageFormat.format(
                    java.util.ResourceBundle.getBundle("messages.messages", java.util.Locale.ENGLISH)
                            .getString(key),
                    new Object[0]);
        } catch (java.util.MissingResourceException e) {
            return key;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
